import Foundation
import Testing
@testable import KPlanCore

/// Tables that are wider than the page: their text columns give way and wrap, and no entry
/// is ever cut short, in plain text or in groff.
@Suite struct TableLayoutTests {
    func table(_ columns: [String], _ align: [ExportDocument.Align], _ rows: [[String]]) -> ExportDocument.Table {
        ExportDocument.Table(columns: columns, align: align, rows: rows)
    }

    @Test func aTableThatFitsKeepsItsWidths() {
        let layout = TableLayout(natural: [10, 5, 20], align: [.left, .right, .left], width: 80, gap: 2)
        #expect(layout.widths == [10, 5, 20])
        #expect(layout.wraps == [false, false, false])
    }

    /// The widest text columns come down to one cap, the room left over goes to the first of
    /// them, and the line is filled exactly; numbers keep their width.
    @Test func theWidestTextColumnsGiveWayToOneCap() {
        let layout = TableLayout(natural: [60, 8, 200, 9], align: [.left, .right, .left, .right], width: 80, gap: 2)
        // Room for the text: 80 − 3 gaps × 2 − 8 − 9 = 57, so the cap is 28 and one is left.
        #expect(layout.widths == [29, 8, 28, 9])
        #expect(layout.wraps == [true, false, true, false])
        let narrow = TableLayout(natural: [12, 70], align: [.left, .left], width: 40, gap: 2)
        #expect(narrow.widths == [12, 26], "a column under the cap keeps its width")
    }

    /// Numbers give way only when the text is down to its floor; when even that does not fit,
    /// every column comes down to one cap, to the last floor at most.
    @Test func numbersGiveWayLast() {
        let kept = TableLayout(natural: [30, 12, 12], align: [.left, .right, .right], width: 40, gap: 2)
        #expect(kept.widths == [12, 12, 12])
        let capped = TableLayout(natural: [30, 20, 20], align: [.left, .right, .right], width: 40, gap: 2)
        // Text at its floor of 10 and 40 of numbers need 50 of the 36: all are capped at 12.
        #expect(capped.widths == [12, 12, 12])
        #expect(capped.wraps == [true, true, true])
        let hopeless = TableLayout(natural: [30, 30, 30], align: [.right, .right, .right], width: 10, gap: 2)
        #expect(hopeless.widths == [TableLayout.lastFloor, TableLayout.lastFloor, TableLayout.lastFloor])
    }

    @Test func entriesBreakBetweenWordsAndInsideWordsTooLong() {
        #expect(TableLayout.lines("Kompetente og myndiggjorte medarbeidere", 12) == ["Kompetente", "og", "myndiggjorte", "medarbeidere"])
        #expect(TableLayout.lines("T1, T2, T3, T4", 8) == ["T1, T2,", "T3, T4"])
        #expect(TableLayout.lines("pårørenderepresentant", 6) == ["pårøre", "nderep", "resent", "ant"])
        #expect(TableLayout.lines("a pårørenderepresentant", 10) == ["a", "pårørender", "epresentan", "t"])
        #expect(TableLayout.lines("", 5) == [""])
        #expect(TableLayout.lines("  ", 5) == [""])
        // Text outside Latin-1 is measured in characters: an accent joined to its letter, a
        // nurse of three scalars, each one character.
        #expect(TableLayout.lines("e\u{301}e\u{301}e\u{301} 👩‍⚕️👩‍⚕️", 2) == ["e\u{301}e\u{301}", "e\u{301}", "👩‍⚕️👩‍⚕️"])
    }

    /// Every line of a long entry is within its column, and the words come back in order.
    @Test func wrappedEntriesKeepEveryWord() {
        var rng = SplitMix64(seed: 11)
        let words = ["T1,", "helse", "og", "omsorg", "pårørende", "Kompetanseløft", "æ", "ABC-opplæring"]
        for _ in 0..<500 {
            let text = (0..<rng.below(30)).map { _ in words[rng.below(words.count)] }.joined(separator: " ")
            let width = 4 + rng.below(20)
            let lines = TableLayout.lines(text, width)
            #expect(lines.allSatisfy { $0.count <= width }, "«\(text)» at \(width)")
            #expect(lines.allSatisfy { !$0.hasPrefix(" ") && !$0.hasSuffix(" ") && !$0.contains("  ") })
            let letters = { (s: String) in s.replacingOccurrences(of: " ", with: "") }
            #expect(letters(lines.joined()) == letters(text), "«\(text)» at \(width)")
        }
    }

    /// A list of measures too long for the page wraps in its column, beside the row's other
    /// entries, and nothing is cut with "…": read column by column, the row gives back each
    /// entry whole.
    @Test func plainTextWrapsALongEntryInItsColumn() {
        let ids = (1...40).map { "T\($0)" }.joined(separator: ", ")
        let row = ["Rekruttere, beholde og utvikle personell", "k2025", ids]
        let t = table(["Område", "Føring", "Tiltak"], [.left, .left, .left], [row, ["Helsehjelp", "leve-hele-livet", "T2"]])
        var body = PagedText(pageLines: 60)
        PlainTextRenderer.table(t, into: &body)
        let lines = body.strings.map(Array.init)
        #expect(lines.allSatisfy { $0.count <= PlainTextRenderer.width })
        #expect(!lines.contains { $0.contains("…") })
        let header = String(lines[0])
        let starts = ["Område", "Føring", "Tiltak"].map { header.distance(from: header.startIndex, to: header.range(of: $0)!.lowerBound) }
        let rowLines = lines[2...].prefix { !String($0).hasPrefix("Helsehjelp") }
        #expect(rowLines.count > 2)
        for (i, entry) in row.enumerated() {
            let pieces = rowLines.map { line -> String in
                let from = min(starts[i], line.count), to = i + 1 < starts.count ? min(starts[i + 1], line.count) : line.count
                return String(line[from..<to]).trimmingCharacters(in: .whitespaces)
            }
            #expect(pieces.filter { !$0.isEmpty }.joined(separator: " ") == entry)
        }
        #expect(String(rowLines.first!).hasPrefix("Rekruttere, beholde og utvikle "))
    }

    /// A wrapped row that fits on a page starts on a new page rather than being split.
    @Test func aWrappedRowIsNotSplitOverTwoPages() {
        let t = table(["Navn", "Tekst"], [.left, .left], [["a", "b"], ["c", String(repeating: "ord ", count: 40)]])
        var body = PagedText(pageLines: 5)
        PlainTextRenderer.table(t, into: &body)
        // Header, rule and the first row fill three of the five lines; the second row needs
        // three, so the first page ends early.
        #expect(body.strings[3].hasPrefix("c "))
        let pages = String(decoding: body.take(withHeads: ["H1", "H2"]), as: UTF8.self).split(separator: "\u{0C}")
        #expect(pages.count == 2)
        #expect(pages.last?.hasPrefix("H2\n\nc ") == true)
    }

    /// groff: a column too wide becomes an expanding column whose long entries are text
    /// blocks, and an entry too long for one page goes on over several rows.
    @Test func groffWrapsLongEntriesInTextBlocks() {
        let ids = (1...3_000).map { "T\($0)" }.joined(separator: ", ")
        let t = table(["Område", "Føring", "Tiltak"], [.left, .left, .left], [
            ["Rekruttere, beholde og utvikle personell", "k2025", ids],
            ["Helsehjelp", "leve-hele-livet", "T2"],
        ])
        var writer = GroffRenderer.Writer(runningHead: "H")
        writer.add(.table(t))
        let ms = writer.text
        #expect(ms.contains("\n.TS\ntab(\t);\nlb lb lb\nl l lx.\n"))
        let blocks = ms.components(separatedBy: "T{\n").count - 1
        #expect(blocks > 1, "the long list is split into blocks a page can hold")
        #expect(ms.contains("Rekruttere, beholde og utvikle personell\tk2025\tT{\n.ad l\nT1, T2, "))
        #expect(ms.contains("\nT}\n\t\tT{\n.ad l\n"), "a continuation row leaves the other columns empty")
        #expect(ms.contains("\nHelsehjelp\tleve-hele-livet\tT2\n"))
        let listed = ms.components(separatedBy: "T{\n.ad l\n").dropFirst().map { $0.components(separatedBy: "\n.ad b\nT}")[0] }
        #expect(listed.joined(separator: " ") == ids)
    }

    /// A table that fits keeps one expanding first column and no text blocks.
    @Test func groffTableThatFitsHasNoTextBlocks() {
        var writer = GroffRenderer.Writer(runningHead: "H")
        writer.add(.table(table(["År", "Sum"], [.left, .right], [["2026", "1 000"]])))
        #expect(writer.text.contains("\n.TS\ntab(\t);\nlb rb\nlx r.\nÅr\tSum\n_\n2026\t1 000\n.TE\n"))
    }

    /// Entries that would open or close a text block are written as text.
    @Test func entriesCannotOpenOrCloseATextBlock() {
        #expect(GroffRenderer.cell("T{") == "\\&T{")
        #expect(GroffRenderer.cell("T{ x") == "\\&T{ x")
        #expect(GroffRenderer.textBlock("T} og mer") == "T{\n.ad l\n\\&T} og mer\n.ad b\nT}")
        #expect(GroffRenderer.textBlock(".so /etc/passwd") == "T{\n.ad l\n\\&.so /etc/passwd\n.ad b\nT}")
    }
}
