/// Plain text: 80 columns, A4 pages of at most 64 lines separated by form feeds, with a
/// running head and page numbers.
public enum PlainTextRenderer {
    public static let width = 80
    public static let pageLines = 64

    /// The document as UTF-8, ready to write to a file. The plan itself is written out as it is
    /// made (`PlanDocument.planText`); what comes here is small, and its buffer simply grows.
    public static func render(_ doc: ExportDocument) -> [UInt8] {
        render(runningHead: doc.runningHead, reserving: 0) { text in
            for block in doc.blocks { text.add(block) }
        }
    }

    /// The blocks `write` gives, as UTF-8, each laid out as it comes.
    static func render(runningHead head: String, reserving size: Int, _ write: (inout Builder) -> Void) -> [UInt8] {
        var text = Builder(body: PagedText(pageLines: pageLines - 4, reserving: size))
        write(&text)
        let total = text.body.pageCount
        // The head is cut to the room its page number leaves, which changes only with the
        // number's length: cut once per length, not once per page.
        var cut: [Int: String] = [:]
        return text.body.take(withHeads: (0..<total).map { i in
            let number = Text.get("export.page", String(i + 1), String(total))
            let room = width - number.count - 1
            if cut[room] == nil { cut[room] = runningHead(head, room) }
            return cut[room]! + " " + number
        })
    }

    struct Builder: DocumentBuilder {
        var body: PagedText

        func part(reserving size: Int) -> Builder { Builder(body: .part(reserving: size)) }
        mutating func place(_ part: Builder) { body.place(part.body) }

        mutating func add(_ block: ExportDocument.Block) {
            switch block {
            case .heading(let level, let text):
                if !body.isEmpty { body.endLine() }
                let t = level == 1 ? text.uppercased() : text
                wrap(t, width, into: &body)
                if level <= 2 {
                    body.append(byte: level == 1 ? UInt8(ascii: "=") : UInt8(ascii: "-"), repeated: min(width, t.count))
                    body.endLine()
                }
            case .paragraph(let text):
                wrap(text, width, into: &body)
                body.endLine()
            case .fields(let pairs):
                let labelWidth = min(24, pairs.reduce(0) { max($0, Latin1Text.characters($1.0)) } + 1)
                for (label, value) in pairs {
                    if Latin1Text.characters(label) < labelWidth {
                        body.append(label + ":", padTo: labelWidth)
                    } else {
                        // A label too long for the column (a decision's kind) gets a line of its
                        // own rather than being cut short.
                        wrap(label + ":", width, into: &body)
                        body.append(byte: 0x20, repeated: labelWidth)
                    }
                    body.append(byte: 0x20, repeated: 2)
                    wrap(value, width - labelWidth - 2, into: &body, indent: labelWidth + 2)
                }
                body.endLine()
            case .bullets(let items):
                for item in items {
                    body.append("• ")
                    wrap(item, width - 2, into: &body, indent: 2)
                }
                body.endLine()
            case .table(let t):
                PlainTextRenderer.table(t, into: &body)
                body.endLine()
            case .pageBreak:
                body.pageBreak()
            }
        }
    }

    /// The running head in `w` columns, cut after a whole word with "…" when it is longer.
    static func runningHead(_ text: String, _ w: Int) -> String {
        guard text.count > w else { return Format.pad(text, w) }
        var cut = text.prefix(max(0, w - 1))
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        return Format.pad(cut + "…", w)
    }

    static func table(_ t: ExportDocument.Table, into body: inout PagedText) {
        let layout = TableLayout(t, width: width, gap: 2)
        let widths = layout.widths
        let wraps = layout.wraps.contains(true)
        func overflows(_ cells: [String], _ i: Int) -> Bool {
            i < widths.count && layout.wraps[i] && Latin1Text.characters(cells[i]) > widths[i]
        }
        let rule = min(width, widths.reduce(0, +) + 2 * max(0, widths.count - 1))
        func line(_ cells: [String]) {
            for (i, c) in cells.enumerated() {
                if i > 0 { body.append(byte: 0x20, repeated: 2) }
                if i < widths.count { body.append(c, padTo: widths[i], right: t.align[i] == .right) } else { body.append(c) }
            }
            body.trimTrailingSpaces()
            body.endLine()
        }
        func row(_ cells: [String]) {
            guard wraps, cells.indices.contains(where: { overflows(cells, $0) }) else { return line(cells) }
            let wrapped = cells.indices.map { overflows(cells, $0) ? TableLayout.lines(cells[$0], widths[$0]) : [cells[$0]] }
            let height = wrapped.reduce(0) { max($0, $1.count) }
            // A row that fits on a page is not split over two.
            if height > body.linesLeftOnPage, height <= body.pageLines { body.pageBreak() }
            for k in 0..<height { line(wrapped.map { k < $0.count ? $0[k] : "" }) }
        }
        row(t.columns)
        body.append(byte: UInt8(ascii: "-"), repeated: rule)
        body.endLine()
        for (i, r) in t.rows.enumerated() {
            if t.totalRows.contains(i) {
                body.append(byte: UInt8(ascii: "-"), repeated: rule)
                body.endLine()
            }
            row(r)
        }
    }

    /// Writes `s` wrapped to `w` columns as lines of `lines`: the first continues the line being
    /// written, the others start with `indent` spaces.
    static func wrap(_ s: String, _ w: Int, into lines: inout PagedText, indent: Int = 0) {
        var filler = LineFiller(width: w, indent: indent)
        if s.utf8.withContiguousStorageIfAvailable({ wrapLatin1($0, into: &filler, &lines) }) != true {
            wrapCharacters(s, into: &filler, &lines)
        }
        filler.finish(&lines)
    }

    static func wrapCharacters(_ s: String, into filler: inout LineFiller, _ lines: inout PagedText) {
        for word in s.split(separator: " ") { filler.add(word.utf8, characters: word.count, to: &lines) }
    }

    /// `wrapCharacters` for `Latin1Text`, whose words and widths can be read from the UTF-8
    /// bytes. False, having written nothing, for other text. Splitting and counting
    /// characters took 45 % of an export's time.
    static func wrapLatin1(_ bytes: UnsafeBufferPointer<UInt8>, into filler: inout LineFiller, _ lines: inout PagedText) -> Bool {
        guard Latin1Text.count(bytes) != nil else { return false }
        var start = 0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x20 {
            defer { start = end + 1 }
            guard end > start else { continue }
            let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
            filler.add(word, characters: Latin1Text.characters(inChecked: word), to: &lines)
        }
        return true
    }

    /// Words into lines of at most `width` characters (a longer word gets a line of its own),
    /// a space between words, each line after the first starting with `indent` spaces.
    struct LineFiller {
        let width: Int
        let indent: Int
        private var length = 0
        private var hasWords = false

        init(width: Int, indent: Int) {
            self.width = width
            self.indent = indent
        }

        mutating func add(_ word: some Collection<UInt8>, characters n: Int, to lines: inout PagedText) {
            if hasWords, length + 1 + n > width {
                lines.endLine()
                lines.append(byte: 0x20, repeated: indent)
                length = 0
                hasWords = false
            }
            if hasWords {
                lines.append(byte: 0x20)
                length += 1
            }
            lines.append(word)
            length += n
            hasWords = true
        }

        /// Ends the last line; text without words leaves one line with nothing added.
        func finish(_ lines: inout PagedText) { lines.endLine() }
    }
}
