/// The KS method: what each need and measure must say, who takes part, and follow-up.
enum MethodRules {
    static func check(_ c: RuleContext, _ f: inout Findings) {
        let plan = c.plan
        // Which needs some measure answers, by index: no set of ids to build and hash.
        var addressed = [Bool](repeating: false, count: plan.needs.count)
        for need in c.lookups.measureNeeds.values where need >= 0 { addressed[Int(need)] = true }
        // A repeated id counts as addressed when its first need is.
        for (i, first) in c.lookups.needs.repeats { addressed[i] = addressed[first] }
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
            if !addressed[i] {
                f.add("need-unaddressed", Pointer.need(i), target: n.id, n.id, Sanitize.inline(n.title))
            }
        }
        for (i, m) in plan.measures.enumerated() {
            // The KS fields every measure must fill in: JSON key and name in the string table.
            func require(_ value: String, _ key: String, _ name: String) {
                if blank(value) { f.add("measure-incomplete", Pointer.measure(i, key), target: m.id, m.id, Text.get(name)) }
            }
            require(m.title, "title", "field.title")
            require(m.strategy, "strategy", "field.strategy")
            require(m.responsible, "responsible", "field.responsible")
            require(m.targetGroup, "targetGroup", "field.target-group")
            require(m.goal, "goal", "field.goal")
            require(m.implementation, "implementation", "field.implementation")
            require(m.indicator, "indicator", "field.indicator")
            require(m.from, "from", "field.from")
            require(m.to, "to", "field.to")
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

    /// Empty or only white space. Looks at bytes first: almost every field starts with a letter.
    static func blank(_ s: String) -> Bool {
        for b in s.utf8 {
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { continue }
            return b < 0x80 ? false : s.allSatisfy(\.isWhitespace)
        }
        return true
    }
}
