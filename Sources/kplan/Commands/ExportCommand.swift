import Foundation
import KPlanCore

struct ExportCommand: Command {
    static let spec = CommandSpec(
        name: "export",
        arguments: [ArgumentSpec("fil")],
        options: [.choice("format", Format.self, help: Text.get("cli.export.option.format"), default: .text),
                  .choice("document", Export.Document.self, help: Text.get("cli.export.option.document"), default: .plan),
                  .option("out", "fil", help: Text.get("cli.export.option.out")),
                  .option("pdf", "fil", help: Text.get("cli.export.option.pdf")), PolicyOptions.option])

    enum Format: String, CaseIterable { case text, ms, markdown }

    let file: String
    let format: Format
    let document: Export.Document
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
        // The plan without the file's bytes, which a large plan's export need not hold.
        let plan = try loadForEditing(file, policies: set).plan!
        let report = Engine(policies: set).check(plan)
        // The formats `--format` offers are named as Export's are; PDF comes with `--pdf`.
        let exported = pdf != nil ? .pdf : Export.Format(rawValue: format.rawValue)!
        let bytes: [UInt8]
        do {
            bytes = try Export.bytes(document, exported, plan: plan, report: report, policies: set)
        } catch {
            throw Console.fail(error.description, ExitStatus.io)
        }
        if let path = pdf ?? out {
            do { try PlanStore.write(bytes, to: path, expected: nil) } catch { throw Console.fail(error.description, ExitStatus.io) }
        } else {
            Console.out(bytes)
        }
    }
}
