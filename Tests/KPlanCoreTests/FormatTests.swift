import Foundation
import Testing
@testable import KPlanCore

/// Norwegian number formats, and the character count the plain text layout relies on.
@Suite struct FormatTests {
    /// As a Norwegian reads a time, whatever the process's locale.
    @Test func dateAndTimeAreNorwegian() throws {
        let utc = try #require(TimeZone(identifier: "UTC")), oslo = try #require(TimeZone(identifier: "Europe/Oslo"))
        // 2026-11-24 01:46:20 UTC.
        let date = Date(timeIntervalSince1970: 1_795_484_780)
        #expect(Format.dateTime(date, timeZone: utc) == "24.11.2026 kl. 01:46")
        #expect(Format.dateTime(date, timeZone: oslo) == "24.11.2026 kl. 02:46")
        #expect(Format.dateTime(Date(timeIntervalSince1970: 1_783_000_000), timeZone: utc) == "02.07.2026 kl. 13:46")
        // The day a new waiver is dated by, on the local calendar.
        #expect(Format.isoDate(date, timeZone: utc) == "2026-11-24")
        #expect(Format.isoDate(Date(timeIntervalSince1970: 1_795_477_500), timeZone: utc) == "2026-11-23")
        #expect(Format.isoDate(Date(timeIntervalSince1970: 1_795_477_500), timeZone: oslo) == "2026-11-24")
    }

    /// A date from the file in a document for the politicians: day, month, year.
    @Test func datesInDocumentsAreNorwegian() {
        #expect(Format.date("2027-10-01") == "01.10.2027")
        #expect(Format.date("2024-02-29") == "29.02.2024")
        for notADate in ["", "2027-13-01", "2027-10", "i morgen"] { #expect(Format.date(notADate) == notADate) }
    }

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
