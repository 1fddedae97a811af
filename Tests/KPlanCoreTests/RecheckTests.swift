import Testing
@testable import KPlanCore

/// `Engine.recheck` must give what a whole check gives after an edit of the text that only
/// the method rules read. Debug builds also assert it inside `recheck`; this compares it in
/// every build, on edits that add, remove and waive findings and move the approval gate.
@Suite struct RecheckTests {
    static var needFields: [String: WritableKeyPath<Need, String>] { ["title": \.title, "rationale": \.rationale] }
    static var measureFields: [String: WritableKeyPath<Measure, String>] {
        ["title": \.title, "responsible": \.responsible, "targetGroup": \.targetGroup, "goal": \.goal,
         "implementation": \.implementation, "indicator": \.indicator]
    }
    /// Blank, white space only (ASCII and not), text, control characters, a long text.
    static let values = ["", " \t", "\u{00A0}\u{2003}", "Ny tekst", "\u{1B}[2J\u{07}", String(repeating: "lang tekst ", count: 1000)]

    /// The sample plan; a submitted one whose waiver covers an incomplete measure, so that
    /// waivers and the gate depend on the edit; and a generated plan with grant findings.
    static var plans: [Plan] {
        var submitted = Sample.plan
        submitted.status = .submitted
        submitted.waivers = [Waiver(rule: "measure-incomplete", target: "T2", reason: "Avklares i høst", decidedBy: "Kommunalsjef",
                                    date: "2026-01-10")]
        return [Sample.plan, submitted, PlanGenerator.generate(needs: 40, measures: 60, years: 4, seed: 3)]
    }

    @Test func theTestsCoverEveryFieldTheEngineNames() {
        #expect(Engine.textOnlyMethodRulesRead == ["/needs": Set(Self.needFields.keys), "/measures": Set(Self.measureFields.keys)])
    }

    @Test func recheckEqualsAWholeCheck() {
        var changed = 0
        for plan in Self.plans {
            let before = Engine().run(plan)
            changed += Self.compareEdits(plan, \.needs, Self.needFields, rows: [0, plan.needs.count - 1], after: before)
            changed += Self.compareEdits(plan, \.measures, Self.measureFields, rows: [0, 1, plan.measures.count - 1], after: before)
        }
        // Blanking a field adds a finding, and a need's title is quoted in one: the
        // comparisons above are not all of unchanged reports.
        #expect(changed > 100)
    }

    /// Sets each field of each row of a list to each value, and compares `recheck` with a
    /// whole check. Returns how many of the edits changed the report.
    static func compareEdits<Item>(_ plan: Plan, _ list: WritableKeyPath<Plan, [Item]>, _ fields: [String: WritableKeyPath<Item, String>],
                                   rows: Set<Int>, after before: CheckedPlan) -> Int {
        let engine = Engine()
        var changed = 0
        for (key, field) in fields.sorted(by: { $0.key < $1.key }) {
            for row in rows.sorted() {
                for value in values {
                    var edited = plan
                    edited[keyPath: list][row][keyPath: field] = value
                    let report = engine.recheck(edited, after: before).report
                    #expect(report == engine.check(edited), "\(key) of row \(row)")
                    if report != before.report { changed += 1 }
                }
            }
        }
        return changed
    }

    /// A run of text edits, each re-checked from the one before, as the terminal UI does.
    @Test func recheckAfterRecheckStaysEqual() {
        let engine = Engine()
        var plan = Self.plans[1]
        var checked = engine.run(plan)
        for (step, value) in ["", "Mål", " ", "", "Nytt mål"].enumerated() {
            plan.measures[step % 2 + 1].goal = value
            plan.needs[0].title = value
            checked = engine.recheck(plan, after: checked)
            #expect(checked.report == engine.check(plan), "step \(step)")
        }
        // T2's goal was filled in again last; T3's was left blank, and T3 has no waiver.
        let incomplete = checked.report.findings.filter { $0.rule == "measure-incomplete" }.map(\.diagnostic.path)
        #expect(incomplete == ["/measures/2/goal"])
        #expect(checked.report.findings.contains { $0.rule == "status-not-allowed" })
    }
}
