/// The KS method: what each need and measure must say, who takes part, and follow-up.
enum MethodRules {
    /// The KS fields every measure must fill in: JSON key, name in the string table, value.
    static let measureFields: [(String, String, @Sendable (Measure) -> String)] = [
        ("title", "field.title", { $0.title }), ("strategy", "field.strategy", { $0.strategy }),
        ("responsible", "field.responsible", { $0.responsible }), ("targetGroup", "field.target-group", { $0.targetGroup }),
        ("goal", "field.goal", { $0.goal }), ("implementation", "field.implementation", { $0.implementation }),
        ("indicator", "field.indicator", { $0.indicator }), ("from", "field.from", { $0.from }), ("to", "field.to", { $0.to }),
    ]

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
            for (key, name, field) in measureFields where blank(field(m)) {
                f.add("measure-incomplete", Pointer.measure(i, key), target: m.id, m.id, Text.get(name))
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

    /// Empty or only white space. Looks at bytes first: almost every field starts with a letter.
    static func blank(_ s: String) -> Bool {
        for b in s.utf8 {
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { continue }
            return b < 0x80 ? false : s.allSatisfy(\.isWhitespace)
        }
        return true
    }
}
