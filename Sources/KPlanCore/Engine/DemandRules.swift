/// Demand projection against declared needs, gap closure per need, and education load.
enum DemandRules {
    static func check(_ c: RuleContext, _ f: inout Findings) {
        let plan = c.plan
        let rules = c.named.map(\.rules)
        if let minPct = rules.compactMap(\.demandCoverageMinPct).first {
            let minGrowth = rules.compactMap(\.demandMinGrowthFte).first ?? .zero
            for d in c.figures.demand where d.growth.raw > 0 && d.growth >= minGrowth {
                let required = d.growth.scaled(by: minPct.raw, over: 100 * 100)
                if d.declared < required {
                    let i = plan.baseline.workforce.firstIndex { $0.occupation == d.occupation } ?? 0
                    f.add("demand-not-covered", "/baseline/workforce/\(i)", c.catalog.occupations.title(d.occupation).lowercased(),
                          d.growth.description, String(plan.period.to), d.declared.description)
                }
            }
        }
        for (i, gap) in c.figures.gaps.enumerated() where gap.delivered < gap.needed && plan.needs[i].strategy != "avvikle" {
            f.add("need-gap", Pointer.need(i, "fte"), target: gap.need, gap.need, gap.delivered.description, gap.needed.description,
                  String(gap.year))
        }
        if let maxPct = rules.compactMap(\.educationLoadMaxPct).first {
            for l in c.figures.load where l.percent > maxPct {
                let i = plan.baseline.workforce.firstIndex { $0.occupation == l.occupation } ?? 0
                f.add("education-load", "/baseline/workforce/\(i)", c.catalog.occupations.title(l.occupation).lowercased(),
                      String(l.year), l.absentFte.description, l.percent.description, maxPct.description)
            }
        }
    }
}
