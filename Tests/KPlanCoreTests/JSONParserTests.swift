import Foundation
import Testing
@testable import KPlanCore

/// Every class of syntax error: its id, message and line:column (checked by eye against
/// the fixture files in Fixtures/bad).
@Suite struct JSONParserTests {
    func diagnostics(_ name: String) throws -> ([Diagnostic], [Located], JSONDocument?) {
        let source = try readBytes(Paths.fixture("bad/\(name)"))
        let (doc, diags) = JSONParser.parse(source)
        return (diags, located(diags, in: source), doc)
    }

    @Test func trailingCommasAreAllReportedAndParsingGoesOn() throws {
        let (d, at, doc) = try diagnostics("trailing-comma.json")
        #expect(at == [Located(id: "trailing-comma", line: 2, column: 13), Located(id: "trailing-comma", line: 3, column: 15)])
        #expect(d[0].message == "komma etter siste element; JSON tillater ikke avsluttende komma")
        #expect(doc != nil)
    }

    @Test func duplicateKeyNamesTheKeyAndTheFirstLine() throws {
        let (d, at, _) = try diagnostics("duplicate-key.json")
        #expect(at == [Located(id: "duplicate-key", line: 4, column: 3)])
        #expect(d[0].message == "nøkkelen «a» står to ganger i samme objekt")
        #expect(d[0].help == "første forekomst står på linje 2; fjern den ene")
    }

    /// 38 keys: past the 32 where a hash table of the keys takes over from fingerprints.
    @Test func duplicatesInAWideObjectNameTheirFirstLine() throws {
        let (d, at, doc) = try diagnostics("wide-object.json")
        #expect(at == [Located(id: "duplicate-key", line: 22, column: 3), Located(id: "duplicate-key", line: 39, column: 3)])
        #expect(d.map(\.message) == ["nøkkelen «k3» står to ganger i samme objekt", "nøkkelen «\\u006b7» står to ganger i samme objekt"])
        #expect(d.map(\.help) == ["første forekomst står på linje 5; fjern den ene", "første forekomst står på linje 9; fjern den ene"])
        #expect(doc != nil)
    }

    @Test func byteOrderMark() throws {
        let (d, at, doc) = try diagnostics("bom.json")
        #expect(at == [Located(id: "bom", line: 1, column: 1)])
        #expect(d[0].message.contains("byte order mark"))
        #expect(doc != nil)
    }

    @Test func leadingZero() throws {
        let (d, at, _) = try diagnostics("leading-zero.json")
        #expect(at == [Located(id: "leading-zero", line: 2, column: 13)])
        #expect(d[0].message == "tallet «0120» har ledende null, som JSON ikke tillater")
    }

    @Test func invalidUTF8() throws {
        let (d, at, _) = try diagnostics("invalid-utf8.json")
        #expect(at == [Located(id: "invalid-utf8", line: 2, column: 22)])
        #expect(d[0].message == "ugyldig UTF-8; lagre filen som UTF-8")
    }

    @Test func unterminatedStringPointsAtItsStart() throws {
        let (d, at, doc) = try diagnostics("unterminated-string.json")
        #expect(at == [Located(id: "unterminated-string", line: 2, column: 12)])
        #expect(d[0].message == "teksten avsluttes aldri; mangler avsluttende anførselstegn")
        #expect(doc == nil)
    }

    @Test func controlCharacterInString() throws {
        let (d, at, _) = try diagnostics("control-character.json")
        #expect(at == [Located(id: "control-character", line: 2, column: 18)])
        #expect(d[0].message.hasPrefix("kontrolltegn U+0009 i tekst"))
    }

    @Test func nestingTooDeep() throws {
        let (d, at, doc) = try diagnostics("too-deep.json")
        #expect(at == [Located(id: "too-deep", line: 1, column: 65)])
        #expect(d[0].message == "for dyp nøsting (over 64 nivåer)")
        #expect(doc == nil)
    }

    @Test func aFileAboveTheSizeLimitIsRefusedWithItsSize() {
        let bytes = Array(#"{"a": "\#(String(repeating: "x", count: 3 << 20))"}"#.utf8)
        let (doc, d) = JSONParser.parse(bytes, maxBytes: 2 << 20)
        #expect(doc == nil)
        #expect(d.map(\.id) == ["too-large"])
        #expect(d.first?.message == "filen er 3 MB; kplan leser filer på opptil 2 MB")
        #expect(JSONParser.parse(bytes, maxBytes: 4 << 20).0 != nil)
    }

    @Test func aTapeNodeKeepsKindFlagAndCountApart() {
        var node = JSONNode(kind: .bool, flag: true, start: 7, end: 11, next: 8, count: 0)
        #expect(node.kind == .bool && node.flag && node.count == 0)
        node.count = JSONNode.maxCount
        #expect(node.kind == .bool && node.flag && node.count == JSONNode.maxCount)
        let object = JSONNode(kind: .object, flag: false, start: 0, end: 2, next: 1, count: 3)
        #expect(object.kind == .object && !object.flag && object.count == 3)
        #expect(MemoryLayout<JSONNode>.stride == 16)
    }

    @Test func gitConflictMarkersAreNamedInPlainWords() throws {
        let (d, at, doc) = try diagnostics("conflict-markers.json")
        #expect(at.map(\.line) == [3, 5, 7])
        #expect(Set(at.map(\.id)) == ["conflict-marker"])
        #expect(d[0].message == "uløst git-konflikt: linjen starter med «<<<<<<<»")
        #expect(d[0].help?.contains("fletting") == true)
        #expect(doc == nil)
    }

    @Test func emptyFile() throws {
        let (d, _, doc) = try diagnostics("empty.json")
        #expect(d.map(\.id) == ["empty-file"])
        #expect(doc == nil)
    }

    @Test func singleQuotesGetAHint() throws {
        let (d, at, _) = try diagnostics("single-quotes.json")
        #expect(at == [Located(id: "syntax", line: 2, column: 3)])
        #expect(d[0].message.contains("doble anførselstegn"))
    }

    @Test func invalidEscape() throws {
        let (d, at, _) = try diagnostics("invalid-escape.json")
        #expect(at == [Located(id: "invalid-escape", line: 2, column: 14)])
        #expect(d[0].message.hasPrefix("ugyldig escape «\\q»"))
    }

    @Test func structuralErrors() {
        let cases: [(String, String, Int, Int)] = [
            ("{\"a\" 1}", "syntax", 1, 6),
            ("[1 2]", "syntax", 1, 4),
            ("{\"a\": 1} x", "syntax", 1, 10),
            ("{\"a\": tru}", "syntax", 1, 7),
            ("{\"a\": -}", "invalid-number", 1, 7),
            ("{\"a\": [1, 2", "syntax", 1, 12),
            ("{\"a\": \"\\u12\"}", "invalid-escape", 1, 8),
            ("{\"a\": \"\\ud800\"}", "invalid-escape", 1, 8),
        ]
        for (text, id, line, column) in cases {
            let source = bytes(text)
            let (_, d) = JSONParser.parse(source)
            #expect(located(d, in: source) == [Located(id: id, line: line, column: column)], "\(text)")
        }
    }

    @Test func valuesAndEscapesDecode() throws {
        let source = bytes(#"{"s": "æ\u00f8\n\"\\\/\ud83d\ude00", "n": -12.5e3, "t": true, "f": false, "z": null, "a": [], "o": {}}"#)
        let (doc, d) = JSONParser.parse(source)
        #expect(d.isEmpty)
        let document = try #require(doc)
        let children = Array(document.children(document.root))
        #expect(children.count == 14)
        #expect(document.string(children[1]) == "æø\n\"\\/😀")
        #expect(document.rawText(children[3]) == "-12.5e3")
        #expect(document.node(children[5]).boolValue == true)
        #expect(document.node(children[9]).kind == .null)
        #expect(document.node(children[11]).count == 0)
    }

    /// Strings are scanned sixteen bytes at a time up to the first byte that is not plain
    /// ASCII text: each such byte at every place in and around two blocks, and a string that
    /// ends just there.
    @Test func whatEndsAPlainRunIsFoundAtEveryOffset() throws {
        let cases: [(raw: String, decoded: String, error: String?)] = [
            (#"\""#, "\"", nil), (#"\n"#, "\n", nil), ("ø", "ø", nil), ("😀", "😀", nil), ("\u{1F}", "\u{1F}", "control-character"),
        ]
        for offset in 0..<40 {
            let before = String(repeating: "a", count: offset)
            for c in cases {
                let (doc, d) = JSONParser.parse(bytes("[\"" + before + c.raw + "b\", \"" + before + "\"]"))
                #expect(d.map(\.id) == (c.error.map { [$0] } ?? []), "\(offset) \(c.raw)")
                let document = try #require(doc, "\(offset) \(c.raw)")
                let strings = Array(document.children(document.root)).map { document.string($0) }
                #expect(strings == [before + c.decoded + "b", before], "\(offset) \(c.raw)")
            }
        }
    }
}
