/// How many terminal cells text takes, measured per grapheme cluster (Swift `Character`),
/// never by summing `wcwidth`: æ and é are one cell, 日本 two each, 👍🏽 and 🇳🇴 two.
public enum DisplayWidth {
    public static func of(_ c: Character) -> Int {
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x7F { return first.value < 0x20 ? 0 : 1 }
        var allZero = true
        var regional = 0
        for s in scalars {
            let v = s.value
            if v == 0xFE0F { return 2 }
            if v >= 0x1F1E6, v <= 0x1F1FF { regional += 1 }
            if s.properties.isEmojiPresentation { return 2 }
            if !isZeroWidth(s) { allZero = false }
        }
        if regional >= 2 { return 2 }
        if allZero { return 0 }
        return isWide(first.value) ? 2 : 1
    }

    public static func of(_ s: String) -> Int {
        var n = 0
        for c in s { n += of(c) }
        return n
    }

    static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return true
        default: return s.value == 0x200B
        }
    }

    static func isWide(_ v: UInt32) -> Bool {
        var lo = 0, hi = eastAsianWideRanges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = eastAsianWideRanges[mid]
            if v < r.lowerBound { hi = mid - 1 } else if v > r.upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }

    /// The longest prefix of `s` that fits in `width` cells, with "…" when cut.
    public static func truncate(_ s: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(s) <= width { return s }
        var out = ""
        var used = 0
        for c in s {
            let w = of(c)
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    /// `s` cut or padded with spaces to exactly `width` cells.
    public static func fit(_ s: String, to width: Int, alignRight: Bool = false) -> String {
        let t = truncate(s, to: width)
        let pad = String(repeating: " ", count: max(0, width - of(t)))
        return alignRight ? pad + t : t + pad
    }

    /// Word-wraps `s` into lines of at most `width` cells. A word may also end a line after a
    /// hyphen between letters ("forskning-" / "opplaering"), as print does; a word wider than
    /// the line is broken where it must be.
    public static func wrap(_ s: String, to width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in s.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var used = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                for (k, piece) in hyphenated(word).enumerated() {
                    let gap = k == 0 && used > 0 ? 1 : 0
                    var rest = String(piece)
                    var w = of(rest)
                    if used > 0, used + gap + w > width {
                        lines.append(line)
                        line = ""
                        used = 0
                    } else if gap > 0 {
                        line += " "
                        used += 1
                    }
                    while w > width {
                        let head = truncate(rest, to: width + 1).dropLast()
                        lines.append(String(head))
                        rest = String(rest.dropFirst(head.count))
                        w = of(rest)
                    }
                    line += rest
                    used += w
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// `word` in pieces that each end with a hyphen that has a letter on both sides; an
    /// address stays whole, as a hyphen there is part of it.
    static func hyphenated(_ word: Substring) -> [Substring] {
        guard !word.contains("://") else { return [word] }
        var pieces: [Substring] = []
        var start = word.startIndex
        var previous: Character?
        var i = word.startIndex
        while i < word.endIndex {
            let next = word.index(after: i)
            if word[i] == "-", previous?.isLetter == true, next < word.endIndex, word[next].isLetter {
                pieces.append(word[start..<next])
                start = next
            }
            previous = word[i]
            i = next
        }
        pieces.append(word[start...])
        return pieces
    }
}
