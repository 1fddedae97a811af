import ArgumentParser
import Foundation
import KPlanCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Kontroller planen mot KS-metoden, Kompetanseløft 2025, reformene og tilskuddsreglene.",
        discussion: """
        Alle funn skrives som FIL:LINJE:KOLONNE: error|warning|note[regel]: melding, sortert etter plassering.
        Avslutningskode: 0 uten feil, 1 med feil (eller advarsler med --strict), 2 feil bruk, 65 filen kan ikke leses som plan.
        """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Planfiler (*.kplan.json).") var files: [String]
    @Option(help: "Utdataformat: text eller json.") var format: OutputFormat = .text
    @Flag(help: "Advarsler gir også avslutningskode 1.") var strict = false
    @OptionGroup var policies: PolicyOptions

    func run() throws {
        let set = try policies.policySet()
        let decoder = PlanDecoder(policies: set), engine = Engine(policies: set)
        var status = ExitStatus.ok
        var results: [(String, [UInt8], PlanCheck)] = []
        for file in files {
            let bytes: [UInt8]
            do { bytes = try PlanStore.read(file) } catch {
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
