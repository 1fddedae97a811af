/// Prints diagnostics the way compilers do, so editors and CI can parse them:
///
///     Plans/x.kplan.json:41:17: error[unknown-code]: ukjent yrke «sykepleir»
///        41 |       "occupation": "sykepleir",
///           |                     ^
///           = hjelp: mente du «sykepleier»?
public struct DiagnosticRenderer {
    public let fileName: String
    public let bytes: [UInt8]
    private let lines: LineIndex

    public init(fileName: String, bytes: [UInt8]) {
        self.fileName = fileName
        self.bytes = bytes
        lines = LineIndex(bytes)
    }

    public func location(_ d: Diagnostic) -> SourceLocation? {
        d.offset.map { lines.location(of: $0, in: bytes) }
    }

    /// Diagnostics sorted by position (those without one last), stable otherwise.
    public static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            switch (a.element.offset, b.element.offset) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    public func render(_ d: Diagnostic, excerpt: Bool = true) -> String {
        let word = d.severity.rawValue
        guard let loc = location(d) else {
            var s = "\(fileName): \(word)[\(d.id)]: \(d.message)\n"
            if let help = d.help { s += "   = \(Text.get("render.help")): \(help)\n" }
            return s
        }
        var s = "\(fileName):\(loc.line):\(loc.column): \(word)[\(d.id)]: \(d.message)\n"
        guard excerpt else { return s }
        let number = String(loc.line)
        let gutter = String(repeating: " ", count: number.count)
        let text = Sanitize.inline(lines.lineText(loc.line, in: bytes))
        let shown = text.count > 160 ? String(text.prefix(160)) + "…" : text
        s += " \(number) | \(shown)\n"
        let caretColumn = min(loc.column - 1, shown.count)
        s += " \(gutter) | \(String(repeating: " ", count: caretColumn))^\n"
        if let help = d.help { s += " \(gutter) = \(Text.get("render.help")): \(help)\n" }
        return s
    }

    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let e = diagnostics.filter { $0.severity == .error }.count
        let w = diagnostics.filter { $0.severity == .warning }.count
        let n = diagnostics.filter { $0.severity == .note }.count
        return Text.get("render.summary", String(e), String(w), String(n))
    }
}
