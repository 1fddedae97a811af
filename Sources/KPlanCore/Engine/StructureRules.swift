/// Ids, references, years and signs: the plan must hang together before anything else.
enum StructureRules {
    static func check(_ c: RuleContext, _ f: inout Findings) {
        let plan = c.plan
        if plan.period.to < plan.period.from {
            f.add("period-invalid", "/period/to", String(plan.period.from), String(plan.period.to))
        }
        ids(c.lookups.needs, Pointer.need, &f)
        ids(c.lookups.measures, Pointer.measure, &f)
        ids(c.lookups.slots, Pointer.slot, &f)
        ids(c.lookups.costs, Pointer.cost, &f)
        ids(c.lookups.funding, Pointer.funding, &f)
        ids(plan.decisions.map(\.id), { Pointer.item("decisions", $0, $1) }, &f)

        // By position, not `for x in list`: see Engine.
        let needs = plan.needs, measures = plan.measures
        let slots = plan.trainingSlots, costs = plan.budget.costs, funding = plan.budget.funding
        for i in needs.indices {
            if !plan.period.contains(needs[i].year) {
                f.add("year-outside-period", Pointer.need(i, "year"), target: needs[i].id, String(needs[i].year), period(plan))
            }
            negative(needs[i].fte, Pointer.need(i, "fte"), needs[i].id, &f)
        }
        for i in measures.indices {
            let id = measures[i].id
            for (j, need) in c.lookups.measureNeeds[i].enumerated() where need == RuleLookups.missing {
                f.add("missing-reference", message: "finding.missing-reference.need", Pointer.measure(i, "needs") + "/\(j)",
                      target: id, id, Sanitize.inline(measures[i].needs[j]), suggestion(measures[i].needs[j], c.lookups.needs.distinct, after: f))
            }
            if let from = YearMonth(measures[i].from), let to = YearMonth(measures[i].to) {
                if to < from {
                    f.add("measure-ends-before-start", Pointer.measure(i, "to"), target: id, id, measures[i].to, measures[i].from)
                }
                if to.year < plan.period.from || from.year > plan.period.to {
                    f.add("year-outside-period", message: "finding.year-outside-period.measure", Pointer.measure(i, "from"),
                          target: id, id, measures[i].from, measures[i].to, period(plan))
                } else if from.year < plan.period.from, !measures[i].startedBefore {
                    f.add("year-outside-period", message: "finding.year-outside-period.started", Pointer.measure(i, "from"),
                          target: id, id, measures[i].from)
                }
            }
            negative(measures[i].fteGain, Pointer.measure(i, "fteGain"), id, &f)
        }
        for i in slots.indices {
            let id = slots[i].id
            if c.lookups.slotMeasure[i] == RuleLookups.missing {
                f.add("missing-reference", message: "finding.missing-reference.measure", Pointer.slot(i, "measure"), target: id,
                      id, Sanitize.inline(slots[i].measure), suggestion(slots[i].measure, c.lookups.measures.distinct, after: f))
            }
            if slots[i].participants < 0 {
                f.add("negative-value", Pointer.slot(i, "participants"), target: id, String(slots[i].participants))
            }
            if slots[i].years < 1 {
                f.add("negative-value", message: "finding.negative-value.years", Pointer.slot(i, "years"), target: id, String(slots[i].years))
            }
            negative(slots[i].fteGainEach, Pointer.slot(i, "fteGainEach"), id, &f)
            if slots[i].startYear > plan.period.to {
                f.add("year-outside-period", Pointer.slot(i, "startYear"), target: id, String(slots[i].startYear), period(plan))
            }
        }
        for i in costs.indices {
            let id = costs[i].id
            if c.lookups.costMeasure[i] == RuleLookups.missing {
                f.add("missing-reference", message: "finding.missing-reference.measure", Pointer.cost(i, "measure"), target: id,
                      id, Sanitize.inline(costs[i].measure), suggestion(costs[i].measure, c.lookups.measures.distinct, after: f))
            }
            amounts(costs[i].amounts, Pointer.cost(i, "amounts"), id, plan, &f)
        }
        for i in funding.indices {
            let id = funding[i].id
            if let m = funding[i].measure, c.lookups.fundingMeasure[i] == RuleLookups.missing {
                f.add("missing-reference", message: "finding.missing-reference.measure", Pointer.funding(i, "measure"), target: id,
                      id, Sanitize.inline(m), suggestion(m, c.lookups.measures.distinct, after: f))
            }
            amounts(funding[i].amounts, Pointer.funding(i, "amounts"), id, plan, &f)
        }
        for (i, w) in plan.baseline.workforce.enumerated() {
            let p = "/baseline/workforce/\(i)"
            negative(w.fte, p + "/fte", "", &f)
            negative(w.vacantFte, p + "/vacantFte", "", &f)
            if w.headcount < 0 { f.add("negative-value", p + "/headcount", String(w.headcount)) }
        }
    }

    static func ids(_ ids: [String], _ pointer: (Int, String?) -> String, _ f: inout Findings) {
        self.ids(IdIndex(ids), pointer, &f)
    }

    /// A blank id is missing; a repeated one is a duplicate of the first item with it.
    static func ids(_ index: IdIndex, _ pointer: (Int, String?) -> String, _ f: inout Findings) {
        let ids = index.ids
        for (i, id) in ids.enumerated() where MethodRules.blank(id) { f.add("missing-id", pointer(i, "id")) }
        for (i, j) in index.repeats where !MethodRules.blank(ids[i]) {
            f.add("duplicate-id", pointer(i, "id"), target: ids[i], Sanitize.inline(ids[i]), pointer(j, nil))
        }
    }

    // Paths are built only for a finding: building one per item was a third of the rules' time.
    static func negative(_ v: Hundredths, _ path: @autoclosure () -> String, _ target: String, _ f: inout Findings) {
        if v.raw < 0 { f.add("negative-value", path(), target: target, v.description) }
    }

    static func amounts(_ a: YearAmounts, _ path: @autoclosure () -> String, _ target: String, _ plan: Plan, _ f: inout Findings) {
        for e in a.entries {
            if e.kroner < 0 { f.add("negative-value", path() + "/\(e.year)", target: target, Format.kroner(e.kroner)) }
            if !plan.period.contains(e.year) {
                f.add("year-outside-period", message: "finding.year-outside-period.amount", path() + "/\(e.year)", target: target,
                      target, String(e.year), period(plan))
            }
        }
    }

    static func period(_ plan: Plan) -> String { "\(plan.period.from)–\(plan.period.to)" }

    /// Each "did you mean" is a pass over every id, so after `suggestionLimit` findings the
    /// messages name the missing id alone: a bad merge can break thousands of references, and
    /// suggesting for each took 35 s on a 10 000-measure plan.
    static let suggestionLimit = 100

    static func suggestion<Candidates: Sequence<String>>(_ id: String, _ candidates: @autoclosure () -> Candidates,
                                                        after f: Findings) -> String {
        guard f.items.count < suggestionLimit else { return "" }
        return Suggest.closest(to: id, in: candidates()).map { " " + Text.get("decode.did-you-mean", $0) } ?? ""
    }
}
