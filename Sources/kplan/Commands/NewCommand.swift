import Foundation
import KPlanCore

struct NewCommand: Command {
    static let spec = CommandSpec(
        name: "new",
        arguments: [ArgumentSpec("fil")],
        options: [.option("municipality", "navn", help: Text.get("cli.new.option.municipality"), required: true),
                  .option("number", "nummer", help: Text.get("cli.new.option.number"), required: true),
                  .option("county", "fylke", help: Text.get("cli.new.option.county")),
                  .option("from", "år", help: Text.get("cli.new.option.from"), required: true),
                  .option("to", "år", help: Text.get("cli.new.option.to"), required: true)])

    let file: String
    let municipality: String
    let number: String
    let county: String
    let from: Int
    let to: Int

    init(_ a: ParsedArguments) throws(UsageError) {
        file = a.required("fil")
        municipality = a.required("municipality")
        number = a.required("number")
        county = a.value("county") ?? ""
        from = try a.integer("from")
        to = try a.integer("to")
        guard number.count == 4, number.allSatisfy(\.isASCII), number.allSatisfy(\.isNumber) else {
            throw UsageError(message: Text.get("cli.new.number", number), command: Self.spec)
        }
        guard (1900...2200).contains(from), (1900...2200).contains(to), to >= from else {
            throw UsageError(message: Text.get("cli.new.period", String(from), String(to)), command: Self.spec)
        }
    }

    func run() throws {
        if FileManager.default.fileExists(atPath: file) {
            throw Console.fail(Text.get("cli.new.exists", file), ExitStatus.io)
        }
        let plan = PlanFile.skeleton(municipality: municipality, number: number, county: county, from: from, to: to)
        do {
            try PlanFile.save(plan, to: file, expected: .absent)
        } catch {
            throw Console.fail(error.description, ExitStatus.io)
        }
        Console.out(Text.get("cli.new.created", file) + "\n")
    }
}
