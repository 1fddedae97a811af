import Testing
@testable import KPlanCore

/// Figures computed by hand for small plans.
@Suite struct FiguresTests {
    /// Sums and amounts set by year stay in year order, whatever order the years come in.
    @Test func amountsAddUpByYearInYearOrder() {
        var sum = YearAmounts()
        for (year, kroner) in [(2027, 5), (2026, 1), (2027, 2), (2029, 10), (2025, 0), (2028, -3), (2029, 1)] { sum.add(kroner, in: year) }
        #expect(sum.entries.map(\.year) == [2025, 2026, 2027, 2028, 2029])
        #expect(sum.entries.map(\.kroner) == [0, 1, 7, -3, 11])
        #expect(sum == YearAmounts([2025: 0, 2026: 1, 2027: 7, 2028: -3, 2029: 11]))
        var set = YearAmounts()
        for (year, kroner) in [(2027, 5), (2026, 1), (2029, 10), (2027, 2)] { set[year] = kroner }
        #expect(set.entries.map(\.year) == [2026, 2027, 2029])
        #expect([2025, 2026, 2027, 2028, 2029].map { set[$0] } == [0, 1, 2, 0, 10])
        #expect([2025, 2026, 2028, 2029].map(set.has) == [false, true, false, true])
    }

    @Test func demandProjectionScalesByWeightedElderlyPopulation() throws {
        var plan = Sample.plan
        // Index 2025: 1·1000 + 4·400 + 10·100 = 3600; 2029: 1·1100 + 4·500 + 10·120 = 4300.
        plan.baseline.population[1] = PopulationYear(year: 2029, age67to79: 1100, age80to89: 500, age90plus: 120)
        let d = try #require(Engine().check(plan).figures.demand.first)
        // 20,0 × 4300 / 3600 = 23,888… → 23,89
        #expect(d.projected.map(\.fte) == [Hundredths(raw: 2000), Hundredths(raw: 2389)])
        #expect(d.growth == Hundredths(raw: 389))
        #expect(d.declared == Hundredths(2))
    }

    @Test func gapCountsSlotsThatQualifyAndFinishInTime() throws {
        var plan = Sample.plan
        plan.measures[0].fteGain = Hundredths(raw: 50)
        plan.trainingSlots = [
            TrainingSlot(id: "U1", measure: "T1", programme: "sykepleier-desentralisert", provider: "HVL", qualifies: "sykepleier",
                         startYear: 2025, years: 3, participants: 2, fteGainEach: Hundredths(raw: 80)),
            TrainingSlot(id: "U2", measure: "T1", programme: "sykepleier-desentralisert", provider: "HVL", qualifies: "sykepleier",
                         startYear: 2026, years: 4, participants: 5, fteGainEach: Hundredths(1)),
            TrainingSlot(id: "U3", measure: "T1", programme: "master-aks", provider: "UiB", qualifies: "spesialsykepleier",
                         startYear: 2025, years: 2, participants: 3, fteGainEach: Hundredths(1)),
        ]
        let gap = try #require(Engine().check(plan).figures.gaps.first)
        // U1 finishes 2028 ≤ 2028: 2 × 0,8 = 1,6; U2 finishes 2030: not yet; U3 qualifies another occupation.
        #expect(gap.fromTraining == Hundredths(raw: 160))
        #expect(gap.fromMeasures == Hundredths(raw: 50))
        #expect(gap.delivered == Hundredths(raw: 210))
    }

    /// A measure that names a need twice delivers to it once.
    @Test func aMeasureNamingANeedTwiceCountsOnce() throws {
        var plan = Sample.plan
        plan.measures[0].fteGain = Hundredths(raw: 50)
        plan.measures[0].needs = ["B1", "B1"]
        plan.trainingSlots = [
            TrainingSlot(id: "U1", measure: "T1", programme: "sykepleier-desentralisert", provider: "HVL", qualifies: "sykepleier",
                         startYear: 2025, years: 3, participants: 2, fteGainEach: Hundredths(raw: 80)),
        ]
        let gap = try #require(Engine().check(plan).figures.gaps.first)
        #expect(gap.fromMeasures == Hundredths(raw: 50))
        #expect(gap.fromTraining == Hundredths(raw: 160))
    }

    @Test func budgetPerYearWithOwnShareAndGrant() {
        var plan = Sample.plan
        plan.measures[1].kind = "etterutdanning"
        plan.budget.costs = [
            CostLine(id: "K1", measure: "T1", category: "rekrutteringstiltak", amounts: YearAmounts([2026: 100_000, 2027: 50_000])),
            CostLine(id: "K2", measure: "T2", category: "kursavgift", amounts: YearAmounts([2026: 80_000])),
        ]
        plan.budget.funding = [
            FundingLine(id: "F1", source: "egen-ramme", measure: nil, status: .planned, amounts: YearAmounts([2026: 130_000, 2027: 40_000])),
            FundingLine(id: "F2", source: "post68", measure: "T2", status: .applied, amounts: YearAmounts([2026: 50_000])),
        ]
        let report = Engine().check(plan)
        let y = report.figures.budget
        #expect(y.map(\.year) == [2026, 2027, 2028, 2029])
        #expect(y[0].costs == 180_000)
        #expect(y[0].funding == [SourceAmount(source: "egen-ramme", kroner: 130_000), SourceAmount(source: "post68", kroner: 50_000)])
        #expect(y[0].balance == 0)
        #expect(y[0].ownShare == 130_000)
        #expect(y[0].grant == 50_000)
        #expect(y[1].balance == -10_000)
        #expect(report.findings.map(\.diagnostic.message).contains("2027: underskudd på 10 000 kr (kostnader 50 000 kr, finansiering 40 000 kr)"))
    }

    @Test func educationLoadUsesProgrammeAbsence() throws {
        var plan = Sample.plan
        plan.trainingSlots = [TrainingSlot(id: "U1", measure: "T1", programme: "videreutdanning-geriatri", provider: "HVL",
                                           qualifies: "spesialsykepleier", startYear: 2026, years: 2, participants: 4, fteGainEach: .zero)]
        let load = Engine().check(plan).figures.load
        // 4 × 15 % = 0,6 FTE of 20,0 = 3,0 % in 2026 and 2027.
        #expect(load.map(\.year) == [2026, 2027])
        #expect(load.map(\.absentFte) == [Hundredths(raw: 60), Hundredths(raw: 60)])
        #expect(load.map(\.percent) == [Hundredths(3), Hundredths(3)])
    }

    @Test func coverageListsMeasuresPerArea() {
        let coverage = Engine().check(Sample.plan).figures.coverage
        #expect(coverage.first { $0.area == "rekruttere" }?.measures == ["T1"])
        #expect(coverage.first { $0.area == "lhl.helsehjelp" }?.measures == [])
        #expect(coverage.count == 4 + 5 + 4)
    }
}
