import KPlanCore

struct FmtCommand: Command {
    static let spec = CommandSpec(
        name: "fmt",
        arguments: [ArgumentSpec("filer", .oneOrMore)],
        options: [.flag("check", help: Text.get("cli.fmt.option.check")), PolicyOptions.option])

    let files: [String]
    let check: Bool
    let policies: PolicyOptions

    init(_ a: ParsedArguments) {
        files = a.arguments("filer")
        check = a.flag("check")
        policies = PolicyOptions(a)
    }

    func run() throws {
        let decoder = PlanDecoder(policies: try policies.policySet())
        var status = ExitStatus.ok
        for file in files {
            // The file's bytes are let go before the plan is written out: with both, a large
            // plan was three copies of itself in memory. The file is compared in pieces.
            let plan: Plan, disk: DiskVersion
            do {
                let loaded: LoadedPlan
                do { loaded = try PlanFile.load(file, decoder: decoder) } catch {
                    Console.err("kplan: \(error.description)\n")
                    status = max(status, ExitStatus.io)
                    continue
                }
                guard let decoded = loaded.plan, !loaded.hasErrors else {
                    Console.printDiagnostics(DiagnosticRenderer.sorted(loaded.diagnostics), file: file, bytes: loaded.bytes)
                    status = max(status, ExitStatus.invalidInput)
                    continue
                }
                (plan, disk) = (decoded, loaded.disk)
            }
            let canonical = PlanEncoder.encode(plan)
            if DiskVersion(bytes: canonical) == disk, PlanStore.contentEquals(file, canonical) { continue }
            if check {
                Console.out("\(file)\n")
                status = max(status, ExitStatus.findings)
                continue
            }
            do {
                try PlanStore.write(canonical, to: file, expected: disk)
                Console.out(Text.get("cli.fmt.written", file) + "\n")
            } catch {
                Console.err("kplan: \(error.description)\n")
                status = max(status, ExitStatus.io)
            }
        }
        if status != ExitStatus.ok { throw ExitCode(status) }
    }
}
