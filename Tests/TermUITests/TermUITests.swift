import Testing
@testable import TermUI

@Suite struct DisplayWidthTests {
    @Test func graphemeClustersHaveTheirTerminalWidth() {
        #expect(DisplayWidth.of("æøå") == 3)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("🇳🇴") == 2)
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)
        #expect(DisplayWidth.of("❤️") == 2)
        #expect(DisplayWidth.of("\u{1b}") == 0)
    }

    @Test func truncateAndFitNeverSplitAWideCharacter() {
        #expect(DisplayWidth.truncate("日本語テキスト", to: 6) == "日本…")
        #expect(DisplayWidth.fit("æøå", to: 5) == "æøå  ")
        #expect(DisplayWidth.fit("12", to: 5, alignRight: true) == "   12")
        #expect(DisplayWidth.of(DisplayWidth.fit("日本語", to: 5)) == 5)
    }

    @Test func wrapBreaksAtSpaces() {
        #expect(DisplayWidth.wrap("Mål og suksesskriterier for tiltaket", to: 12) == ["Mål og", "suksesskrite", "rier for", "tiltaket"])
        #expect(DisplayWidth.wrap("en to tre", to: 5) == ["en to", "tre"])
    }

    @Test func wrapBreaksAfterAHyphenBetweenLetters() {
        #expect(DisplayWidth.wrap("rekruttere, forskning-opplaering", to: 20) == ["rekruttere,", "forskning-opplaering"])
        #expect(DisplayWidth.wrap("rekruttere, forskning-opplaering", to: 19) == ["rekruttere,", "forskning-", "opplaering"])
        #expect(DisplayWidth.wrap("a forskning-opplaering", to: 12) == ["a forskning-", "opplaering"])
        // Not inside a date, a number range or before a word that starts with a hyphen.
        #expect(DisplayWidth.wrap("fra 2026-01", to: 8) == ["fra", "2026-01"])
        #expect(DisplayWidth.wrap("67–79 -x", to: 4) == ["67–7", "9 -x"])
        #expect(DisplayWidth.wrap("helse- og omsorg", to: 6) == ["helse-", "og", "omsorg"])
        #expect(DisplayWidth.wrap("se https://ks.no/strategisk-kompetanseplanlegging/", to: 30)
                    == ["se", "https://ks.no/strategisk-kompe", "tanseplanlegging/"])
    }
}

@Suite struct GridTests {
    @Test func wideCharactersTakeTwoCellsAndClipWhole() {
        var g = Grid(Size(width: 6, height: 1))
        let end = g.put("a日本b", x: 0, y: 0)
        #expect(end == 6)
        #expect(g.lines() == ["a日本b"])
        #expect(g[1, 0].width == 2)
        #expect(g[2, 0].width == 0)
        var h = Grid(Size(width: 4, height: 1))
        h.put("ab日本", x: 0, y: 0)
        #expect(h.lines() == ["ab日"])
        var k = Grid(Size(width: 3, height: 1))
        k.put("a日", x: 0, y: 0)
        k.put("日", x: 2, y: 0)
        #expect(k.lines() == ["a日"], "a wide character that does not fit is not drawn at all")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var g = Grid(Size(width: 4, height: 1))
        g.put("日本", x: 0, y: 0)
        g.put("x", x: 1, y: 0)
        #expect(g.lines() == [" x本"])
    }

    @Test func controlCharactersNeverReachACell() {
        var g = Grid(Size(width: 20, height: 1))
        g.put("a\u{1b}[31mb\u{7}c\u{202E}d", x: 0, y: 0)
        #expect(!g.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!g.text.unicodeScalars.contains { $0.value == 0x202E })
        #expect(g.lines()[0].hasPrefix("a�[31mb�c�d"))
    }

    @Test func boxAndTableDraw() {
        var g = Grid(Size(width: 20, height: 5))
        g.box(g.bounds, title: "Tittel")
        Widgets.table(&g, Rect(x: 1, y: 1, width: 18, height: 3), columns: [Widgets.Column("Id", 3), Widgets.Column("Navn", 10)], count: 3,
                      selected: 1, offset: 0, theme: .builtinMono, colors: false, focused: true) { row, col in col == 0 ? "T\(row + 1)" : "Rad \(row + 1)" }
        #expect(g.lines() == [
            "┌─ Tittel ─────────┐",
            "│Id  Navn      2/3 │",
            "│T1  Rad 1         │",
            "│T2  Rad 2         │",
            "└──────────────────┘",
        ])
        #expect(g[1, 3].style.attributes.contains(.reverse), "the selected row is marked without colour")
    }

    @Test func barUsesEighths() {
        #expect(Widgets.bar(value: 50, max: 100, width: 4) == "██")
        #expect(Widgets.bar(value: 1, max: 8, width: 1) == "▏")
        #expect(Widgets.bar(value: 0, max: 8, width: 4) == "")
    }

    @Test func scrollKeepsTheSelectionVisible() {
        #expect(Widgets.scrollOffset(selected: 0, current: 0, visible: 10, count: 100) == 0)
        #expect(Widgets.scrollOffset(selected: 15, current: 0, visible: 10, count: 100) == 6)
        #expect(Widgets.scrollOffset(selected: 3, current: 6, visible: 10, count: 100) == 3)
        #expect(Widgets.scrollOffset(selected: 99, current: 95, visible: 10, count: 100) == 90)
    }
}

@Suite struct KeyTests {
    @Test func keyScripts() throws {
        #expect(try KeyScript.parse("ab<Down><C-s><Enter><<x") == [.char("a"), .char("b"), .down, .ctrl("s"), .enter, .char("<"), .char("x")])
        #expect(try KeyScript.parse("æ日<Space><S-Tab><F2>") == [.char("æ"), .char("日"), .char(" "), .backTab, .function(2)])
        #expect(throws: KeyScript.ParseError.unknownKey("Nope")) { try KeyScript.parse("<Nope>") }
        #expect(throws: KeyScript.ParseError.unclosed) { try KeyScript.parse("<Down") }
    }

    @Test func keymapOverridesAndUnbinds() {
        var map = Keymap([Keymap.Binding(action: "save", keys: [.ctrl("s")], group: "g"), Keymap.Binding(action: "quit", keys: [.char("q")], group: "g")])
        let problems = map.apply(["save": ["C-w", "F2"], "quit": [], "nope": ["x"]])
        #expect(problems.unknown == ["nope"])
        #expect(problems.taken.isEmpty)
        #expect(map.action(for: .ctrl("w")) == "save")
        #expect(map.action(for: .function(2)) == "save")
        #expect(map.action(for: .ctrl("s")) == nil)
        #expect(map.action(for: .char("q")) == nil)
    }

    /// A key the file gives an action wins over a default binding of it, which is reported.
    @Test func aKeyTheFileBindsIsTakenFromItsDefault() {
        var map = Keymap([Keymap.Binding(action: "save", keys: [.ctrl("s")], group: "g"),
                          Keymap.Binding(action: "waive", keys: [.char("w"), .char("W")], group: "g")])
        let problems = map.apply(["save": ["C-s", "w"]])
        #expect(problems.unknown.isEmpty)
        #expect(problems.taken == [.init(key: "w", action: "save", from: "waive")])
        #expect(map.action(for: .char("w")) == "save")
        #expect(map.keys(for: "waive") == [.char("W")])
    }

    @Test func themeFallsBackToParentRoleAndMono() {
        let t = Theme(name: "t", styles: ["list": Style(fg: .indexed(1))], mono: ["list": Style(attributes: [.reverse])])
        #expect(t.style("list.selected").fg == .indexed(1))
        #expect(t.style("list.selected", colors: false).attributes == [.reverse])
        #expect(t.style("unknown") == .plain)
        #expect(Color.rgb(0xff, 0, 0).paletteIndex == 196)
        #expect(Color.rgb(0xff, 0, 0).basicIndex == 1)
    }
}

@Suite struct WidgetsTests {
    @Test func columnWidthsGiveTheRoomToTheFlexibleColumn() {
        let id = Widgets.Column("Id", 4), sum = Widgets.Column("Sum", 8, right: true)
        let title = Widgets.Column("Tittel", 10, flex: true)
        // 40 = 4 + 1 + title + 1 + 8: the title takes 26, wherever it stands.
        #expect(Widgets.widths([id, title, sum], into: 40) == [4, 26, 8])
        #expect(Widgets.widths([id, sum, title], into: 40) == [4, 8, 26])
        // Without a flexible column the rest of the line stays empty.
        #expect(Widgets.widths([id, sum], into: 40) == [4, 8])
        // Too short a line: the columns give way from the right, the flexible one to its width first.
        #expect(Widgets.widths([id, title, sum], into: 20) == [4, 10, 4])
        #expect(Widgets.widths([id, title, sum], into: 12) == [4, 6, 0])
        // A heading wider than its column widens it.
        #expect(Widgets.widths([Widgets.Column("Gjelder", 6), sum], into: 40) == [7, 8])
        // A wide flexible column gives way first, down to its minimum (12), before a number is cut.
        let wide = Widgets.Column("Kategori", 30, flex: true)
        #expect(Widgets.widths([id, wide, sum], into: 30) == [4, 16, 8])
        #expect(Widgets.widths([id, wide, sum], into: 26) == [4, 12, 8])
        #expect(Widgets.widths([id, wide, sum], into: 20) == [4, 12, 2])
        #expect(Widgets.widths([id, Widgets.Column("Langt navn på kolonnen", 30, flex: true), sum], into: 30) == [4, 22, 2])
    }
}

@Suite struct ClipboardTests {
    /// OSC 52 with the text in base64 (worked out with Python's base64 module), padded as it must be.
    @Test func theSequenceCarriesTheTextInBase64() {
        func payload(_ text: String) -> String {
            let bytes = clipboardSequence(text)
            #expect(Array(bytes.prefix(7)) == Array("\u{1B}]52;c;".utf8))
            #expect(bytes.last == 0x07)
            return String(decoding: bytes.dropFirst(7).dropLast(), as: UTF8.self)
        }
        #expect(payload("hei på deg") == "aGVpIHDDpSBkZWc=")
        #expect(payload("a") == "YQ==")
        #expect(payload("ab") == "YWI=")
        #expect(payload("abc") == "YWJj")
        #expect(payload("") == "")
        // Whatever the text holds, nothing but the frame itself reaches the terminal as a control.
        #expect(!clipboardSequence("\u{1B}[2J\u{7}").dropFirst(7).dropLast().contains { $0 < 0x20 })
    }
}
