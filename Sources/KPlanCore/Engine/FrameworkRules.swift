/// K2025 strategy areas, reform packs and the grant scheme's conditions.
enum FrameworkRules {
    static func check(_ c: RuleContext, _ f: inout Findings) {
        let plan = c.plan
        let namedIDs = Set(plan.policies)
        // The figures list each named pack's areas with the measures that take them up.
        for pack in c.named where pack.rules.requireAllAreas && !plan.measures.isEmpty {
            let uncovered = Set(c.figures.coverage.lazy.filter { $0.pack == pack.id && $0.measures.isEmpty }.map(\.area))
            for area in pack.areas where uncovered.contains(area.code) {
                f.add("k2025-area-uncovered", "/measures", area.code, area.title, pack.title)
            }
        }
        // A measure or need tagged with a reform area whose pack the plan does not name.
        // Usually every pack is named and there is nothing to look for.
        let areaPack = Dictionary(c.policies.packs.filter { !namedIDs.contains($0.id) }.flatMap { p in p.areas.map { ($0.code, p.id) } },
                                  uniquingKeysWith: { a, _ in a })
        for i in plan.measures.indices where !areaPack.isEmpty {
            let m = plan.measures[i]
            for (j, code) in (m.k2025 + m.reform).enumerated() {
                guard let pack = areaPack[code] else { continue }
                let key = j < m.k2025.count ? "k2025/\(j)" : "reform/\(j - m.k2025.count)"
                f.add("policy-not-named", Pointer.measure(i, key), target: m.id, code, pack)
            }
        }
        for pack in c.named {
            guard let kind = pack.rules.planDecisionKind, !plan.decisions.contains(where: { $0.kind == kind }) else { continue }
            f.add("reform-plan-decision-missing", "/decisions", pack.title, c.catalog.decisionKinds.title(kind))
        }
        for grant in c.grants { check(grant, c, &f) }
    }

    static func check(_ grant: GrantRules, _ c: RuleContext, _ f: inout Findings) {
        let plan = c.plan
        let decisionKinds = Set(plan.decisions.map(\.kind))
        let missingDecisions = grant.requiredDecisionKinds.filter { !decisionKinds.contains($0) }
        // Per funded measure, its grant by year: `slot` finds a measure's entry in `grants`.
        // By position, not `for x in list`: see Engine.
        var slot = [Int32](repeating: -1, count: plan.measures.count)
        var grants: [(position: Int, amounts: YearAmounts)] = []
        var developmentProjects: [String] = []
        let funding = plan.budget.funding
        for i in funding.indices where funding[i].source == grant.fundingSource {
            let lineID = funding[i].id
            let position = c.lookups.fundingMeasure[i]
            if position == RuleLookups.none {
                f.add("grant-unassigned", Pointer.funding(i, "measure"), target: lineID, lineID)
                continue
            }
            guard position >= 0 else { continue }
            let p = Int(position)
            if slot[p] < 0 {
                slot[p] = Int32(grants.count)
                grants.append((p, YearAmounts()))
                if grant.developmentProjectKinds.contains(plan.measures[p].kind) { developmentProjects.append(plan.measures[p].id) }
            }
            for e in funding[i].amounts.entries { grants[Int(slot[p])].amounts.add(e.kroner, in: e.year) }
            if !grant.eligibleMeasureKinds.contains(plan.measures[p].kind) {
                f.add("grant-ineligible-measure", Pointer.funding(i, "measure"), target: lineID,
                      lineID, plan.measures[p].id, c.catalog.measureKinds.title(plan.measures[p].kind).lowercased())
            }
            if !plan.measures[p].startedBefore, !missingDecisions.isEmpty {
                let names = missingDecisions.map { c.catalog.decisionKinds.title($0) }.joined(separator: ", ")
                f.add("grant-requires-decision", Pointer.funding(i), target: lineID, lineID, plan.measures[p].id, names)
            }
        }
        if developmentProjects.count > grant.maxDevelopmentProjects {
            f.add("development-projects-exceeded", "/budget/funding", String(developmentProjects.count),
                  String(grant.maxDevelopmentProjects), developmentProjects.joined(separator: ", "))
        }
        guard !grants.isEmpty else { return }
        let eligible = Set(grant.eligibleCostCategories)
        // Cost lines by measure, gathered once by a counting sort: looking them up per funded
        // measure was quadratic in the size of the plan.
        let costsByMeasure = c.lookups.costsByMeasure()
        grants.sort { $0.position < $1.position }
        for (index, grantAmounts) in grants {
            let id = plan.measures[index].id
            var eligibleCost = YearAmounts(), totalCost = YearAmounts()
            for line in costsByMeasure[index].lazy.map({ Int($0) }) {
                let counts = eligible.contains(plan.budget.costs[line].category)
                for e in plan.budget.costs[line].amounts.entries {
                    totalCost.add(e.kroner, in: e.year)
                    if counts { eligibleCost.add(e.kroner, in: e.year) }
                }
            }
            for e in grantAmounts.entries where e.kroner > 0 {
                if e.kroner > eligibleCost[e.year] {
                    f.add("grant-exceeds-eligible-costs", Pointer.measure(index), target: id, id, String(e.year),
                          Format.kroner(e.kroner), Format.kroner(eligibleCost[e.year]))
                }
                let own = totalCost[e.year] - e.kroner
                let minimum = grant.ownShareMinPct.scaled(by: totalCost[e.year], over: 100).raw / 100
                if own <= 0 || own < minimum {
                    f.add("grant-without-own-share", Pointer.measure(index), target: id, id, String(e.year),
                          Format.kroner(max(own, 0)), grant.ownShareMinPct.description)
                }
            }
        }
        for year in c.figures.budget where year.grant >= grant.auditorThreshold && grant.auditorThreshold > 0 {
            f.add("grant-auditor-confirmation", "/budget/funding", String(year.year), Format.kroner(year.grant),
                  Format.kroner(grant.auditorThreshold))
        }
    }
}
