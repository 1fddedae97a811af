import Testing
@testable import KPlanCore

/// `Engine.recheck` must give what a whole check gives after an edit of any of
/// `Engine.textFields`. Debug builds also assert it inside `recheck`; this compares
/// it in every build, on edits that add, remove and waive findings and move the approval gate.
@Suite struct RecheckTests {
    /// Every text field, as the engine's table names it and as a key path.
    struct Fields<Item> {
        let list: String
        let items: WritableKeyPath<Plan, [Item]>
        let fields: [String: WritableKeyPath<Item, String>]
    }

    static var plansFields: [String: WritableKeyPath<Plan, String>] {
        ["title": \.title, "municipality.name": \.municipality.name, "municipality.number": \.municipality.number,
         "municipality.county": \.municipality.county, "owner.name": \.owner.name, "owner.role": \.owner.role,
         "followUp.reporting": \.followUp.reporting, "followUp.revisionDate": \.followUp.revisionDate]
    }
    static var needs: Fields<Need> { Fields(list: "/needs", items: \.needs, fields: ["title": \.title, "rationale": \.rationale]) }
    static var measures: Fields<Measure> {
        Fields(list: "/measures", items: \.measures,
               fields: ["title": \.title, "responsible": \.responsible, "targetGroup": \.targetGroup, "goal": \.goal,
                        "implementation": \.implementation, "indicator": \.indicator])
    }
    static var slots: Fields<TrainingSlot> { Fields(list: "/trainingSlots", items: \.trainingSlots, fields: ["provider": \.provider]) }
    static var decisions: Fields<Decision> {
        Fields(list: "/decisions", items: \.decisions, fields: ["title": \.title, "body": \.body, "case": \.caseNumber, "date": \.date])
    }
    static var members: Fields<Member> {
        Fields(list: "/workingGroup", items: \.workingGroup, fields: ["name": \.name, "role": \.role, "represents": \.represents])
    }
    static var waivers: Fields<Waiver> {
        Fields(list: "/waivers", items: \.waivers,
               fields: ["rule": \.rule, "target": \.target, "reason": \.reason, "decidedBy": \.decidedBy, "date": \.date])
    }

    /// Blank, white space only (ASCII and not), text, control characters, a long text, and
    /// values that mean something: a member's role, a waiver's rule and target, a date.
    static let values = ["", " \t", "\u{00A0}\u{2003}", "Ny tekst", "\u{1B}[2J\u{07}", String(repeating: "lang tekst ", count: 1000),
                         "tillitsvalgt", "measure-incomplete", "T2", "2026-06-20"]

    /// The sample plan; a submitted one whose waiver covers an incomplete measure; an
    /// approved one with its approval decision; and a generated plan with training slots and
    /// grant findings. Waivers, the gate and the approval decision depend on the edits.
    static var plans: [Plan] {
        var submitted = Sample.plan
        submitted.status = .submitted
        submitted.waivers = [Waiver(rule: "measure-incomplete", target: "T2", reason: "Avklares i høst", decidedBy: "Kommunalsjef",
                                    date: "2026-01-10")]
        var approved = Sample.plan
        approved.status = .approved
        approved.decisions.append(Decision(id: "V2", kind: "plan-approval", title: "Vedtak av planen", body: "Kommunestyret",
                                           caseNumber: "2026/12", date: "2026-06-20"))
        return [Sample.plan, submitted, approved, PlanGenerator.generate(needs: 40, measures: 60, years: 4, seed: 3)]
    }

    @Test func theTestsCoverEveryFieldTheEngineNames() {
        let covered = ["": Set(Self.plansFields.keys), Self.needs.list: Set(Self.needs.fields.keys),
                       Self.measures.list: Set(Self.measures.fields.keys), Self.slots.list: Set(Self.slots.fields.keys),
                       Self.decisions.list: Set(Self.decisions.fields.keys), Self.members.list: Set(Self.members.fields.keys),
                       Self.waivers.list: Set(Self.waivers.fields.keys)]
        #expect(Engine.textFields == covered)
    }

    @Test func recheckEqualsAWholeCheck() {
        var changed = 0
        for plan in Self.plans {
            let before = Engine().run(plan)
            for (key, field) in Self.plansFields.sorted(by: { $0.key < $1.key }) {
                changed += Self.compare(plan, after: before, "\(key)") { $0[keyPath: field] = $1 }
            }
            changed += Self.compareEdits(plan, Self.needs, after: before)
            changed += Self.compareEdits(plan, Self.measures, after: before)
            changed += Self.compareEdits(plan, Self.slots, after: before)
            changed += Self.compareEdits(plan, Self.decisions, after: before)
            changed += Self.compareEdits(plan, Self.members, after: before)
            changed += Self.compareEdits(plan, Self.waivers, after: before)
        }
        // Blanking a field adds a finding, a need's title is quoted in one, a role or a
        // waiver changes others: the comparisons above are not all of unchanged reports.
        #expect(changed > 300)
    }

    /// Sets each field of the first, second and last item of a list to each value.
    static func compareEdits<Item>(_ plan: Plan, _ list: Fields<Item>, after before: CheckedPlan) -> Int {
        let count = plan[keyPath: list.items].count
        guard count > 0 else { return 0 }
        var changed = 0
        for (key, field) in list.fields.sorted(by: { $0.key < $1.key }) {
            for row in Set([0, min(1, count - 1), count - 1]).sorted() {
                changed += compare(plan, after: before, "\(list.list)/\(row)/\(key)") { $0[keyPath: list.items][row][keyPath: field] = $1 }
            }
        }
        return changed
    }

    /// Makes the edit with each value and compares `recheck` with a whole check. Returns how
    /// many of the edits changed the report.
    static func compare(_ plan: Plan, after before: CheckedPlan, _ what: String, _ set: (inout Plan, String) -> Void) -> Int {
        let engine = Engine()
        var changed = 0
        for value in values {
            var edited = plan
            set(&edited, value)
            let report = engine.recheck(edited, after: before, scope: .text).report
            #expect(report == engine.check(edited), "\(what)")
            if report != before.report { changed += 1 }
        }
        return changed
    }

    /// A run of edits, each re-checked from the one before, as the terminal UI does.
    @Test func recheckAfterRecheckStaysEqual() {
        let engine = Engine()
        var plan = Self.plans[1]
        var checked = engine.run(plan)
        for (step, value) in ["", "Mål", " ", "", "Nytt mål"].enumerated() {
            plan.measures[step % 2 + 1].goal = value
            plan.needs[0].title = value
            plan.workingGroup[1].role = step.isMultiple(of: 2) ? "leder" : "tillitsvalgt"
            checked = engine.recheck(plan, after: checked, scope: .text)
            #expect(checked.report == engine.check(plan), "step \(step)")
        }
        // T2's goal was filled in again last, and it has a waiver; T3's was left blank, and
        // the working group has no union representative after the last step.
        let incomplete = checked.report.findings.filter { $0.rule == "measure-incomplete" }.map(\.diagnostic.path)
        #expect(incomplete == ["/measures/2/goal"])
        #expect(checked.report.findings.contains { $0.rule == "working-group-incomplete" })
        #expect(checked.report.findings.contains { $0.rule == "status-not-allowed" })
    }
}
