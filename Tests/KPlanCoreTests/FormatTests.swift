import Testing
@testable import KPlanCore

/// Norwegian number formats, and the character count the plain text layout relies on.
@Suite struct FormatTests {
    @Test func amountsAreGroupedInThrees() {
        #expect(Format.grouped(0) == "0")
        #expect(Format.grouped(999) == "999")
        #expect(Format.grouped(1_000) == "1 000")
        #expect(Format.grouped(1_234_567) == "1 234 567")
        #expect(Format.grouped(-30_000) == "−30 000")
        #expect(Format.grouped(-7) == "−7")
        #expect(Format.grouped(Int.min) == "−9 223 372 036 854 775 808")
        #expect(Format.kroner(2_180_000) == "2 180 000 kr")
    }

    @Test func latin1CharactersAreCountedAsStringCountsThem() {
        for s in ["", "a", "Pårørende", "ÆØÅ æøå", "\u{A0}x\u{FF}", "~ ! ?"] {
            #expect(Array(s.utf8).withUnsafeBufferPointer { Latin1Text.count($0) } == s.count, "\(s)")
            #expect(Latin1Text.characters(s) == s.count, "\(s)")
        }
        for s in ["e\u{301}", "👩‍⚕️", "a\tb", "\u{85}", "€", "中文"] {
            #expect(Array(s.utf8).withUnsafeBufferPointer { Latin1Text.count($0) } == nil, "\(s)")
            #expect(Latin1Text.characters(s) == s.count, "\(s)")
        }
    }
}
