import Testing
@testable import KPlanCore

@Suite struct PlanMergeTests {
    let base = Sample.plan

    func added(_ id: String, _ title: String) -> Measure {
        Measure(id: id, title: title, kind: "samarbeid", strategy: "utvikle", k2025: ["ledelse"], responsible: "R", targetGroup: "M",
                goal: "G", implementation: "I", indicator: "E", from: "2026-01", to: "2026-12")
    }

    @Test func bothBranchesAddAMeasure() throws {
        var ours = base, theirs = base
        ours.measures.append(added("T5", "Ukens fagdag"))
        theirs.measures.append(added("T6", "Mentorordning"))
        theirs.budget.costs[0].amounts[2027] = 40_000
        theirs.budget.funding[0].amounts[2027] = 40_000
        let r = PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(r.conflicts.isEmpty)
        let merged = try #require(PlanDecoder().decode(r.bytes).plan)
        #expect(merged.measures.map(\.id) == ["T1", "T2", "T3", "T4", "T5", "T6"])
        #expect(merged.budget.costs[0].amounts[2027] == 40_000)
        #expect(PlanEncoder.encode(merged) == r.bytes, "the merged file is canonical")
    }

    @Test func changesToDifferentFieldsMerge() throws {
        var ours = base, theirs = base
        ours.measures[0].goal = "Nytt mål"
        theirs.measures[0].indicator = "Ny indikator"
        theirs.measures[0].k2025 = ["rekruttere", "ledelse"]
        let r = PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(r.conflicts.isEmpty)
        let m = try #require(PlanDecoder().decode(r.bytes).plan).measures[0]
        #expect(m.goal == "Nytt mål")
        #expect(m.indicator == "Ny indikator")
        #expect(m.k2025 == ["rekruttere", "ledelse"])
    }

    @Test func sameFieldChangedDifferentlyIsAConflictWithMarkers() {
        var ours = base, theirs = base
        ours.measures[0].goal = "Vårt mål"
        theirs.measures[0].goal = "Deres mål"
        let r = PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(r.conflicts == ["/measures/0/goal"])
        let text = String(decoding: r.bytes, as: UTF8.self)
        #expect(text.contains("<<<<<<< ours\n      \"goal\": \"Vårt mål\",\n=======\n      \"goal\": \"Deres mål\",\n>>>>>>> theirs\n"))
        #expect(PlanDecoder().decode(r.bytes).diagnostics.first?.id == "conflict-marker")
    }

    @Test func deletionOnOneSideWins() throws {
        var ours = base
        let theirs = base
        ours.measures.removeLast()
        let r = PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(try #require(PlanDecoder().decode(r.bytes).plan).measures.count == 3)
    }

    /// A deletion on one branch and a change on the other keeps the change, and says so.
    @Test func changeOverDeletionIsKeptAndReported() throws {
        var ours = base, theirs = base
        ours.measures.removeLast()
        theirs.measures[theirs.measures.count - 1].goal = "Nytt mål"
        let r = PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        let merged = try #require(PlanDecoder().decode(r.bytes).plan)
        #expect(merged.measures.last?.goal == "Nytt mål")
        #expect(r.conflicts.isEmpty)
        #expect(r.keptOverDeletion == ["Tiltak T4 «Tiltak 4»"])
        let mirrored = PlanMerge.merge(base: base, ours: theirs, theirs: ours)
        #expect(mirrored.keptOverDeletion == ["Tiltak T4 «Tiltak 4»"])
        #expect(PlanMerge.merge(base: base, ours: ours, theirs: base).keptOverDeletion.isEmpty)
    }
}
