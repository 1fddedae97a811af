import ArgumentParser
import KPlanCore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Vis et sammendrag av planen: status, innhold, budsjett per år, framskrivinger og gap per behov.")

    @Argument(help: "Planfil (standard: eksempelplanen).") var file: String?
    @OptionGroup var policies: PolicyOptions

    func run() throws {
        let set = try policies.policySet()
        let path = file ?? ExamplePlan.path
        let loaded: LoadedPlan
        do { loaded = try PlanFile.load(path, decoder: PlanDecoder(policies: set)) } catch {
            throw Console.fail(error.description, ExitStatus.io)
        }
        guard let plan = loaded.plan, !loaded.hasErrors else {
            Console.printDiagnostics(DiagnosticRenderer.sorted(loaded.diagnostics), file: path, bytes: loaded.bytes)
            throw ExitCode(ExitStatus.invalidInput)
        }
        Console.out(PlanSummary.render(plan, report: Engine(policies: set).check(plan)))
    }
}
