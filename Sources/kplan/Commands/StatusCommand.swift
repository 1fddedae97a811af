import KPlanCore

struct StatusCommand: Command {
    static let spec = CommandSpec(
        name: "status",
        arguments: [ArgumentSpec("fil"), ArgumentSpec("overgang")],
        options: [.option("body", "organ", help: Text.get("cli.status.option.body")),
                  .option("case", "saksnummer", help: Text.get("cli.status.option.case")),
                  .option("date", "dato", help: Text.get("cli.status.option.date")), PolicyOptions.option])

    enum Transition: String, CaseIterable { case submit, approve, revise }

    let file: String
    let transition: Transition
    let body: String?
    let caseNumber: String?
    let date: String?
    let policies: PolicyOptions

    init(_ a: ParsedArguments) throws(UsageError) {
        file = a.required("fil")
        let word = a.required("overgang")
        guard let transition = Transition(rawValue: word) else {
            throw UsageError(message: Text.get("cli.usage.bad-choice", word, "<overgang>", Format.alternatives(Transition.allCases.map(\.rawValue))),
                             command: Self.spec)
        }
        self.transition = transition
        (body, caseNumber, date) = (a.value("body"), a.value("case"), a.value("date"))
        policies = PolicyOptions(a)
        guard transition == .approve else { return }
        guard let body, !body.isEmpty, let caseNumber, !caseNumber.isEmpty, let date else {
            throw UsageError(message: Text.get("cli.status.approve-needs"), command: Self.spec)
        }
        guard ISODate.isValid(date) else { throw UsageError(message: Text.get("decode.invalid-date", date), command: Self.spec) }
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
        case .revise:
            // A new revision is a draft again; the decision that approved the last one stays
            // among the decisions, and git keeps the approved file.
            guard plan.status != .draft else {
                Console.out(Text.get("cli.status.already", file, Text.get("status.draft")) + "\n")
                return
            }
            plan.status = .draft
        }
        let check = PlanCheck.run(PlanEncoder.encode(plan), decoder: PlanDecoder(policies: set), engine: engine)
        let blocking = check.diagnostics.filter { $0.severity == .error || $0.severity == .warning }
        // A draft may have findings: that is what a revision is for.
        guard blocking.isEmpty || transition == .revise else {
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
