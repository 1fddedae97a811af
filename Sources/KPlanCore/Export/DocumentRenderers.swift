/// Markdown, for previews on git hosting and for pandoc.
public enum MarkdownRenderer {
    public static func render(_ doc: ExportDocument) -> String {
        var writer = Writer()
        for block in doc.blocks { writer.add(block) }
        return writer.text
    }

    /// Writes each block as it comes, a blank line between blocks.
    struct Writer: DocumentBuilder {
        private(set) var text = ""

        init(reserving size: Int = 0) { text.reserveCapacity(size) }

        mutating func add(_ block: ExportDocument.Block) {
            if !text.isEmpty { text += "\n" }
            switch block {
            case .heading(let level, let t): text += String(repeating: "#", count: level) + " " + escape(t) + "\n"
            case .paragraph(let t): text += escape(t) + "\n"
            // A list of no items is still a (blank) block, as it was when blocks were joined.
            case .fields(let pairs):
                for (label, value) in pairs { text += "- **" + escape(label) + ":** " + escape(value) + "\n" }
                if pairs.isEmpty { text += "\n" }
            case .bullets(let items):
                for item in items { text += "- " + escape(item) + "\n" }
                if items.isEmpty { text += "\n" }
            case .table(let t):
                text += "| " + t.columns.map(cell).joined(separator: " | ") + " |\n"
                text += "|" + t.align.map { $0 == .right ? " ---: " : " --- " }.joined(separator: "|") + "|\n"
                for (i, r) in t.rows.enumerated() {
                    let cells = r.map(cell)
                    text += "| " + (t.totalRows.contains(i) ? cells.map { $0.isEmpty ? $0 : "**\($0)**" } : cells).joined(separator: " | ") + " |\n"
                }
            case .pageBreak: text += "---\n"
            }
        }
    }

    static func escape(_ s: String) -> String {
        // Most text has none of these: no new string then.
        guard s.utf8.contains(where: { special.contains($0) }) else { return s }
        var r = ""
        for c in s {
            if "\\`*_[]<>#|".contains(c) { r.append("\\") }
            r.append(c)
        }
        return r
    }

    private static let special = Set("\\`*_[]<>#|".utf8)

    static func cell(_ s: String) -> String { escape(s) }
}

/// groff -ms source (with tbl tables) that `groff -ms -t -k -Tpdf` turns into an A4 PDF.
/// Plan text can never become a groff request: every line is escaped.
public enum GroffRenderer {
    public static func render(_ doc: ExportDocument) -> String {
        var writer = Writer(runningHead: doc.runningHead)
        for block in doc.blocks { writer.add(block) }
        return writer.text
    }

    /// Writes the macros' settings, then each block as it comes, a line at a time.
    struct Writer: DocumentBuilder {
        private(set) var text = ""

        init(runningHead: String, reserving size: Int = 0) {
            text.reserveCapacity(size)
            lines([".\\\" Laget av kplan. Bygg PDF: groff -ms -t -k -Tpdf -dpaper=a4 -P-pa4 FIL > plan.pdf",
                   ".nr PS 11", ".nr VS 13", ".nr LL 16c", ".nr PO 2.5c", ".nr HM 2c", ".nr FM 2c",
                   ".ds CH", ".ds LH \(GroffRenderer.text(runningHead))", ".ds RH \\\\n[PN]", ".ds CF", ".ND \"\"", ".hy 0"])
        }

        private mutating func lines(_ lines: [String]) {
            for line in lines {
                text += line
                text += "\n"
            }
        }

        mutating func add(_ block: ExportDocument.Block) {
            switch block {
            case .heading(let level, let t):
                if level == 1 {
                    lines([".TL", GroffRenderer.text(t)])
                } else {
                    lines([".NH \(level - 1)", GroffRenderer.text(t), ".XS", GroffRenderer.text(t), ".XE"])
                }
            case .paragraph(let t): lines([".LP", GroffRenderer.text(t)])
            case .fields(let pairs):
                lines([".LP"])
                for (label, value) in pairs { lines([".IP \"\\fB\(inline(label)):\\fP\" 4c", GroffRenderer.text(value)]) }
            case .bullets(let items):
                for item in items { lines([".IP \\(bu 2", GroffRenderer.text(item)]) }
            case .table(let t):
                // First format line: the bold header row; the last (ending in ".") holds for every other row.
                let header = t.align.map { $0 == .right ? "rb" : "lb" }.joined(separator: " ")
                let body = t.align.enumerated().map { i, a in a == .right ? "r" : (i == 0 ? "lx" : "l") }.joined(separator: " ")
                lines([".LP", ".ps 9", ".vs 11", ".TS", "tab(\t) expand;", header, body + "."])
                lines([t.columns.map(cell).joined(separator: "\t"), "_"])
                for (i, r) in t.rows.enumerated() {
                    if t.totalRows.contains(i) { lines(["_"]) }
                    lines([r.map(cell).joined(separator: "\t")])
                }
                lines([".TE", ".ps 11", ".vs 13"])
            case .pageBreak: lines([".bp"])
            }
        }
    }

    /// A line of text: backslashes escaped, and a leading `.` or `'` made harmless.
    static func text(_ s: String) -> String {
        let e = inline(s)
        return e.hasPrefix(".") || e.hasPrefix("'") ? "\\&" + e : e
    }

    /// Backslashes written as groff's `\e`. By bytes: `replacingOccurrences` went through
    /// NSString and was two thirds of a large plan's export.
    static func inline(_ s: String) -> String {
        let clean = Sanitize.inline(s)
        let backslash = UInt8(ascii: "\\")
        guard clean.utf8.contains(backslash) else { return clean }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(clean.utf8.count + 8)
        for b in clean.utf8 {
            bytes.append(b)
            if b == backslash { bytes.append(UInt8(ascii: "e")) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func cell(_ s: String) -> String {
        let e = text(s)
        // A cell of only "_" or "=" would draw a rule in tbl.
        return e == "_" || e == "=" ? "\\&" + e : e
    }
}
