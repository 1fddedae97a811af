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
        /// A part follows other blocks, so its first block, too, has a blank line above it.
        private var isPart = false

        init(reserving size: Int = 0) { text.reserveCapacity(size) }

        func part(reserving size: Int) -> Writer {
            var part = Writer(reserving: size)
            part.isPart = true
            return part
        }

        mutating func place(_ part: Writer) { text += part.text }

        mutating func add(_ block: ExportDocument.Block) {
            if !text.isEmpty || isPart { text += "\n" }
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
        var writer = Writer(runningHead: doc.runningHead, author: doc.author)
        for block in doc.blocks { writer.add(block) }
        return writer.text
    }

    /// Writes the macros' settings, then each block as it comes, a line at a time.
    struct Writer: DocumentBuilder {
        private(set) var text = ""

        init(runningHead: String, author: String = "", reserving size: Int = 0) {
            text.reserveCapacity(size)
            lines([".\\\" Laget av kplan. Bygg PDF: groff -ms -t -k -Tpdf -dpaper=a4 -P-pa4 FIL > plan.pdf",
                   ".nr PS 11", ".nr VS 13", ".nr LL 16c", ".nr PO 2.5c", ".nr HM 2c", ".nr FM 2c",
                   ".ds CH", ".ds LH \(GroffRenderer.text(runningHead))", ".ds RH \\\\n[PN]", ".ds CF", ".ND \"\"", ".hy 0"])
            // Beside the title (set with the first heading), which a PDF reader shows too.
            if !author.isEmpty { lines([".pdfinfo /Author " + GroffRenderer.docInfo(author)]) }
        }

        /// Without the settings, which the document has.
        private init(part size: Int) { text.reserveCapacity(size) }

        func part(reserving size: Int) -> Writer { Writer(part: size) }
        mutating func place(_ part: Writer) { text += part.text }

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
                    // ms fills the title justified and then centres each line: a two-line
                    // title got wide gaps in its first line. Ragged, then back to justified.
                    // The title is also the PDF's own, which a reader shows as the window's.
                    lines([".pdfinfo /Title " + GroffRenderer.docInfo(t), ".TL", ".ad l", GroffRenderer.text(t), ".ad b"])
                } else {
                    // An entry in the PDF's outline, the navigation pane of a PDF reader.
                    lines([".NH \(level - 1)", GroffRenderer.text(t), ".pdfbookmark \(level - 1) \"\(GroffRenderer.bookmark(t))\""])
                }
            case .paragraph(let t): lines([".LP", GroffRenderer.text(t)])
            case .fields(let pairs):
                lines([".LP"])
                for (label, value) in pairs { lines([".IP \"\\fB\(inline(label)):\\fP\" 4c", GroffRenderer.text(value)]) }
            case .bullets(let items):
                for item in items { lines([".IP \\(bu 2", GroffRenderer.text(item)]) }
            case .table(let t):
                // Columns too wide for the line expand to share it (`x`), and their long
                // entries become text blocks, which tbl fills to the column: a plain entry is
                // never broken and would run off the page. Without such a column the first
                // one expands, so every table spans the line.
                let layout = TableLayout(t, width: GroffRenderer.lineCharacters, gap: 3)
                let expands = layout.wraps.contains(true) ? layout.wraps : t.align.indices.map { $0 == 0 }
                // First format line: the bold header row; the last (ending in ".") holds for every other row.
                let header = t.align.map { $0 == .right ? "rb" : "lb" }.joined(separator: " ")
                let body = t.align.indices.map { t.align[$0] == .right ? "r" : (expands[$0] ? "lx" : "l") }.joined(separator: " ")
                lines([".LP", ".ps 9", ".vs 11", ".TS", "tab(\t);", header, body + "."])
                // tbl never breaks a row over two pages, and drops a text block taller than
                // one: a long entry goes on as many rows as it needs, the others left empty.
                func row(_ cells: [String]) {
                    let parts = cells.indices.map { i in
                        i < layout.widths.count && layout.wraps[i] && Latin1Text.characters(cells[i]) > layout.widths[i]
                            ? TableLayout.lines(cells[i], GroffRenderer.blockLines * layout.widths[i]).map(GroffRenderer.textBlock)
                            : [cell(cells[i])]
                    }
                    for k in 0..<parts.reduce(0, { max($0, $1.count) }) {
                        lines([parts.map { k < $0.count ? $0[k] : "" }.joined(separator: "\t")])
                    }
                }
                row(t.columns)
                lines(["_"])
                for (i, r) in t.rows.enumerated() {
                    if t.totalRows.contains(i) { lines(["_"]) }
                    row(r)
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

    /// A heading as the PDF string of its outline entry. The macro passes it through to the
    /// PDF as it stands, where only ASCII arrives whole: every other character goes as the
    /// PDF's own octal escape of its PDFDocEncoding byte, written `\e` and three digits for
    /// the macro, and one with no byte there as «?». gropdf escapes parentheses itself; a
    /// backslash it does not carry through whole, so that is a «?» too.
    static func bookmark(_ s: String) -> String {
        pdfString(s) { u in
            switch u.value {
            case 0x22: "\"\""
            case 0x5C: "?"
            case 0x20..<0x7F: nil
            default: pdfDocByte(u).map { "\\e" + octal($0) } ?? "?"
            }
        }
    }

    /// A value for the PDF's document information (`.pdfinfo`), which reaches the PDF string
    /// unformatted: what is not ASCII, and quotes, parentheses and backslashes, go as octal
    /// escapes, so nothing can end the string or the request.
    static func docInfo(_ s: String) -> String {
        pdfString(s) { u in
            switch u.value {
            case 0x22, 0x28, 0x29, 0x5C: "\\" + octal(u.value)
            case 0x20..<0x7F: nil
            default: pdfDocByte(u).map { "\\" + octal($0) } ?? "?"
            }
        }
    }

    /// `s` made safe, each scalar as `escape` writes it, or as itself where that gives nil.
    private static func pdfString(_ s: String, _ escape: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        for u in Sanitize.inline(s).unicodeScalars {
            if let e = escape(u) { out += e } else { out.unicodeScalars.append(u) }
        }
        return out
    }

    private static func octal(_ byte: UInt32) -> String {
        let digits = String(byte, radix: 8)
        return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// The PDFDocEncoding byte of a character outside ASCII: Latin-1 for «æøå», a few places
    /// for the dashes and quotes a Norwegian heading has; nil where it has none.
    private static func pdfDocByte(_ u: Unicode.Scalar) -> UInt32? {
        (0xA1...0xFF).contains(u.value) ? u.value : pdfDocBytes[u.value]
    }

    private static let pdfDocBytes: [UInt32: UInt32] = [0x2022: 0x80, 0x2026: 0x83, 0x2014: 0x84, 0x2013: 0x85, 0x201C: 0x8D,
                                                        0x201D: 0x8E, 0x2018: 0x8F, 0x2019: 0x90, 0x00A0: 0x20]

    static func cell(_ s: String) -> String {
        let e = text(s)
        // A cell of only "_" or "=" would draw a rule in tbl, and one opening with "T{" a
        // text block.
        return e == "_" || e == "=" || e.hasPrefix("T{") ? "\\&" + e : e
    }

    /// An entry tbl fills to its column, ragged right: justified, a narrow column's lines are
    /// more space than words. A line of its own that opens with "T}" would end the block early.
    static func textBlock(_ s: String) -> String {
        let e = text(s)
        return "T{\n.ad l\n" + (e.hasPrefix("T}") ? "\\&" + e : e) + "\n.ad b\nT}"
    }

    /// The most lines of its column a text block is given, well within a page.
    static let blockLines = 30

    /// About how many characters of a table's 9-point text fill the 16 cm line. Plan text
    /// set ragged at that size holds 115–125 a line; this leaves room for bold headers and
    /// digits, which are wider, so that a table is wrapped too early rather than too late.
    static let lineCharacters = 108
}
