import Testing
@testable import KPlanCore

/// The id table the engine and the diff look ids up in, and the lists built from it.
@Suite struct IdIndexTests {
    @Test func findsTheFirstItemWithAnIdAndListsTheRepeats() {
        let index = IdIndex(["B1", "B2", "B1", "", "B3", "B1", ""])
        #expect(index.firstIndex(of: "B1") == 0)
        #expect(index.firstIndex(of: "B3") == 4)
        #expect(index.firstIndex(of: "") == 3)
        #expect(index.firstIndex(of: "B4") == nil)
        #expect(index.repeats.map(\.index) == [2, 5, 6])
        #expect(index.repeats.map(\.first) == [0, 0, 3])
        #expect(index.first(5) == 0 && index.first(1) == 1)
        #expect(Array(index.distinct) == ["B1", "B2", "", "B3"])
    }

    /// Canonically equivalent ids are one id, as in a Swift dictionary: é precomposed and
    /// e + combining acute.
    @Test func equivalentSpellingsAreOneId() {
        let index = IdIndex(["kaf\u{E9}", "kafe\u{301}"])
        #expect(index.repeats.map(\.index) == [1])
        #expect(index.firstIndex(of: "kafe\u{301}") == 0)
    }

    /// More ids than the table's first size, so probing and wrapping are exercised.
    @Test func manyIdsAllFound() {
        let ids = (0..<5_000).map { "need-\($0)" }
        let index = IdIndex(ids + ids.prefix(10))
        #expect(ids.indices.allSatisfy { index.firstIndex(of: ids[$0]) == $0 })
        #expect(index.repeats.count == 10)
        #expect(index.firstIndex(of: "need-5000") == nil)
    }

    @Test func resolvedReferencesAndTheirInverse() {
        var plan = Sample.plan
        plan.measures[1].needs = ["B1", "B9", "B1"]
        let lookups = RuleLookups(plan)
        #expect(Array(lookups.measureNeeds[0]) == [0])
        #expect(Array(lookups.measureNeeds[1]) == [0, RuleLookups.missing, 0])
        #expect(lookups.measureNeeds[2].isEmpty)
        #expect(lookups.costMeasure == [0])
        #expect(lookups.fundingMeasure == [RuleLookups.none])
        // Need B1 is named by T1 once and by T2 twice.
        #expect(Array(lookups.measuresByNeed()[0]) == [0, 1, 1])
    }

    /// Measures' needs are resolved in blocks (see `RuleLookups`): lists of every length, empty,
    /// repeated and missing ids, across block edges, resolve as a plain search finds them.
    @Test func needsResolveAcrossBlocks() {
        var plan = PlanGenerator.generate(needs: 50, measures: 200, years: 4, seed: 4)
        var rng = SplitMix64(seed: 6)
        for i in plan.measures.indices {
            plan.measures[i].needs = (0..<rng.below(4)).map { _ in rng.below(8) == 0 ? "X\(rng.below(5))" : "B\(rng.below(50) + 1)" }
        }
        let lookups = RuleLookups(plan)
        #expect(lookups.measureNeeds.count == plan.measures.count)
        for i in plan.measures.indices {
            let expected = plan.measures[i].needs.map { id in plan.needs.firstIndex { $0.id == id }.map { Int32($0) } ?? RuleLookups.missing }
            #expect(Array(lookups.measureNeeds[i]) == expected, "measure \(i)")
        }
    }

    /// The resolver's guesses (the item found last, and the next) give what a hash lookup
    /// gives: the first item with the id, also where the guess is a repeat or spelt another way.
    @Test func resolverGuessesAgreeWithTheIndex() {
        let ids = ["T1", "T2", "T1", "T3", "kaf\u{E9}", "T4", "T2"]
        let index = IdIndex(ids)
        let references = ["T1", "T1", "T2", "T1", "T3", "kafe\u{301}", "T4", "T2", "T9", "T2", "T1", "", "T4", "T4"]
        var resolver = RuleLookups.Resolver(index)
        let resolved = references.map { resolver.resolve($0) }
        #expect(resolved == references.map { index.firstIndex(of: $0).map { Int32($0) } ?? RuleLookups.missing })
        #expect(resolved == [0, 0, 1, 0, 3, 4, 5, 1, RuleLookups.missing, 1, 0, RuleLookups.missing, 5, 5])
    }

    @Test func invertingListsCountsEachEntry() {
        var lists = Ragged()
        for list in [["a", "b"], [], ["b", "x", "a"]] {
            for id in list { lists.append(["a": 0, "b": 1][id] ?? RuleLookups.missing) }
            lists.endList()
        }
        let inverse = lists.inverted(count: 3)
        #expect(inverse.count == 3)
        #expect(Array(inverse[0]) == [0, 2])
        #expect(Array(inverse[1]) == [0, 2])
        #expect(inverse[2].isEmpty)
        #expect(Array(Ragged(single: [2, -1, 0]).inverted(count: 3)[2]) == [0])
    }
}
