import Foundation
import Testing
@testable import KPlanCore

/// Export of the example plan in every format, against reviewed golden files
/// (`UPDATE_GOLDENS=1` records them), plus the promises of each format.
@Suite struct ExportTests {
    let plan: Plan
    let report: Report

    init() throws {
        plan = try #require(PlanDecoder().decode(try readBytes(Paths.examplePlan)).plan)
        report = Engine().check(plan)
    }

    func golden(_ text: String, _ name: String) throws {
        let path = Paths.root.appendingPathComponent("Tests/KPlanCoreTests/Goldens/\(name)").path
        if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        if expected != text {
            let e = expected.components(separatedBy: "\n"), a = text.components(separatedBy: "\n")
            let first = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }
            Issue.record("golden \(name) differs at line \((first?.offset ?? min(e.count, a.count)) + 1): \(first.map { "«\($0.element.0)» ≠ «\($0.element.1)»" } ?? "length")")
        }
    }

    /// Text wrapped from its bytes breaks where text wrapped character by character does, and
    /// text that the byte path cannot read (combining marks, emoji, controls) takes the other.
    @Test func wrappingFromBytesMatchesWrappingByCharacters() throws {
        let pieces = ["a", "Ø", "å", "bb", "ccc", "æøå", " ", " ", "  ", "\u{A0}", "\u{AD}", "ÿ", "~", "tiltak", "pårørende"]
        var rng = SplitMix64(seed: 9)
        for _ in 0..<2_000 {
            let text = (0..<rng.below(20)).map { _ in pieces[rng.below(pieces.count)] }.joined()
            let width = 1 + rng.below(12)
            let fromBytes = try #require(text.utf8.withContiguousStorageIfAvailable { PlainTextRenderer.wrapLatin1($0, width) } ?? nil)
            #expect(fromBytes == PlainTextRenderer.wrapCharacters(text, width), "«\(text)» at \(width)")
        }
        for other in ["e\u{301}", "👩‍⚕️", "a\tb", "\u{85}", "€"] {
            #expect(other.utf8.withContiguousStorageIfAvailable { PlainTextRenderer.wrapLatin1($0, 10) } ?? nil == nil, "\(other)")
        }
    }

    @Test func goldenFiles() throws {
        let doc = PlanDocument.plan(plan, report: report)
        let caseDoc = PlanDocument.caseDraft(plan, report: report)
        try golden(PlainTextRenderer.render(doc), "plan.txt")
        try golden(MarkdownRenderer.render(doc), "plan.md")
        try golden(GroffRenderer.render(doc), "plan.ms")
        try golden(PlainTextRenderer.render(caseDoc), "saksframlegg.txt")
        try golden(MarkdownRenderer.render(caseDoc), "saksframlegg.md")
    }

    @Test func plainTextIsPagedAt80ColumnsAnd64Lines() {
        let text = PlainTextRenderer.render(PlanDocument.plan(plan, report: report))
        let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        #expect(pages.count >= 5)
        for (i, page) in pages.enumerated() {
            let lines = page.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(lines.count <= 64, "page \(i + 1) has \(lines.count) lines")
            #expect(lines.allSatisfy { $0.count <= 80 }, "page \(i + 1) has a line over 80 columns")
            #expect(lines.first?.hasSuffix("Side \(i + 1) av \(pages.count)") == true)
        }
        #expect(text.contains("Sum kostnader"))
        #expect(text.contains("2 180 000"))
    }

    @Test func caseDraftNumbersAreThePlansNumbers() {
        let text = PlainTextRenderer.render(PlanDocument.caseDraft(plan, report: report))
        let y = report.figures.budget[0]
        #expect(text.contains("\(y.year): tiltakene koster \(Format.kroner(y.costs)); kommunens egenandel"))
        #expect(text.contains(Format.kroner(y.ownShare)))
        #expect(text.contains("FORSLAG TIL VEDTAK") || text.contains("Forslag til vedtak"))
    }

    @Test func planTextCannotBecomeAGroffRequest() {
        var p = plan
        p.needs[0].title = ".so /etc/passwd"
        p.needs[0].rationale = "\\X'ps: exec' og 'tl"
        p.measures[0].goal = "\u{1b}[31mrød\u{7}"
        let ms = GroffRenderer.render(PlanDocument.plan(p, report: Engine().check(p)))
        #expect(!ms.contains("\n.so /etc/passwd"))
        #expect(ms.contains("\\&.so /etc/passwd") || ms.contains("B1 .so /etc/passwd"))
        #expect(ms.contains("\\eX'ps: exec'"))
        #expect(!ms.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }
}
