import Foundation
import KPlanCore

struct CheckCommand: Command {
    static let spec = CommandSpec(
        name: "check",
        abstract: "Kontroller planen mot KS-metoden, Kompetanseløft 2025, reformene og tilskuddsreglene.",
        discussion: """
        Alle funn skrives som FIL:LINJE:KOLONNE: error|warning|note[regel]: melding, sortert etter plassering.
        Avslutningskode: 0 uten feil, 1 med feil (eller advarsler med --strict), 2 feil bruk, 65 filen kan ikke leses som plan.
        """,
        arguments: [ArgumentSpec("filer", help: "Planfiler (*.kplan.json).", .oneOrMore)],
        options: [.choice("format", OutputFormat.self, help: "Utdataformat: text eller json.", default: .text),
                  .flag("strict", help: "Advarsler gir også avslutningskode 1."), PolicyOptions.option])

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
