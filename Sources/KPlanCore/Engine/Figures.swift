/// The numbers the engine works out from a plan; the UI, `kplan show` and the export show them.
public struct Figures: Sendable, Equatable {
    public var demand: [OccupationDemand] = []
    public var gaps: [NeedGap] = []
    public var budget: [BudgetYear] = []
    public var load: [EducationLoad] = []
    /// Area code (K2025 and the reform packs the plan names) → ids of measures tagged with it.
    public var coverage: [AreaCoverage] = []
}

public struct OccupationDemand: Sendable, Equatable {
    public var occupation: String
    public var baseline: Hundredths
    /// FTE needed at constant service standard, per year of the population projection.
    public var projected: [(year: Int, fte: Hundredths)]
    /// FTE the plan's needs declare for this occupation within the period.
    public var declared: Hundredths
    /// Projected FTE at the end of the plan period minus the baseline.
    public var growth: Hundredths

    public static func == (a: OccupationDemand, b: OccupationDemand) -> Bool {
        a.occupation == b.occupation && a.baseline == b.baseline && a.declared == b.declared && a.growth == b.growth
            && a.projected.map(\.year) == b.projected.map(\.year) && a.projected.map(\.fte) == b.projected.map(\.fte)
    }
}

public struct NeedGap: Sendable, Equatable {
    public var need: String
    public var needed: Hundredths
    public var year: Int
    public var fromTraining: Hundredths
    public var fromMeasures: Hundredths
    public var delivered: Hundredths { fromTraining + fromMeasures }
}

public struct BudgetYear: Sendable, Equatable {
    public var year: Int
    public var costs: Int
    /// Funding per source code, in catalog order.
    public var funding: [SourceAmount]
    public var fundingTotal: Int { funding.reduce(0) { $0 + $1.kroner } }
    public var balance: Int { fundingTotal - costs }
    /// Part of the cost paid from the municipality's own frame.
    public var ownShare: Int
    /// Part paid by the grant (post 68).
    public var grant: Int
}

public struct SourceAmount: Sendable, Equatable {
    public var source: String
    public var kroner: Int
}

public struct EducationLoad: Sendable, Equatable {
    public var occupation: String
    public var year: Int
    /// FTE away on study days at once (participants × the programme's absence share).
    public var absentFte: Hundredths
    public var baseline: Hundredths
    /// absentFte / baseline in percent.
    public var percent: Hundredths
}

public struct AreaCoverage: Sendable, Equatable {
    public var area: String
    public var pack: String
    public var measures: [String]
}

/// Pure computations behind the figures.
enum Projections {
    static let ownSource = "egen-ramme"

    /// Weighted elderly population (hundredths × persons): the demand index for a year.
    static func index(_ p: PopulationYear, _ w: DemandWeights) -> Int {
        w.age67to79.raw * p.age67to79 + w.age80to89.raw * p.age80to89 + w.age90plus.raw * p.age90plus
    }

    static func demand(_ plan: Plan, excluded: Set<String>) -> [OccupationDemand] {
        let b = plan.baseline
        guard let base = b.population.first(where: { $0.year == b.year }) else { return [] }
        let baseIndex = index(base, b.demandWeights)
        guard baseIndex > 0 else { return [] }
        let years = b.population.filter { $0.year >= b.year }.sorted { $0.year < $1.year }
        var declared: [String: Hundredths] = [:]
        for i in plan.needs.indices where plan.needs[i].year <= plan.period.to {
            declared[plan.needs[i].occupation, default: .zero] += plan.needs[i].fte
        }
        return b.workforce.filter { !excluded.contains($0.occupation) }.map { w in
            let projected = years.map { (year: $0.year, fte: w.fte.scaled(by: index($0, b.demandWeights), over: baseIndex)) }
            let end = projected.last { $0.year <= plan.period.to }?.fte ?? w.fte
            return OccupationDemand(occupation: w.occupation, baseline: w.fte, projected: projected,
                                    declared: declared[w.occupation] ?? .zero, growth: end - w.fte)
        }
    }

    static func gaps(_ plan: Plan, _ lookups: RuleLookups) -> [NeedGap] {
        let measuresByNeed = lookups.measuresByNeed(), slotsByMeasure = lookups.slotsByMeasure()
        return plan.needs.indices.map { i in
            // By position, not `let need = plan.needs[i]`: see Engine.
            let (year, occupation) = (plan.needs[i].year, plan.needs[i].occupation)
            var training = Hundredths.zero, measures = Hundredths.zero
            // A measure that names the need twice delivers to it once.
            var previous = -1
            for mi in measuresByNeed[lookups.needs.first(i)].lazy.map({ Int($0) }) where mi != previous {
                previous = mi
                if let end = plan.measures[mi].toYear, end <= year { measures += plan.measures[mi].fteGain }
                // A repeated measure id shares its first measure's slots.
                for si in slotsByMeasure[lookups.measures.first(mi)].lazy.map({ Int($0) })
                where plan.trainingSlots[si].qualifies == occupation && plan.trainingSlots[si].finishYear <= year {
                    training += plan.trainingSlots[si].fteDelivered
                }
            }
            return NeedGap(need: plan.needs[i].id, needed: plan.needs[i].fte, year: year, fromTraining: training, fromMeasures: measures)
        }
    }

    static func budget(_ plan: Plan, sources: [String], grantSource: String?) -> [BudgetYear] {
        // A plan has a few years and a few sources, and a line an amount for each of its years:
        // sums per year are kept in YearAmounts (a short list), and only the source is hashed,
        // once per line. Lines are read by position (see Engine).
        var costs = YearAmounts()
        let costLines = plan.budget.costs
        for i in costLines.indices {
            for e in costLines[i].amounts.entries { costs.add(e.kroner, in: e.year) }
        }
        var funding: [String: YearAmounts] = [:]
        let fundingLines = plan.budget.funding
        for i in fundingLines.indices {
            for e in fundingLines[i].amounts.entries { funding[fundingLines[i].source, default: YearAmounts()].add(e.kroner, in: e.year) }
        }
        let years = Set(plan.period.years).union(costs.years).union(funding.values.flatMap(\.years))
        let order = sources + Set(funding.keys).subtracting(sources).sorted()
        return years.sorted().map { y in
            let cost = costs[y]
            let bySource = order.compactMap { s in funding[s].flatMap { $0.has(y) ? SourceAmount(source: s, kroner: $0[y]) : nil } }
            let external = bySource.filter { $0.source != ownSource }.reduce(0) { $0 + $1.kroner }
            return BudgetYear(year: y, costs: cost, funding: bySource, ownShare: max(0, cost - external),
                              grant: grantSource.flatMap { funding[$0] }.map { $0[y] } ?? 0)
        }
    }

    static func load(_ plan: Plan, catalog: Catalog) -> [EducationLoad] {
        var absent: [String: [Int: Hundredths]] = [:]
        for s in plan.trainingSlots {
            guard let p = catalog.programme(s.programme), let from = p.from, s.years > 0 else { continue }
            let fte = p.absencePct.scaled(by: s.participants, over: 100)
            for y in s.startYear..<(s.startYear + s.years) { absent[from, default: [:]][y, default: .zero] += fte }
        }
        var result: [EducationLoad] = []
        for w in plan.baseline.workforce {
            guard let years = absent[w.occupation] else { continue }
            for (y, fte) in years.sorted(by: { $0.key < $1.key }) {
                let pct = w.fte.raw > 0 ? fte.scaled(by: 100 * 100, over: w.fte.raw) : Hundredths(100)
                result.append(EducationLoad(occupation: w.occupation, year: y, absentFte: fte, baseline: w.fte, percent: pct))
            }
        }
        return result
    }

    static func coverage(_ plan: Plan, policies: PolicySet) -> [AreaCoverage] {
        let named = policies.packs.filter { $0.kind == .strategy || plan.policies.contains($0.id) }
        // The named packs' area codes, each once. A tag is looked up among these few by
        // comparison, not hashed: the decoder gives a plan's codes the catalog's storage, so
        // an equal code is mostly the same string.
        var codes: [String] = []
        for pack in named {
            for area in pack.areas where !codes.contains(area.code) { codes.append(area.code) }
        }
        var tagged = [[String]](repeating: [], count: codes.count)
        for i in plan.measures.indices {
            for code in plan.measures[i].k2025 {
                if let j = codes.firstIndex(of: code) { tagged[j].append(plan.measures[i].id) }
            }
            for code in plan.measures[i].reform {
                if let j = codes.firstIndex(of: code) { tagged[j].append(plan.measures[i].id) }
            }
        }
        return named.flatMap { pack in
            pack.areas.map { area in
                AreaCoverage(area: area.code, pack: pack.id, measures: codes.firstIndex(of: area.code).map { tagged[$0] } ?? [])
            }
        }
    }
}
