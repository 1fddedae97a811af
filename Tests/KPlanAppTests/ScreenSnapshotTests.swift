import Testing
import KPlanCore
import TermUI
@testable import KPlanApp

/// Every screen as text at 80×24 and 120×40 (goldens in Snapshots/, reviewed by eye).
@Suite struct ScreenSnapshotTests {
    static let screens: [(String, ScreenID, String)] = [
        ("oversikt", .overview, ""), ("behov", .needs, ""), ("tiltak", .measures, "<Down><Down>"), ("utdanning", .training, ""),
        ("budsjett", .budget, "<Down>"), ("finansiering", .budget, "]<Down>"), ("bemanning", .staffing, ""), ("befolkning", .staffing, "]"),
        ("kontroll", .findings, ""), ("vedtak", .decisions, ""), ("arbeidsgruppe", .decisions, "]]"),
        ("tiltak-detalj", .measures, "<Enter><Down><Down><Down><Down>"), ("hjelp", .overview, "?"), ("endringer-uten-git", .changes, ""),
    ]

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func everyScreen(_ size: Size) throws {
        for (name, screen, keys) in Self.screens {
            var s = try AppFixture.state(size: size, screen: screen)
            try press(&s, keys)
            try expectSnapshot(view(s), "\(name)-\(size.width)x\(size.height)")
        }
    }

    /// Between the two sizes above: the staffing pane holds «Ledige årsverk» on one line and
    /// its table every column, and the budget shows each category's name and the period's sum.
    @Test func aMiddleWidth() throws {
        for (name, screen, keys) in [("bemanning", ScreenID.staffing, "<Down><Down>"), ("budsjett", .budget, "")] {
            var s = try AppFixture.state(size: Size(width: 100, height: 30), screen: screen)
            try press(&s, keys)
            try expectSnapshot(view(s), "\(name)-100x30")
        }
    }

    /// At 80×24 the staffing chart and the findings are below the screen's edge: the overview
    /// scrolls to them, marks where there is more, and stops at its end and its top.
    @Test func theOverviewScrollsToWhatIsBelow() throws {
        var s = try AppFixture.state(size: Size(width: 80, height: 24), screen: .overview)
        let top = view(s)
        #expect(!top.text.contains("Funn som må rettes"))
        #expect(top.lines()[22].hasSuffix("▼"))
        try press(&s, "<End>")
        try expectSnapshot(view(s), "oversikt-rullet-80x24")
        #expect(view(s).text.contains("Funn som må rettes eller få unntak"))
        #expect(view(s).lines()[6].hasSuffix("▲") && !view(s).lines()[22].hasSuffix("▼"))
        let end = view(s)
        try press(&s, "<Down><PgDn>")
        #expect(view(s) == end)
        try press(&s, "<Up>")
        #expect(view(s) != end)
        try press(&s, "<Home>")
        #expect(view(s) == top)
        // A page is the rows shown less one: the last row of one page is the first of the next
        // (at 80×18, eleven rows of thirty-three).
        _ = update(&s, .resized(Size(width: 80, height: 18)))
        let short = view(s)
        try press(&s, "<PgDn>")
        func plain(_ line: String) -> String { line.replacingOccurrences(of: "▲", with: " ").replacingOccurrences(of: "▼", with: " ") }
        #expect(plain(view(s).lines()[6]) == plain(short.lines()[16]), "\(view(s).text)")
        #expect(view(s).lines()[16].hasSuffix("▼"), "not yet at the end")
        _ = update(&s, .resized(Size(width: 120, height: 40)))
        #expect(!view(s).text.contains("▲") && !view(s).text.contains("▼"), "all of it fits: nothing to scroll")
    }

    /// The overview lists the first ten open findings and says how many more `7 Kontroll` has:
    /// it is laid out whole, and a plan may have thousands.
    @Test func theOverviewListsTenFindingsAndCountsTheRest() throws {
        var (plan, _) = try AppFixture.example()
        for i in 0..<12 {
            var m = plan.measures[0]
            m.id = "T\(100 + i)"
            m.goal = ""
            plan.measures.append(m)
        }
        let s = AppState(plan: plan, path: AppFixture.examplePath, disk: nil, size: Size(width: 100, height: 80))
        let open = s.report.findings.filter { !$0.isWaived && $0.diagnostic.severity != .note }.count
        #expect(open > 12)
        let text = view(s).text
        #expect(text.contains("… og \(open - 10) til (7 Kontroll viser alle)"), "\(text)")
        let listed = view(s).lines().drop { !$0.contains("Funn som må rettes") }.filter { $0.hasPrefix(" ⚠ ") || $0.hasPrefix(" ✗ ") }
        #expect(listed.count == 10, "\(listed)")
    }

    @Test func changesAgainstTheCommittedPlan() throws {
        var s = try AppFixture.state(size: Size(width: 100, height: 20), screen: .changes)
        s.base = s.plan
        try press(&s, "3<Down><Enter><Down><Enter><C-u>Rekrutteringspakke for sykepleiere og vernepleiere<Enter>8")
        try expectSnapshot(view(s), "endringer-100x20")
        #expect(view(s).text.contains("~ Tiltak T2 «Rekrutteringspakke for sykepleiere og vernepleiere»: tittel:"))
    }

    /// A plan just made with `kplan new`: empty lists, K2025 areas without measures marked as
    /// the warnings they are, and a need just added, whose findings wrap under its fields.
    @Test func aNewPlan() throws {
        let new = PlanFile.skeleton(municipality: "Små kommune", number: "1234", county: "", from: 2027, to: 2030)
        for (name, screen, keys) in [("oversikt", ScreenID.overview, ""), ("behov", .needs, ""), ("nytt-behov", .needs, "a")] {
            var s = AppState(plan: new, path: "ny.kplan.json", disk: nil, size: Size(width: 100, height: 24))
            s.screen = screen
            try press(&s, keys)
            try expectSnapshot(view(s), "ny-plan-\(name)-100x24")
        }
    }

    @Test func tooSmallSaysSoAndIgnoresKeys() throws {
        var s = try AppFixture.state(size: Size(width: 50, height: 12))
        try expectSnapshot(view(s), "for-liten-50x12")
        try press(&s, "3a")
        #expect(s.screen == .overview)
        #expect(!s.document.isDirty)
        _ = update(&s, .resized(Size(width: 100, height: 30)))
        #expect(view(s).lines()[0].contains("Oversikt"))
    }

    @Test func pickerAndEditorSnapshots() throws {
        var s = try AppFixture.state(size: Size(width: 100, height: 30), screen: .needs)
        try press(&s, "<Enter><Down><Down><Down><Enter>")
        try expectSnapshot(view(s), "velg-yrke-100x30")
        try press(&s, "<Esc><Down><Enter><C-u>tolv<Enter>")
        try expectSnapshot(view(s), "ugyldig-tall-100x30")
    }
}
