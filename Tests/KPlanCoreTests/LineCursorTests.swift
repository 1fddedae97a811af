@testable import KPlanCore
import Testing

/// Positions in messages are counted from the last position asked about; they must be right
/// in any order of asking.
@Suite struct LineCursorTests {
    /// Bytes around the newline that a carry between bytes would confuse with it.
    static let tricky: [UInt8] = [0x0A, 0x0B, 0x09, 0x8A, 0x00, 0xFF, 0x7F, 0x80, 0x0A, 0x0A, 0x41, 0xC3, 0xA6]

    /// Blocks of 16 bytes, and more than 255 of them, whose per-lane counts must be added up
    /// before they wrap (all newlines is the worst case).
    @Test func countsNewlinesExactly() {
        var generator = SplitMix64(seed: 11)
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1000, 255 * 16, 255 * 16 + 1, 20_000] {
            let bytes = (0..<length).map { _ in Self.tricky[generator.below(Self.tricky.count)] }
            for (from, to) in [(0, length), (min(3, length), length), (0, max(0, length - 5))] where from <= to {
                let expected = bytes[from..<to].filter { $0 == 0x0A }.count
                let counted = bytes.withUnsafeBytes { LineCursor.newlines($0, from: from, to: to) }
                #expect(counted == expected, "length \(length), \(from)..<\(to)")
            }
        }
        let newlines = [UInt8](repeating: 0x0A, count: 300 * 16 + 5)
        #expect(newlines.withUnsafeBytes { LineCursor.newlines($0, from: 0, to: newlines.count) } == newlines.count)
        #expect(newlines.withUnsafeBytes { LineCursor.newlines($0, from: 3, to: newlines.count - 2) } == newlines.count - 5)
    }

    /// Line and column counted the plain way: newlines before the offset, and Unicode
    /// scalars since the last one.
    static func expected(_ offset: Int, in bytes: [UInt8]) -> KPlanCore.SourceLocation {
        let before = bytes[..<offset]
        let lineStart = (before.lastIndex(of: 0x0A) ?? -1) + 1
        let column = 1 + bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count
        return KPlanCore.SourceLocation(offset: offset, line: 1 + before.filter { $0 == 0x0A }.count, column: column)
    }

    @Test func locationsAreRightInAnyOrder() {
        let text = "{\n  \"tittel\": \"Ærlig\",\r\n  \"å\": [1,\n\n    2]\n}"
        let bytes = Array(text.utf8)
        let offsets = Array(0...bytes.count)
        var generator = SplitMix64(seed: 5)
        let shuffled = offsets.shuffled(using: &generator)
        for order in [offsets, offsets.reversed(), shuffled] {
            let cursor = LineCursor(SourceBytes(bytes))
            for offset in order {
                #expect(cursor.location(of: offset) == Self.expected(offset, in: bytes), "offset \(offset)")
            }
        }
    }

    @Test func excerptEndsAtTheLineAndDropsTheCarriageReturn() {
        let bytes = Array("{\r\n  \"a\": x\r\n}".utf8)
        let renderer = DiagnosticRenderer(fileName: "f", bytes: bytes)
        let (shown, caret) = renderer.sourceExcerpt(offset: 10)
        #expect(shown == "  \"a\": x")
        #expect(caret == 7)
        let (first, firstCaret) = renderer.sourceExcerpt(offset: 1)
        #expect(first == "{")
        #expect(firstCaret == 1)
    }
}
