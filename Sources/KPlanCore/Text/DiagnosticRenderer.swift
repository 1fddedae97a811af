/// Prints diagnostics the way compilers do, so editors and CI can parse them:
///
///     Plans/x.kplan.json:41:17: error[unknown-code]: ukjent yrke «sykepleir»
///        41 |       "occupation": "sykepleir",
///           |                     ^
///           = hjelp: mente du «sykepleier»?
public struct DiagnosticRenderer {
    public let fileName: String
    public let bytes: SourceBytes
    private let lines: LineCursor

    public init(fileName: String, bytes: [UInt8]) { self.init(fileName: fileName, bytes: SourceBytes(bytes)) }

    public init(fileName: String, bytes: SourceBytes) {
        self.fileName = fileName
        self.bytes = bytes
        lines = LineCursor(bytes)
    }

    /// Asked in order of position (as `sorted` leaves them), all of a file's diagnostics
    /// are located in one pass over it.
    public func location(_ d: Diagnostic) -> SourceLocation? {
        d.offset.map { lines.location(of: $0) }
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
        let (shown, caretColumn) = sourceExcerpt(offset: loc.offset)
        s += " \(number) | \(shown)\n"
        s += " \(gutter) | \(String(repeating: " ", count: caretColumn))^\n"
        if let help = d.help { s += " \(gutter) = \(Text.get("render.help")): \(help)\n" }
        return s
    }

    /// The source line around `offset`, at most about 160 characters of it, and the caret's
    /// column in what is shown. Only a window of the line is looked at, so a file that is one
    /// long line with thousands of problems is still rendered in linear time.
    func sourceExcerpt(offset: Int) -> (String, Int) {
        let count = bytes.count
        var at = min(max(offset, 0), count)
        var from = at
        while from > 0, at - from < 120, bytes[from - 1] != 0x0A { from -= 1 }
        let cutBefore = from > 0 && bytes[from - 1] != 0x0A
        var to = at
        while to < count, bytes[to] != 0x0A, to - from < 240 { to += 1 }
        // A carriage return before the newline is not part of the line.
        var lineEnds = to == count || bytes[to] == 0x0A
        if lineEnds, to > from, bytes[to - 1] == 0x0D {
            to -= 1
        } else if !lineEnds, bytes[to] == 0x0D, to + 1 == count || bytes[to + 1] == 0x0A {
            lineEnds = true
        }
        at = min(at, to)
        while from > 0, from < count, bytes[from] & 0xC0 == 0x80 { from -= 1 }
        while !lineEnds, to < count, bytes[to] & 0xC0 == 0x80 { to += 1 }
        let before = Sanitize.inline(String(decoding: bytes[from..<at], as: UTF8.self))
        let after = Sanitize.inline(String(decoding: bytes[at..<to], as: UTF8.self))
        let lead = cutBefore ? "…" : "", tail = lineEnds ? "" : "…"
        var shown = lead + before + after
        if shown.count > 160 + lead.count { shown = String(shown.prefix(160 + lead.count)) + "…" } else { shown += tail }
        return (shown, min(lead.count + before.count, shown.count))
    }

    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let e = diagnostics.filter { $0.severity == .error }.count
        let w = diagnostics.filter { $0.severity == .warning }.count
        let n = diagnostics.filter { $0.severity == .note }.count
        return Text.get("render.summary", String(e), String(w), String(n))
    }
}
