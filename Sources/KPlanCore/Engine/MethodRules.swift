/// The KS method: what each need and measure must say, who takes part, and follow-up.
enum MethodRules {
    static func check(_ c: RuleContext, _ f: inout Findings) {
        let plan = c.plan
        // Which needs some measure answers, by index: no set of ids to build and hash.
        var addressed = [Bool](repeating: false, count: plan.needs.count)
        for need in c.lookups.measureNeeds.values where need >= 0 { addressed[Int(need)] = true }
        // A repeated id counts as addressed when its first need is.
        for (i, first) in c.lookups.needs.repeats { addressed[i] = addressed[first] }
        // By position, not `for x in list`: see Engine.
        let needs = plan.needs, measures = plan.measures
        for i in needs.indices {
            var missing: [(String, String)] = []
            if blank(needs[i].title) { missing.append(("title", Text.get("field.title"))) }
            if blank(needs[i].occupation) { missing.append(("occupation", Text.get("field.occupation"))) }
            if needs[i].fte.raw <= 0 { missing.append(("fte", Text.get("field.fte"))) }
            if blank(needs[i].strategy) { missing.append(("strategy", Text.get("field.strategy"))) }
            if blank(needs[i].rationale) { missing.append(("rationale", Text.get("field.rationale"))) }
            if needs[i].k2025.isEmpty { missing.append(("k2025", Text.get("field.k2025"))) }
            for (key, name) in missing {
                f.add("need-incomplete", Pointer.need(i, key), target: needs[i].id, needs[i].id, name)
            }
            if !addressed[i] {
                // A need just added has no title yet: no empty «» then.
                let title = Sanitize.inline(needs[i].title)
                f.add("need-unaddressed", Pointer.need(i), target: needs[i].id, needs[i].id, title.isEmpty ? "" : " «\(title)»")
            }
        }
        for i in measures.indices {
            // The KS fields every measure must fill in: JSON key and name in the string table.
            func require(_ value: String, _ key: String, _ name: String) {
                if blank(value) { f.add("measure-incomplete", Pointer.measure(i, key), target: measures[i].id, measures[i].id, Text.get(name)) }
            }
            require(measures[i].title, "title", "field.title")
            require(measures[i].strategy, "strategy", "field.strategy")
            require(measures[i].responsible, "responsible", "field.responsible")
            require(measures[i].targetGroup, "targetGroup", "field.target-group")
            require(measures[i].goal, "goal", "field.goal")
            require(measures[i].implementation, "implementation", "field.implementation")
            require(measures[i].indicator, "indicator", "field.indicator")
            require(measures[i].from, "from", "field.from")
            require(measures[i].to, "to", "field.to")
        }
        let roles = Set(plan.workingGroup.map(\.role))
        for role in ["tillitsvalgt", "verneombud"] where !roles.contains(role) {
            f.add("working-group-incomplete", "/workingGroup", c.catalog.memberRoles.title(role).lowercased())
        }
        if blank(plan.followUp.revisionDate) {
            f.add("revision-date-missing", "/followUp/revisionDate")
        }
        if !plan.baseline.workforce.isEmpty, !plan.baseline.population.contains(where: { $0.year == plan.baseline.year }) {
            f.add("population-missing", "/baseline/population", String(plan.baseline.year))
        }
    }

    /// Empty or only white space. Looks at bytes first: almost every field starts with a letter.
    /// Inlined, with the rare case out of line: called, it had each text retained and released
    /// around the call, and on a large plan each of those is a cache miss (8 % of an edit of a
    /// measure's title on 100 000 measures, which runs these rules alone).
    @inline(__always)
    static func blank(_ s: String) -> Bool {
        for b in s.utf8 {
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { continue }
            return b < 0x80 ? false : onlyWhiteSpace(s)
        }
        return true
    }

    @inline(never)
    private static func onlyWhiteSpace(_ s: String) -> Bool { s.allSatisfy(\.isWhitespace) }
}
