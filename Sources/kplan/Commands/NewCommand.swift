import ArgumentParser
import Foundation
import KPlanCore

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Lag en ny, gyldig plan med de gjeldende policy-pakkene.")

    @Argument(help: "Ny planfil, f.eks. Plans/fjordvik-2026-2029.kplan.json.") var file: String
    @Option(help: "Kommunens navn, f.eks. «Fjordvik kommune».") var municipality: String
    @Option(help: "Kommunenummer (fire sifre).") var number: String
    @Option(help: "Fylke.") var county: String = ""
    @Option(help: "Første år i planperioden.") var from: Int
    @Option(help: "Siste år i planperioden.") var to: Int

    func validate() throws {
        guard number.count == 4, number.allSatisfy(\.isASCII), number.allSatisfy(\.isNumber) else {
            throw ValidationError(Text.get("cli.new.number", number))
        }
        guard (1900...2200).contains(from), (1900...2200).contains(to), to >= from else {
            throw ValidationError(Text.get("cli.new.period", String(from), String(to)))
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
