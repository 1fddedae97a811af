import KPlanCore

/// `kplan check --format json`, version 1.0. Consumers must ignore unknown keys; the
/// major version changes only when a key changes meaning or disappears.
enum CheckJSON {
    static let formatVersion = "1.0"

    static func encode(_ results: [(file: String, bytes: SourceBytes, check: PlanCheck)]) -> [UInt8] {
        var w = JSONWriter()
        let all = results.flatMap(\.check.diagnostics)
        w.beginObject()
        w.key("formatVersion"); w.string(formatVersion)
        w.key("valid"); w.bool(!all.contains { $0.severity == .error })
        w.key("errorCount"); w.int(all.filter { $0.severity == .error }.count)
        w.key("warningCount"); w.int(all.filter { $0.severity == .warning }.count)
        w.key("noteCount"); w.int(all.filter { $0.severity == .note }.count)
        w.key("findings"); w.beginArray()
        for r in results {
            let renderer = DiagnosticRenderer(fileName: r.file, bytes: r.bytes)
            for d in r.check.diagnostics {
                w.beginObject()
                w.key("file"); w.string(r.file)
                w.key("severity"); w.string(d.severity.rawValue)
                w.key("rule"); w.string(d.id)
                w.key("message"); w.string(d.message)
                w.key("path"); w.string(d.path)
                if let loc = renderer.location(d) {
                    w.key("line"); w.int(loc.line)
                    w.key("column"); w.int(loc.column)
                    w.key("byte"); w.int(loc.offset)
                } else {
                    w.key("line"); w.null()
                    w.key("column"); w.null()
                    w.key("byte"); w.null()
                }
                w.key("help")
                if let h = d.help { w.string(h) } else { w.null() }
                w.endObject()
            }
        }
        w.endArray()
        w.endObject()
        return w.finish()
    }
}
