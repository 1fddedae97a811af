@testable import KPlanCore
import Testing

/// Parsing a large plan in two halves must give the one-piece parse's tape and messages,
/// whatever the file holds.
@Suite struct SplitParseTests {
    static let plan = PlanEncoder.encode(PlanGenerator.generate(needs: 40, measures: 60, years: 4, seed: 3))

    static func expectSameAsOnePiece(_ bytes: [UInt8], _ comment: Comment? = nil) {
        let (whole, wholeMessages) = JSONParser.parse(bytes, splitAbove: .max)
        let (split, splitMessages) = JSONParser.parse(bytes, splitAbove: 0)
        #expect(split?.nodes == whole?.nodes, comment)
        #expect(splitMessages == wholeMessages, comment)
    }

    @Test func aCanonicalPlanIsSplitAndGivesTheSameTape() {
        let bytes = Self.plan
        let nodes = bytes.withUnsafeBufferPointer { JSONParser.parseInTwo($0) }
        #expect(nodes != nil)
        Self.expectSameAsOnePiece(bytes)
    }

    /// Every place in the file as the split point: the stop confirms the guess or the
    /// file is parsed in one piece.
    @Test func anySplitPointGivesTheSameTapeOrNone() {
        let bytes = Self.plan
        let (whole, _) = JSONParser.parse(bytes, splitAbove: .max)
        var split = 0, checked = 0
        for at in stride(from: 0, to: bytes.count, by: 97) {
            let nodes = bytes.withUnsafeBufferPointer { JSONParser.parseInTwo($0, at: at) }
            if let nodes {
                split += 1
                #expect(nodes == whole?.nodes, "split at \(at)")
            }
            checked += 1
        }
        // The needs and the measures are most of the file, so most places are inside them;
        // only element starts split, and those are a few of the places tried.
        #expect(split > 0 && split < checked)
    }

    /// Problems in either half, or after the split array, give the one-piece messages.
    @Test(arguments: [
        ("\"title\": \"Tiltak", "\"title\": \"\\qTiltak"),  // a bad escape in the second half
        ("\"format\": \"kplan/1\"", "\"format\": \"kplan/1\",\n  \"format\": 1"),  // duplicate key before the split
        // The root ends with the waivers.
        ("\n  ]\n}", "\n  ],\n}"),                         // trailing comma in the root after the split
        ("\n  ]\n}", "\n  ]\n}\nx"),                        // text after the document
        ("\n  ]\n}", "\n  ], \"measures\": 1\n}"),           // the split array's key again
    ])
    func problemsGiveTheOnePieceMessages(_ change: (String, String)) throws {
        var text = String(decoding: Self.plan, as: UTF8.self)
        let range = try #require(text.range(of: change.0, options: .backwards))
        text.replaceSubrange(range, with: change.1)
        Self.expectSameAsOnePiece(Array(text.utf8), "\(change.1)")
    }

    /// The guess can be wrong: `\n    {` two levels deeper than an element of the root's arrays.
    @Test func anotherLayoutIsParsedInOnePiece() {
        let text = "{\"a\": {\"b\": [\n    {\"c\": 1}, 2]}, \"d\": [\n    {\"e\": [1,\n    {\"f\": 2}]}]}"
        let bytes = Array(text.utf8)
        Self.expectSameAsOnePiece(bytes)
        for at in bytes.indices where bytes[at] == UInt8(ascii: "{") {
            let nodes = bytes.withUnsafeBufferPointer { JSONParser.parseInTwo($0, at: at) }
            if let nodes {
                #expect(nodes == JSONParser.parse(bytes, splitAbove: .max).0?.nodes)
            }
        }
    }
}
