import Testing
@testable import KPlanCore

struct PlanChangeTests {
    func base() -> Plan { PlanGenerator.generate(needs: 40, measures: 60, years: 4, seed: 3) }

    /// Edits of every kind a planner makes, each a function of the plan.
    static let edits: [(String, @Sendable (inout Plan) -> Void)] = [
        ("a measure's title", { $0.measures[7].title += " (revidert)" }),
        ("the plan's title", { $0.title = "Ny tittel" }),
        ("a need added", { $0.needs.append(Need(id: "B999", title: "Ny", service: "hjemmetjenester", occupation: "sykepleier",
                                                fte: Hundredths(2), year: 2028, strategy: "utvikle")) }),
        ("the first measure removed", { $0.measures.removeFirst() }),
        ("the last measure removed", { $0.measures.removeLast() }),
        ("a cost line's amounts", { $0.budget.costs[3].amounts = YearAmounts([2027: 12_345]) }),
        ("two lists at once", { plan in
            plan.measures[2].id = "T2x"
            plan.trainingSlots[0].measure = "T2x"
            plan.budget.funding.remove(at: 1)
        }),
        ("two measures apart", { $0.measures[1].goal = "Mål"; $0.measures[50].goal = "Annet mål" }),
        ("a waiver added", { $0.waivers.append(Waiver(rule: "r", target: "T1", reason: "fordi", decidedBy: "kommunalsjef",
                                                      date: "2026-01-01")) }),
        ("every need emptied", { $0.needs = [] }),
    ]

    @Test(arguments: 0..<edits.count)
    func aChangeGoesBothWaysAndKeepsOnlyWhatDiffers(_ n: Int) throws {
        let old = base()
        var new = old
        Self.edits[n].1(&new)
        let change = try #require(PlanChange(from: old, to: new), "\(Self.edits[n].0)")
        var plan = old
        change.apply(to: &plan)
        #expect(plan == new)
        change.reversed.apply(to: &plan)
        #expect(plan == old)
        #expect(change.applies(to: old) && change.reversed.applies(to: new))
        // A list the edit left alone keeps nothing; one it changed keeps the run from the first
        // to the last item that differ (for these edits, never the whole list).
        func kept<E>(_ list: KeyPath<Plan, [E]>) -> Int { change.before[keyPath: list].count + change.after[keyPath: list].count }
        #expect((kept(\.measures) == 0) == (old.measures == new.measures))
        #expect((kept(\.needs) == 0) == (old.needs == new.needs))
        #expect((kept(\.trainingSlots) == 0) == (old.trainingSlots == new.trainingSlots))
        #expect((kept(\.budget.costs) == 0) == (old.budget.costs == new.budget.costs))
        #expect((kept(\.budget.funding) == 0) == (old.budget.funding == new.budget.funding))
        #expect(change.before.measures.count < old.measures.count || new.measures.isEmpty)
    }

    @Test func anEqualPlanIsNoChange() {
        let plan = base()
        var copy = plan
        copy.measures[3].title += ""
        #expect(PlanChange(from: plan, to: copy) == nil)
    }

    @Test func aChangedItemIsTheOnlyOneKept() throws {
        let old = base()
        var new = old
        new.measures[7].indicator = "Ny indikator"
        let change = try #require(PlanChange(from: old, to: new))
        #expect(change.before.measures == [old.measures[7]])
        #expect(change.after.measures == [new.measures[7]])
        #expect(change.starts == [0, 7, 0, 0, 0])
        #expect(change.before.needs.isEmpty && change.before.trainingSlots.isEmpty && change.before.budget.costs.isEmpty)
    }

    @Test func editingOneItemIsTheSameChangeAsTheWholePlanEdited() throws {
        let old = base()
        let change = try #require(PlanChange.editing(old, list: "/measures", item: 7) { plan, i in plan.measures[i].title = "Ny" })
        var new = old
        new.measures[7].title = "Ny"
        #expect(change == PlanChange(from: old, to: new))
        let header = try #require(PlanChange.editing(old, list: "", item: 0) { plan, _ in plan.owner.name = "Kari" })
        var renamed = old
        renamed.owner.name = "Kari"
        #expect(header == PlanChange(from: old, to: renamed))
        let short = try #require(PlanChange.editing(old, list: "/baseline/workforce", item: 1) { plan, i in
            plan.baseline.workforce[i].headcount += 1
        })
        var staffed = old
        staffed.baseline.workforce[1].headcount += 1
        #expect(short == PlanChange(from: old, to: staffed))
        #expect(PlanChange.editing(old, list: "/measures", item: 7) { plan, i in plan.measures[i].title = old.measures[7].title } == nil)
    }

    /// The point of a change: an edit of one item on a list nobody else holds splices it where
    /// it is, both ways, instead of copying it.
    @Test func applyingSplicesAListInPlace() throws {
        var plan = base()
        let address = plan.measures.withUnsafeBufferPointer { $0.baseAddress }
        let change = try #require(PlanChange.editing(plan, list: "/measures", item: 9) { plan, i in plan.measures[i].goal = "Nytt mål" })
        change.apply(to: &plan)
        #expect(plan.measures[9].goal == "Nytt mål")
        // Checked after each step: a copy is made while the list still lives, so its address
        // differs, where after two copies the allocator may well hand the first address back.
        #expect(plan.measures.withUnsafeBufferPointer { $0.baseAddress } == address)
        change.reversed.apply(to: &plan)
        #expect(plan.measures.withUnsafeBufferPointer { $0.baseAddress } == address)
    }

    /// A change read back from the journal is applied only to the plan it was cut from.
    @Test func aChangeAppliesOnlyToThePlanItWasCutFrom() throws {
        let old = base()
        var new = old
        new.measures[55].title = "Sist"
        let change = try #require(PlanChange(from: old, to: new))
        #expect(change.applies(to: old))
        var short = old
        short.measures.removeLast(10)
        #expect(!change.applies(to: short))
        var otherItem = old
        otherItem.measures[55].goal = "Annet"
        #expect(!change.applies(to: otherItem))
        var otherField = old
        otherField.owner.role = "Rådmann"
        #expect(!change.applies(to: otherField))
        #expect(!PlanChange(before: change.before, after: change.after, starts: [0, 55]).applies(to: old))
        #expect(!PlanChange(before: change.before, after: change.after, starts: [0, -1, 0, 0, 0]).applies(to: old))
        #expect(!PlanChange(before: change.before, after: change.after, starts: [0, 54, 0, 0, 0]).applies(to: old))
    }

    /// Random edit sequences on random lists: every change and its reverse lead exactly
    /// between the two plans.
    @Test func randomEditSequencesGoBackToTheStart() throws {
        var rng = SplitMix64(seed: 11)
        let start = base()
        var plan = start
        var history: [PlanChange] = []
        for _ in 0..<300 {
            var next = plan
            switch rng.below(6) {
            case 0 where !next.measures.isEmpty: next.measures[rng.below(next.measures.count)].title = "t\(rng.below(1000))"
            case 1 where !next.needs.isEmpty: next.needs.remove(at: rng.below(next.needs.count))
            case 2: next.measures.insert(next.measures.first ?? plan.measures.first ?? start.measures[0], at: rng.below(next.measures.count + 1))
            case 3 where !next.budget.costs.isEmpty: next.budget.costs.swapAt(0, rng.below(next.budget.costs.count))
            case 4: next.period.to += 1
            default: next.trainingSlots.append(contentsOf: next.trainingSlots.prefix(rng.below(3)))
            }
            guard let change = PlanChange(from: plan, to: next) else { continue }
            var applied = plan
            change.apply(to: &applied)
            #expect(applied == next)
            history.append(change)
            plan = next
        }
        for change in history.reversed() { change.reversed.apply(to: &plan) }
        #expect(plan == start)
    }
}
