import ArgumentParser
import KPlanCore

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Endre planens status når kontrollen tillater det: submit (send til behandling) eller approve (godkjent).",
        discussion: """
        submit krever null feil og at alle advarsler er rettet eller har unntak med begrunnelse.
        approve krever i tillegg vedtaket: --body, --case og --date. Ellers endres ingenting.
        """)

    enum Transition: String, ExpressibleByArgument, CaseIterable { case submit, approve }

    @Argument(help: "Planfil.") var file: String
    @Argument(help: "submit eller approve.") var transition: Transition
    @Option(help: "Vedtaksorgan, f.eks. Kommunestyret (approve).") var body: String?
    @Option(name: .customLong("case"), help: "Saksnummer (approve).") var caseNumber: String?
    @Option(help: "Vedtaksdato ÅÅÅÅ-MM-DD (approve).") var date: String?
    @OptionGroup var policies: PolicyOptions

    func validate() throws {
        guard transition == .approve else { return }
        guard let body, !body.isEmpty, let caseNumber, !caseNumber.isEmpty, let date else {
            throw ValidationError(Text.get("cli.status.approve-needs"))
        }
        guard ISODate.isValid(date) else { throw ValidationError(Text.get("decode.invalid-date", date)) }
    }

    func run() throws {
        let set = try policies.policySet()
        let loaded: LoadedPlan
        do { loaded = try PlanFile.load(file, decoder: PlanDecoder(policies: set)) } catch {
            throw Console.fail(error.description, ExitStatus.io)
        }
        guard var plan = loaded.plan, !loaded.hasErrors else {
            Console.printDiagnostics(DiagnosticRenderer.sorted(loaded.diagnostics), file: file, bytes: loaded.bytes)
            throw ExitCode(ExitStatus.invalidInput)
        }
        let engine = Engine(policies: set)
        switch transition {
        case .submit:
            plan.status = .submitted
        case .approve:
            plan = Approval.approve(plan, body: body!, caseNumber: caseNumber!, date: date!)
        }
        let check = PlanCheck.run(PlanEncoder.encode(plan), decoder: PlanDecoder(policies: set), engine: engine)
        let blocking = check.diagnostics.filter { $0.severity == .error || $0.severity == .warning }
        guard blocking.isEmpty else {
            Console.err(Text.get("cli.status.refused", Text.get("status.\(plan.status.rawValue)")) + "\n")
            // Positions refer to the current file, so report against the loaded bytes.
            let current = PlanCheck.run(loaded.bytes, decoder: PlanDecoder(policies: set), engine: engine)
            let shown = current.diagnostics.filter { $0.severity != .note && $0.id != "status-not-allowed" }
            Console.printDiagnostics(shown.isEmpty ? blocking : shown, file: file, bytes: shown.isEmpty ? PlanEncoder.encode(plan) : loaded.bytes)
            throw ExitCode(ExitStatus.findings)
        }
        do { try PlanFile.save(plan, to: file, expected: loaded.disk) } catch {
            throw Console.fail(error.description, ExitStatus.io)
        }
        Console.out(Text.get("cli.status.changed", file, Text.get("status.\(plan.status.rawValue)")) + "\n")
    }
}
