/// Column widths, in characters, that fit a table into a line: the widest text columns give
/// way first, all down to one cap, so a long list of measures narrows its own column rather
/// than every other. Numbers keep their width as long as text can give way; a column that
/// gives way is wrapped, never cut, so the printed plan keeps every word.
struct TableLayout {
    let widths: [Int]
    /// Whether some entry of the column is wider than the column and must be wrapped.
    let wraps: [Bool]

    /// Text columns narrow to no less than this before numbers give way.
    static let textFloor = 10
    /// The least any column narrows to, when nothing else helps.
    static let lastFloor = 4

    init(_ t: ExportDocument.Table, width: Int, gap: Int) {
        var natural = t.columns.map(Latin1Text.characters)
        for row in t.rows {
            for (i, cell) in row.enumerated() where i < natural.count {
                natural[i] = max(natural[i], Latin1Text.characters(cell))
            }
        }
        self.init(natural: natural, align: t.align, width: width, gap: gap)
    }

    init(natural: [Int], align: [ExportDocument.Align], width: Int, gap: Int) {
        let room = width - gap * max(0, natural.count - 1)
        let textFirst = natural.indices.map { align[$0] == .right ? natural[$0] : min(natural[$0], Self.textFloor) }
        let any = natural.map { min($0, Self.lastFloor) }
        let fitted = Self.capped(natural, floors: textFirst, room: room)
            ?? Self.capped(natural, floors: any, room: room)
            ?? any
        widths = fitted
        wraps = natural.indices.map { fitted[$0] < natural[$0] }
    }

    /// The natural widths with every column above a cap narrowed to it (but not under its
    /// floor), for the widest cap that fits `room`; the room left over goes back, a character
    /// each, to the narrowed columns from the left. Nil when the floors alone do not fit.
    private static func capped(_ natural: [Int], floors: [Int], room: Int) -> [Int]? {
        func widths(_ cap: Int) -> [Int] { natural.indices.map { min(natural[$0], max(floors[$0], cap)) } }
        guard floors.reduce(0, +) <= room else { return nil }
        if natural.reduce(0, +) <= room { return natural }
        // The widest cap that fits: the total grows with the cap.
        var low = 0, high = natural.max() ?? 0
        while low < high {
            let mid = (low + high + 1) / 2
            if widths(mid).reduce(0, +) <= room { low = mid } else { high = mid - 1 }
        }
        var result = widths(low)
        var spare = room - result.reduce(0, +)
        for i in result.indices where spare > 0 && result[i] < natural[i] {
            result[i] += 1
            spare -= 1
        }
        return result
    }

    /// An entry as lines of at most `w` characters, broken between words; a word longer than
    /// that is broken where the line ends. Latin-1 text is measured and cut from its bytes
    /// (as `PlainTextRenderer.wrap` does); counting characters was a tenth of an export.
    static func lines(_ s: String, _ w: Int) -> [String] {
        var filler = EntryLines(width: w)
        let fromBytes = s.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard Latin1Text.count(bytes) != nil else { return false }
            for word in bytes.split(separator: 0x20) {
                filler.add(word, characters: Latin1Text.characters(inChecked: word)) { word, k in
                    // A character starts at each byte that does not continue one.
                    var i = word.startIndex, n = 0
                    while n < k || word[i] & 0xC0 == 0x80 {
                        if word[i] & 0xC0 != 0x80 { n += 1 }
                        i += 1
                    }
                    return i
                }
            }
            return true
        }
        if fromBytes != true {
            for word in s.split(separator: " ") {
                // The views share their indices, so a character's end is a place in the bytes.
                filler.add(word.utf8, characters: word.count) { word, k in
                    let characters = Substring(word)
                    return characters.index(characters.startIndex, offsetBy: k)
                }
            }
        }
        return filler.finish()
    }

    /// Words into lines of at most `width` characters, a space between words.
    private struct EntryLines {
        let width: Int
        private var lines: [String] = []
        private var line: [UInt8] = []
        private var length = 0

        init(width: Int) { self.width = width }

        /// `cut(word, k)` is where the word's `k`th character ends.
        mutating func add<Word: Collection<UInt8>>(_ word: Word, characters n: Int, cut: (Word, Int) -> Word.Index)
        where Word.SubSequence == Word {
            if length > 0, length + 1 + n <= width {
                line.append(0x20)
                line.append(contentsOf: word)
                length += 1 + n
                return
            }
            if length > 0 { endLine() }
            var word = word, n = n
            while n > width {
                let end = cut(word, width)
                line.append(contentsOf: word[..<end])
                endLine()
                word = word[end...]
                n -= width
            }
            line.append(contentsOf: word)
            length = n
        }

        private mutating func endLine() {
            lines.append(String(decoding: line, as: UTF8.self))
            line.removeAll(keepingCapacity: true)
            length = 0
        }

        /// The lines; an entry without words is one empty line.
        mutating func finish() -> [String] {
            if length > 0 || lines.isEmpty { endLine() }
            return lines
        }
    }
}
