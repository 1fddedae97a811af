/// Plain text: 80 columns, A4 pages of at most 64 lines separated by form feeds, with a
/// running head and page numbers.
public enum PlainTextRenderer {
    public static let width = 80
    public static let pageLines = 64

    public static func render(_ doc: ExportDocument) -> String {
        var body: [String] = []
        for block in doc.blocks {
            switch block {
            case .heading(let level, let text):
                if !body.isEmpty { body.append("") }
                let t = level == 1 ? text.uppercased() : text
                body += wrap(t, width)
                if level <= 2 { body.append(String(repeating: level == 1 ? "=" : "-", count: min(width, t.count))) }
            case .paragraph(let text):
                body += wrap(text, width)
                body.append("")
            case .fields(let pairs):
                let labelWidth = min(24, (pairs.map { $0.0.count }.max() ?? 0) + 1)
                for (label, value) in pairs {
                    let lines = wrap(value, width - labelWidth - 2)
                    body.append(pad(label + ":", labelWidth) + "  " + (lines.first ?? ""))
                    for more in lines.dropFirst() { body.append(String(repeating: " ", count: labelWidth + 2) + more) }
                }
                body.append("")
            case .bullets(let items):
                for item in items {
                    let lines = wrap(item, width - 2)
                    body.append("• " + (lines.first ?? ""))
                    for more in lines.dropFirst() { body.append("  " + more) }
                }
                body.append("")
            case .table(let t):
                body += table(t)
                body.append("")
            case .pageBreak:
                body.append("\u{0C}")
            }
        }
        return paginate(body, doc.runningHead)
    }

    static func table(_ t: ExportDocument.Table) -> [String] {
        var widths = t.columns.map(\.count)
        for r in t.rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        let gaps = widths.count - 1
        // The widest columns give way, one character at a time, until the table fits the page.
        while widths.reduce(0, +) + 2 * gaps > width, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 6 {
            widths[widest] -= 1
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                i < widths.count ? (t.align[i] == .right ? pad(c, widths[i], right: true) : pad(c, widths[i])) : c
            }.joined(separator: "  ").trimmingTrailing()
        }
        var out = [line(t.columns), String(repeating: "-", count: min(width, widths.reduce(0, +) + 2 * gaps))]
        for (i, r) in t.rows.enumerated() {
            if t.totalRows.contains(i) { out.append(String(repeating: "-", count: min(width, widths.reduce(0, +) + 2 * gaps))) }
            out.append(line(r))
        }
        return out
    }

    static func paginate(_ lines: [String], _ head: String) -> String {
        var pages: [[String]] = [[]]
        let bodyLines = pageLines - 4
        for l in lines {
            if l == "\u{0C}" || pages[pages.count - 1].count >= bodyLines {
                pages.append([])
                if l == "\u{0C}" { continue }
            }
            if pages[pages.count - 1].isEmpty, l.isEmpty { continue }
            pages[pages.count - 1].append(l)
        }
        pages.removeAll { $0.isEmpty }
        let total = pages.count
        // Straight into one string: joining per page and then all pages copied the text twice.
        var out = ""
        out.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 } + total * 3 * width)
        for (i, page) in pages.enumerated() {
            if i > 0 { out += "\u{0C}" }
            let number = Text.get("export.page", String(i + 1), String(total))
            out += pad(String(head.prefix(width - number.count - 1)), width - number.count) + number + "\n\n"
            for line in page {
                out += line
                out += "\n"
            }
        }
        return out
    }

    static func pad(_ s: String, _ w: Int, right: Bool = false) -> String {
        if s.count > w { return String(s.prefix(max(0, w - 1))) + "…" }
        let fill = String(repeating: " ", count: w - s.count)
        return right ? fill + s : s + fill
    }

    static func wrap(_ s: String, _ w: Int) -> [String] {
        (s.utf8.withContiguousStorageIfAvailable { wrapLatin1($0, w) } ?? nil) ?? wrapCharacters(s, w)
    }

    static func wrapCharacters(_ s: String, _ w: Int) -> [String] {
        var filler = LineFiller(width: w)
        for word in s.split(separator: " ") { filler.add(word.utf8, characters: word.count) }
        return filler.lines()
    }

    /// `wrap` for text whose characters are each one scalar from U+0020–U+007E or U+00A0–U+00FF,
    /// as nearly all Norwegian plan text is: none of those joins its neighbour into one
    /// character, so words and their widths can be read from the UTF-8 bytes. Nil for other
    /// text. Splitting and counting characters took 45 % of an export's time.
    static func wrapLatin1(_ bytes: UnsafeBufferPointer<UInt8>, _ w: Int) -> [String]? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b >= 0x20, b <= 0x7E {
                i += 1
            } else if (b == 0xC2 || b == 0xC3), i + 1 < bytes.count, bytes[i + 1] >= (b == 0xC2 ? 0xA0 : 0x80) {
                i += 2
            } else {
                return nil
            }
        }
        var filler = LineFiller(width: w)
        var start = 0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x20 {
            defer { start = end + 1 }
            guard end > start else { continue }
            let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
            // A character per byte that does not continue one.
            filler.add(word, characters: word.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) })
        }
        return filler.lines()
    }

    /// Words into lines of at most `width` characters (a longer word gets a line of its own),
    /// a space between words. A line is kept as bytes and made a string once it is full.
    struct LineFiller {
        let width: Int
        private var done: [String] = []
        private var line: [UInt8] = []
        private var length = 0

        init(width: Int) { self.width = width }

        mutating func add(_ word: some Collection<UInt8>, characters n: Int) {
            if !line.isEmpty, length + 1 + n > width {
                done.append(String(decoding: line, as: UTF8.self))
                line.removeAll(keepingCapacity: true)
                length = 0
            }
            if !line.isEmpty {
                line.append(0x20)
                length += 1
            }
            line.append(contentsOf: word)
            length += n
        }

        /// The lines, and one empty line for text without words.
        mutating func lines() -> [String] {
            if !line.isEmpty || done.isEmpty { done.append(String(decoding: line, as: UTF8.self)) }
            return done
        }
    }
}

extension String {
    func trimmingTrailing() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
