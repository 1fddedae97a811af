import Foundation
import KPlanCore

struct CheckCommand: Command {
    static let spec = CommandSpec(
        name: "check",
        arguments: [ArgumentSpec("filer", .oneOrMore)],
        options: [.choice("format", OutputFormat.self, help: Text.get("cli.check.option.format"), default: .text),
                  .flag("strict", help: Text.get("cli.check.option.strict")), PolicyOptions.option])

    enum OutputFormat: String, CaseIterable { case text, json }

    let files: [String]
    let format: OutputFormat
    let strict: Bool
    let policies: PolicyOptions

    init(_ a: ParsedArguments) {
        files = a.arguments("filer")
        format = a.choice("format")
        strict = a.flag("strict")
        policies = PolicyOptions(a)
    }

    func run() throws {
        let set = try policies.policySet()
        let decoder = PlanDecoder(policies: set), engine = Engine(policies: set)
        var status = ExitStatus.ok
        var results: [(String, SourceBytes, PlanCheck)] = []
        MappedFileGuard.install()
        for file in files {
            let bytes: SourceBytes
            do { bytes = try PlanStore.map(file) } catch {
                Console.err("kplan: \(error.description)\n")
                status = max(status, ExitStatus.io)
                continue
            }
            let check = PlanCheck.run(bytes, decoder: decoder, engine: engine)
            results.append((file, bytes, check))
            if check.unreadable { status = max(status, ExitStatus.invalidInput) }
            else if check.errors > 0 || (strict && check.warnings > 0) { status = max(status, ExitStatus.findings) }
        }
        switch format {
        case .text:
            for (file, bytes, check) in results {
                let renderer = DiagnosticRenderer(fileName: file, bytes: bytes)
                for d in check.diagnostics { Console.out(renderer.render(d)) }
                Console.out("\(file): \(DiagnosticRenderer.summary(check.diagnostics))\n")
            }
        case .json:
            Console.out(String(decoding: CheckJSON.encode(results.map { ($0.0, $0.1, $0.2) }), as: UTF8.self))
        }
        // Exit with everything still allocated: freeing a large plan object by object
        // only delays the exit.
        withExtendedLifetime(results) { Foundation.exit(status) }
    }
}
