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
    /// text that the byte path cannot read (combining marks, emoji, controls) takes the other
    /// without having written anything.
    @Test func wrappingFromBytesMatchesWrappingByCharacters() throws {
        let pieces = ["a", "Ø", "å", "bb", "ccc", "æøå", " ", " ", "  ", "\u{A0}", "\u{AD}", "ÿ", "~", "tiltak", "pårørende"]
        var rng = SplitMix64(seed: 9)
        for _ in 0..<2_000 {
            let text = (0..<rng.below(20)).map { _ in pieces[rng.below(pieces.count)] }.joined()
            let width = 1 + rng.below(12)
            var fromBytes = PagedText(pageLines: 100), byCharacters = PagedText(pageLines: 100)
            var filler = PlainTextRenderer.LineFiller(width: width, indent: 2)
            #expect(text.utf8.withContiguousStorageIfAvailable { PlainTextRenderer.wrapLatin1($0, into: &filler, &fromBytes) } == true)
            filler = PlainTextRenderer.LineFiller(width: width, indent: 2)
            PlainTextRenderer.wrapCharacters(text, into: &filler, &byCharacters)
            #expect(fromBytes.bytes == byCharacters.bytes, "«\(text)» at \(width)")
        }
        for other in ["e\u{301}", "👩‍⚕️", "a\tb", "\u{85}", "€"] {
            var lines = PagedText(pageLines: 100), filler = PlainTextRenderer.LineFiller(width: 10, indent: 0)
            #expect(other.utf8.withContiguousStorageIfAvailable { PlainTextRenderer.wrapLatin1($0, into: &filler, &lines) } == false, "\(other)")
            #expect(lines.bytes.isEmpty, "\(other)")
        }
    }

    /// Wrapped lines are as wide as they may be and no wider, continue with the indent, and
    /// keep every word; a word longer than the width gets a line of its own.
    @Test func wrappingFillsLinesAndIndentsTheRest() {
        var lines = PagedText(pageLines: 100)
        lines.append("• ")
        PlainTextRenderer.wrap("en to tre fire femten-tegn-ord x", 10, into: &lines, indent: 2)
        #expect(lines.strings == ["• en to tre", "  fire", "  femten-tegn-ord", "  x"])
        PlainTextRenderer.wrap("   ", 10, into: &lines)
        #expect(lines.strings == ["• en to tre", "  fire", "  femten-tegn-ord", "  x", ""])
    }

    /// A page ends when full or at a break, never starts with a blank line, and gets its head
    /// and a blank line above it, with a form feed before every page but the first.
    @Test func pagesEndWhenFullOrAtABreakAndGetTheirHeads() {
        var text = PagedText(pageLines: 2)
        for line in ["a", "b", "", "c"] { text.line(line) }
        text.pageBreak()
        text.pageBreak()
        for line in ["", "d"] { text.line(line) }
        #expect(text.pageCount == 3)
        #expect(String(decoding: text.take(withHeads: ["H1", "H2", "H3"]), as: UTF8.self) == "H1\n\na\nb\n\u{0C}H2\n\nc\n\u{0C}H3\n\nd\n")
        var blank = PagedText(pageLines: 2)
        blank.line("")
        #expect(blank.pageCount == 0)
        #expect(blank.take(withHeads: []).isEmpty)
    }

    /// Lines written into parts and placed later make the pages the same lines written in
    /// place make: pages end when full, a blank line at a page's top is left out, also when
    /// it is a part's first or last, and a part placed twice is there twice.
    @Test func placedPartsPageAsLinesWrittenInPlace() {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<500 {
            let pageLines = 1 + rng.below(5)
            var direct = PagedText(pageLines: pageLines), placed = PagedText(pageLines: pageLines)
            func lines() -> [String] { (0..<rng.below(9)).map { _ in rng.below(3) == 0 ? "" : "l\(rng.below(100))" } }
            for _ in 0..<rng.below(6) {
                switch rng.below(3) {
                case 0:
                    for line in lines() { direct.line(line); placed.line(line) }
                case 1:
                    direct.pageBreak()
                    placed.pageBreak()
                default:
                    let part = lines(), times = 1 + rng.below(2)
                    var written = PagedText.part(reserving: 0)
                    for line in part { written.line(line) }
                    for _ in 0..<times {
                        for line in part { direct.line(line) }
                        placed.place(written)
                    }
                }
            }
            #expect(placed.pageCount == direct.pageCount)
            let heads = (0..<direct.pageCount).map { "H\($0)" }
            #expect(placed.take(withHeads: heads) == direct.take(withHeads: heads))
        }
    }

    /// The plan written out block by block as it is made, into a buffer reserved from the plan's
    /// size, is the plan document rendered whole into a buffer that starts empty and grows.
    @Test func planStreamedIsTheDocumentRendered() {
        let generated = PlanGenerator.generate(needs: 400, measures: 600, years: 4, seed: 8)
        for p in [plan, generated] {
            let report = Engine().check(p)
            let whole = PlanDocument.plan(p, report: report)
            #expect(PlanDocument.planText(p, report: report) == PlainTextRenderer.render(whole))
            #expect(PlanDocument.planMarkdown(p, report: report) == MarkdownRenderer.render(whole))
            #expect(PlanDocument.planGroff(p, report: report) == GroffRenderer.render(whole))
        }
    }

    /// Each block is followed by a blank line, also a list with no items (then the block is
    /// the blank line alone), as when the blocks were joined with newlines.
    @Test func markdownBlocksAreSeparatedByABlankLine() {
        let doc = ExportDocument(title: "A", runningHead: "A", blocks: [.heading(1, "A"), .fields([]), .bullets([]), .paragraph("p")])
        #expect(MarkdownRenderer.render(doc) == "# A\n\n\n\n\n\np\n")
    }

    /// A running head too long for its columns is cut after a whole word, with "…".
    @Test func runningHeadIsCutAfterAWord() {
        #expect(PlainTextRenderer.runningHead("Fjordvik · Kompetanseplan 2026–2029", 20) == "Fjordvik ·…         ")
        #expect(PlainTextRenderer.runningHead("Fjordvik · Plan", 20) == "Fjordvik · Plan     ")
        #expect(PlainTextRenderer.runningHead("Kompetanseplanlegging", 10) == "Kompetans…")
    }

    @Test func goldenFiles() throws {
        let doc = PlanDocument.plan(plan, report: report)
        let caseDoc = PlanDocument.caseDraft(plan, report: report)
        try golden(String(decoding: PlainTextRenderer.render(doc), as: UTF8.self), "plan.txt")
        try golden(MarkdownRenderer.render(doc), "plan.md")
        try golden(GroffRenderer.render(doc), "plan.ms")
        try golden(String(decoding: PlainTextRenderer.render(caseDoc), as: UTF8.self), "saksframlegg.txt")
        try golden(MarkdownRenderer.render(caseDoc), "saksframlegg.md")
    }

    @Test func plainTextIsPagedAt80ColumnsAnd64Lines() {
        let text = String(decoding: PlainTextRenderer.render(PlanDocument.plan(plan, report: report)), as: UTF8.self)
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
        let text = String(decoding: PlainTextRenderer.render(PlanDocument.caseDraft(plan, report: report)), as: UTF8.self)
        let y = report.figures.budget[0]
        #expect(text.contains("\(y.year): tiltakene koster \(Format.kroner(y.costs)); kommunens egenandel"))
        #expect(text.contains(Format.kroner(y.ownShare)))
        #expect(text.contains("FORSLAG TIL VEDTAK") || text.contains("Forslag til vedtak"))
    }

    /// A new plan prints without a stray comma for the county it does not have yet, and an
    /// empty list as a line that says so, not as a header over nothing, in every format.
    @Test func aNewPlanPrintsCleanly() {
        let new = PlanFile.skeleton(municipality: "Små kommune", number: "1234", county: "", from: 2027, to: 2030)
        let report = Engine().check(new)
        let text = String(decoding: PlanDocument.planText(new, report: report), as: UTF8.self)
        #expect(text.contains("Kommune:      Små kommune (1234)\n"))
        #expect(text.contains("Organisering og medvirkning\n---------------------------\nIngen registrert ennå.\n"))
        #expect(!text.contains("Navn  Rolle"))
        #expect(PlanDocument.planMarkdown(new, report: report).contains("## Organisering og medvirkning\n\nIngen registrert ennå.\n"))
        #expect(!PlanDocument.planGroff(new, report: report).contains("Navn\tRolle"))
        let withCounty = PlanFile.skeleton(municipality: "Små kommune", number: "1234", county: "Vestland", from: 2027, to: 2030)
        #expect(String(decoding: PlanDocument.planText(withCounty, report: report), as: UTF8.self).contains("Små kommune (1234), Vestland\n"))
    }

    /// A waiver is listed by its rule and target; one for the whole plan by its rule alone.
    @Test func waiversAreListedByRuleAndTarget() {
        var p = plan
        p.waivers = [Waiver(rule: "demand-not-covered", target: "", reason: "Velferdsteknologi", decidedBy: "Kommunalsjef", date: "2026-03-01"),
                     Waiver(rule: "measure-incomplete", target: "T3", reason: "Avklares", decidedBy: "Kommunalsjef", date: "2026-03-02")]
        let markdown = PlanDocument.planMarkdown(p, report: Engine().check(p))
        #expect(markdown.contains("- demand-not-covered: Velferdsteknologi (Kommunalsjef, 01.03.2026)\n"))
        #expect(markdown.contains("- measure-incomplete T3: Avklares (Kommunalsjef, 02.03.2026)\n"))
        // The draft case tells the politicians what was waived, and why.
        let draft = MarkdownRenderer.render(PlanDocument.caseDraft(p, report: Engine().check(p)))
        #expect(draft.contains("Kontrollen i kplan: 0 feil, 0 advarsler, 4 merknader. Dette står åpent eller er unntatt:\n\n"
                               + "- Unntak: sykepleier: framskrevet vekst 12,1 årsverk innen 2029, men behovene i planen utgjør bare 6,0 årsverk. "
                               + "Begrunnelse: Velferdsteknologi\n"))
    }

    /// An outline entry in PDFDocEncoding octal (ø 0xF8, – 0x85, « 0xAB, » 0xBB), quotes doubled
    /// for the macro's argument, what has no byte there as «?».
    @Test func outlineEntriesAreEscapedForThePDF() {
        #expect(GroffRenderer.bookmark("Nasjonale føringer (K2025) – «x» \"q\" \\ 日") ==
                    "Nasjonale f\\e370ringer (K2025) \\e205 \\e253x\\e273 \"\"q\"\" ? ?")
        #expect(GroffRenderer.bookmark("a\u{A0}b\u{1b}[2J") == "a\\e040b?[2J")
        // The document's title: ( ) " \\ too in octal (050, 051, 042, 134), as the macro does not quote it.
        #expect(GroffRenderer.docInfo("Plan (før) \"x\" \\ – 日") == "Plan \\050f\\370r\\051 \\042x\\042 \\134 \\205 ?")
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

extension PagedText {
    mutating func line(_ s: String) {
        append(s)
        endLine()
    }

    var strings: [String] { String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
}
