/// The KS method: what each need and measure must say, who takes part, and follow-up.
enum MethodRules {
    static func check(_ c: RuleContext, _ f: inout Findings) {
        let plan = c.plan
        var addressed = Set<String>()
        for m in plan.measures { addressed.formUnion(m.needs) }
        for (i, n) in plan.needs.enumerated() {
            var missing: [(String, String)] = []
            if blank(n.title) { missing.append(("title", Text.get("field.title"))) }
            if blank(n.occupation) { missing.append(("occupation", Text.get("field.occupation"))) }
            if n.fte.raw <= 0 { missing.append(("fte", Text.get("field.fte"))) }
            if blank(n.strategy) { missing.append(("strategy", Text.get("field.strategy"))) }
            if blank(n.rationale) { missing.append(("rationale", Text.get("field.rationale"))) }
            if n.k2025.isEmpty { missing.append(("k2025", Text.get("field.k2025"))) }
            for (key, name) in missing {
                f.add("need-incomplete", Pointer.need(i, key), target: n.id, n.id, name)
            }
            if !addressed.contains(n.id) {
                f.add("need-unaddressed", Pointer.need(i), target: n.id, n.id, Sanitize.inline(n.title))
            }
        }
        for (i, m) in plan.measures.enumerated() {
            let fields: [(String, String, Bool)] = [
                ("title", Text.get("field.title"), blank(m.title)),
                ("strategy", Text.get("field.strategy"), blank(m.strategy)),
                ("responsible", Text.get("field.responsible"), blank(m.responsible)),
                ("targetGroup", Text.get("field.target-group"), blank(m.targetGroup)),
                ("goal", Text.get("field.goal"), blank(m.goal)),
                ("implementation", Text.get("field.implementation"), blank(m.implementation)),
                ("indicator", Text.get("field.indicator"), blank(m.indicator)),
                ("from", Text.get("field.from"), blank(m.from)),
                ("to", Text.get("field.to"), blank(m.to)),
            ]
            for (key, name, isMissing) in fields where isMissing {
                f.add("measure-incomplete", Pointer.measure(i, key), target: m.id, m.id, name)
            }
        }
        let roles = Set(plan.workingGroup.map(\.role))
        for role in ["tillitsvalgt", "verneombud"] where !roles.contains(role) {
            f.add("working-group-incomplete", "/workingGroup", c.catalog.title(\.memberRoles, role).lowercased())
        }
        if blank(plan.followUp.revisionDate) {
            f.add("revision-date-missing", "/followUp/revisionDate")
        }
        if !plan.baseline.workforce.isEmpty, !plan.baseline.population.contains(where: { $0.year == plan.baseline.year }) {
            f.add("population-missing", "/baseline/population", String(plan.baseline.year))
        }
    }

    static func blank(_ s: String) -> Bool { s.allSatisfy(\.isWhitespace) }
}
