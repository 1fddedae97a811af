import Foundation

/// A plan's document in a format, as `kplan export` and the editor's `:export` write it.
public enum Export {
    public enum Document: String, CaseIterable, Sendable {
        case plan, saksframlegg
    }

    public enum Format: String, CaseIterable, Sendable {
        case text, ms, markdown, pdf

        /// The format a file's extension names (.pdf, .txt, .md, .ms), or nil.
        public init?(fileName: String) {
            switch (fileName as NSString).pathExtension.lowercased() {
            case "pdf": self = .pdf
            case "txt": self = .text
            case "md": self = .markdown
            case "ms": self = .ms
            default: return nil
            }
        }
    }

    public enum Failure: Error, CustomStringConvertible {
        case noGroff
        case groffFailed(String)

        public var description: String {
            switch self {
            case .noGroff: Text.get("export.no-groff")
            case .groffFailed(let why): Text.get("export.groff-failed", why)
            }
        }
    }

    /// The document's bytes. The plan is written out block by block; the case draft is a
    /// few pages.
    public static func bytes(_ document: Document, _ format: Format, plan: Plan, report: Report,
                             catalog: Catalog = .bundled, policies: PolicySet = .bundled) throws(Failure) -> [UInt8] {
        func caseDraft() -> ExportDocument { PlanDocument.caseDraft(plan, report: report, catalog: catalog, policies: policies) }
        func groff() -> String {
            document == .plan ? PlanDocument.planGroff(plan, report: report, catalog: catalog, policies: policies)
                : GroffRenderer.render(caseDraft())
        }
        switch format {
        case .text:
            return document == .plan ? PlanDocument.planText(plan, report: report, catalog: catalog, policies: policies)
                : PlainTextRenderer.render(caseDraft())
        case .markdown:
            return Array((document == .plan ? PlanDocument.planMarkdown(plan, report: report, catalog: catalog, policies: policies)
                : MarkdownRenderer.render(caseDraft())).utf8)
        case .ms: return Array(groff().utf8)
        case .pdf: return try pdf(groff())
        }
    }

    static let groffArguments = ["-ms", "-t", "-k", "-Tpdf", "-dpaper=a4", "-P-pa4"]

    /// An A4 PDF from groff -ms source, by groff (an argument list, no shell).
    static func pdf(_ source: String) throws(Failure) -> [UInt8] {
        guard let groff = ["/usr/bin/groff", "/usr/local/bin/groff"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw .noGroff
        }
        let r: Subprocess.Result
        do { r = try Subprocess.run(groff, groffArguments, input: Array(source.utf8)) } catch { throw .groffFailed(error.localizedDescription) }
        guard r.status == 0, !r.out.isEmpty else { throw .groffFailed(r.err) }
        return r.out
    }
}
