import KPlanCore

struct ShowCommand: Command {
    static let spec = CommandSpec(
        name: "show",
        arguments: [ArgumentSpec("fil", .optional)],
        options: [PolicyOptions.option])

    let file: String?
    let policies: PolicyOptions

    init(_ a: ParsedArguments) {
        file = a.argument("fil")
        policies = PolicyOptions(a)
    }

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
