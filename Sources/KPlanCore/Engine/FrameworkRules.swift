/// K2025 strategy areas, reform packs and the grant scheme's conditions.
enum FrameworkRules {
    static func check(_ c: RuleContext, _ f: inout Findings) {
        let plan = c.plan
        let namedIDs = Set(plan.policies)
        for pack in c.named where pack.rules.requireAllAreas && !plan.measures.isEmpty {
            var used = Set<String>()
            for m in plan.measures {
                used.formUnion(m.k2025)
                used.formUnion(m.reform)
            }
            for area in pack.areas where !used.contains(area.code) {
                f.add("k2025-area-uncovered", "/measures", area.code, area.title, pack.title)
            }
        }
        // A measure or need tagged with a reform area whose pack the plan does not name.
        // Usually every pack is named and there is nothing to look for.
        let areaPack = Dictionary(c.policies.packs.filter { !namedIDs.contains($0.id) }.flatMap { p in p.areas.map { ($0.code, p.id) } },
                                  uniquingKeysWith: { a, _ in a })
        for (i, m) in plan.measures.enumerated() where !areaPack.isEmpty {
            for (j, code) in (m.k2025 + m.reform).enumerated() {
                guard let pack = areaPack[code] else { continue }
                let key = j < m.k2025.count ? "k2025/\(j)" : "reform/\(j - m.k2025.count)"
                f.add("policy-not-named", Pointer.measure(i, key), target: m.id, code, pack)
            }
        }
        for pack in c.named {
            guard let kind = pack.rules.planDecisionKind, !plan.decisions.contains(where: { $0.kind == kind }) else { continue }
            f.add("reform-plan-decision-missing", "/decisions", pack.title, c.catalog.title(\.decisionKinds, kind))
        }
        for grant in c.grants { check(grant, c, &f) }
    }

    static func check(_ grant: GrantRules, _ c: RuleContext, _ f: inout Findings) {
        let plan = c.plan
        let decisionKinds = Set(plan.decisions.map(\.kind))
        let missingDecisions = grant.requiredDecisionKinds.filter { !decisionKinds.contains($0) }
        // Keyed by the measure's position, which the lookups resolved once.
        var grantByMeasure: [Int: YearAmounts] = [:]
        var developmentProjects: [String] = [], counted = Set<Int>()
        for (i, line) in plan.budget.funding.enumerated() where line.source == grant.fundingSource {
            let position = c.lookups.fundingMeasure[i]
            if position == RuleLookups.none {
                f.add("grant-unassigned", Pointer.funding(i, "measure"), target: line.id, line.id)
                continue
            }
            guard position >= 0 else { continue }
            let m = plan.measures[Int(position)]
            for e in line.amounts.entries { grantByMeasure[Int(position), default: YearAmounts()][e.year] += e.kroner }
            if !grant.eligibleMeasureKinds.contains(m.kind) {
                f.add("grant-ineligible-measure", Pointer.funding(i, "measure"), target: line.id,
                      line.id, m.id, c.catalog.title(\.measureKinds, m.kind).lowercased())
            }
            if !m.startedBefore, !missingDecisions.isEmpty {
                let names = missingDecisions.map { c.catalog.title(\.decisionKinds, $0) }.joined(separator: ", ")
                f.add("grant-requires-decision", Pointer.funding(i), target: line.id, line.id, m.id, names)
            }
            if grant.developmentProjectKinds.contains(m.kind), counted.insert(Int(position)).inserted {
                developmentProjects.append(m.id)
            }
        }
        if developmentProjects.count > grant.maxDevelopmentProjects {
            f.add("development-projects-exceeded", "/budget/funding", String(developmentProjects.count),
                  String(grant.maxDevelopmentProjects), developmentProjects.joined(separator: ", "))
        }
        let eligible = Set(grant.eligibleCostCategories)
        // Cost lines by measure, gathered once: looking them up per funded measure was
        // quadratic in the size of the plan.
        var costLines: [Int: [Int]] = [:]
        for (i, position) in c.lookups.costMeasure.enumerated() where grantByMeasure[Int(position)] != nil {
            costLines[Int(position), default: []].append(i)
        }
        for (index, grantAmounts) in grantByMeasure.sorted(by: { plan.measures[$0.key].id < plan.measures[$1.key].id }) {
            let id = plan.measures[index].id
            var eligibleCost = YearAmounts(), totalCost = YearAmounts()
            for line in (costLines[index] ?? []).map({ plan.budget.costs[$0] }) {
                for e in line.amounts.entries {
                    totalCost[e.year] += e.kroner
                    if eligible.contains(line.category) { eligibleCost[e.year] += e.kroner }
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
