import KPlanCore

struct GenerateCommand: Command {
    static let spec = CommandSpec(
        name: "generate",
        arguments: [ArgumentSpec("fil")],
        options: [.option("needs", "antall", help: Text.get("cli.generate.option.needs"), default: "100"),
                  .option("measures", "antall", help: Text.get("cli.generate.option.measures"), default: "100"),
                  .option("years", "antall", help: Text.get("cli.generate.option.years"), default: "4"),
                  .option("seed", "tall", help: Text.get("cli.generate.option.seed"), default: "1")])

    let needs: Int
    let measures: Int
    let years: Int
    let seed: UInt64
    let file: String

    init(_ a: ParsedArguments) throws(UsageError) {
        needs = try a.integer("needs")
        measures = try a.integer("measures")
        years = try a.integer("years")
        seed = try a.integer("seed", as: UInt64.self)
        file = a.required("fil")
        guard needs >= 0, measures >= 0, (1...50).contains(years) else {
            throw UsageError(message: Text.get("cli.generate.range"), command: Self.spec)
        }
    }

    func run() throws {
        let plan = PlanGenerator.generate(needs: needs, measures: measures, years: years, seed: seed)
        do { try PlanFile.save(plan, to: file, expected: nil) } catch { throw Console.fail(error.description, ExitStatus.io) }
    }
}
