import ArgumentParser
import KPlanCore

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Lag en syntetisk, gyldig plan av valgfri størrelse (for ytelsesmålinger).")

    @Option(help: "Antall behov.") var needs = 100
    @Option(help: "Antall tiltak.") var measures = 100
    @Option(help: "Antall år i planperioden.") var years = 4
    @Option(help: "Frø for tilfeldighetene; samme frø gir samme plan.") var seed: UInt64 = 1
    @Argument(help: "Filen som skal skrives.") var file: String

    func validate() throws {
        guard needs >= 0, measures >= 0, (1...50).contains(years) else { throw ValidationError(Text.get("cli.generate.range")) }
    }

    func run() throws {
        let plan = PlanGenerator.generate(needs: needs, measures: measures, years: years, seed: seed)
        do { try PlanFile.save(plan, to: file, expected: nil) } catch { throw Console.fail(error.description, ExitStatus.io) }
    }
}
