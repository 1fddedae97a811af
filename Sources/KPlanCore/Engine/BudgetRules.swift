/// Per year, the plan's funding must cover its costs.
enum BudgetRules {
    static func check(_ c: RuleContext, _ f: inout Findings) {
        for year in c.figures.budget where year.balance < 0 {
            f.add("budget-deficit", "/budget", String(year.year), Format.kroner(-year.balance), Format.kroner(year.costs),
                  Format.kroner(year.fundingTotal))
        }
    }
}
