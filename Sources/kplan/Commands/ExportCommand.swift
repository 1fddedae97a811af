import Foundation
import KPlanCore

struct ExportCommand: Command {
    static let spec = CommandSpec(
        name: "export",
        arguments: [ArgumentSpec("fil")],
        options: [.choice("format", Format.self, help: Text.get("cli.export.option.format"), default: .text),
                  .choice("document", Document.self, help: Text.get("cli.export.option.document"), default: .plan),
                  .option("out", "fil", help: Text.get("cli.export.option.out")),
                  .option("pdf", "fil", help: Text.get("cli.export.option.pdf")), PolicyOptions.option])

    enum Format: String, CaseIterable { case text, ms, markdown }
    enum Document: String, CaseIterable { case plan, saksframlegg }

    let file: String
    let format: Format
    let document: Document
    let out: String?
    let pdf: String?
    let policies: PolicyOptions

    init(_ a: ParsedArguments) {
        file = a.required("fil")
        format = a.choice("format")
        document = a.choice("document")
        out = a.value("out")
        pdf = a.value("pdf")
        policies = PolicyOptions(a)
    }

    func run() throws {
        let set = try policies.policySet()
        let loaded = try loadForEditing(file, policies: set)
        let plan = loaded.plan!
        let report = Engine(policies: set).check(plan)
        // The plan is written out block by block; the case draft is a few pages.
        func doc() -> ExportDocument { PlanDocument.caseDraft(plan, report: report, policies: set) }
        func groff() -> String { document == .plan ? PlanDocument.planGroff(plan, report: report, policies: set) : GroffRenderer.render(doc()) }
        if let pdf {
            let bytes = try Groff.pdf(groff())
            do { try PlanStore.write(bytes, to: pdf, expected: nil) } catch { throw Console.fail(error.description, ExitStatus.io) }
            return
        }
        let bytes: [UInt8]
        switch format {
        case .text: bytes = document == .plan ? PlanDocument.planText(plan, report: report, policies: set) : PlainTextRenderer.render(doc())
        case .ms: bytes = Array(groff().utf8)
        case .markdown:
            bytes = Array((document == .plan ? PlanDocument.planMarkdown(plan, report: report, policies: set) : MarkdownRenderer.render(doc())).utf8)
        }
        if let out {
            do { try PlanStore.write(bytes, to: out, expected: nil) } catch { throw Console.fail(error.description, ExitStatus.io) }
        } else {
            Console.out(bytes)
        }
    }
}

/// Runs groff (argument list, no shell) to turn -ms source into an A4 PDF.
enum Groff {
    static func pdf(_ source: String) throws -> [UInt8] {
        guard let groff = ["/usr/bin/groff", "/usr/local/bin/groff"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw Console.fail(Text.get("cli.export.no-groff"), ExitStatus.io)
        }
        let r = try Subprocess.run(groff, ["-ms", "-t", "-k", "-Tpdf", "-dpaper=a4", "-P-pa4"], input: Array(source.utf8))
        guard r.status == 0, !r.out.isEmpty else {
            throw Console.fail(Text.get("cli.export.groff-failed", r.err), ExitStatus.io)
        }
        return r.out
    }
}
