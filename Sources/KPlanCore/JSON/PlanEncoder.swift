/// Writes a plan in the canonical on-disk form. Every key is always written (absent
/// values as `null`), so a file never changes shape depending on what is filled in.
public enum PlanEncoder {
    /// Bytes to reserve for the file, generously: memory reserved and never written costs
    /// nothing, and a buffer that outgrew its reservation was, for a moment, its old size and
    /// twice that (330 MB for a 151 MB plan, when training, costs and funding were left out).
    static func estimatedSize(_ plan: Plan) -> Int {
        let lines = plan.budget.costs.count + plan.budget.funding.count
        let small = plan.trainingSlots.count + plan.waivers.count + plan.decisions.count + plan.workingGroup.count
            + plan.baseline.workforce.count + plan.baseline.population.count
        return 4096 + plan.needs.count * 500 + plan.measures.count * 800 + lines * (150 + 30 * plan.period.years.count) + small * 300
    }

    public static func encode(_ plan: Plan) -> [UInt8] {
        var w = JSONWriter(capacity: estimatedSize(plan))
        w.beginObject()
        w.key("format"); w.string(plan.format)
        w.key("municipality"); w.beginObject()
        w.key("name"); w.string(plan.municipality.name)
        w.key("number"); w.string(plan.municipality.number)
        w.key("county"); w.string(plan.municipality.county)
        w.endObject()
        w.key("title"); w.string(plan.title)
        w.key("period"); w.beginObject()
        w.key("from"); w.int(plan.period.from)
        w.key("to"); w.int(plan.period.to)
        w.endObject()
        w.key("owner"); w.beginObject()
        w.key("name"); w.string(plan.owner.name)
        w.key("role"); w.string(plan.owner.role)
        w.endObject()
        w.key("status"); w.string(plan.status.rawValue)
        w.key("policies"); strings(&w, plan.policies)
        w.key("decisions"); w.beginArray()
        for d in plan.decisions { decision(&w, d) }
        w.endArray()
        w.key("workingGroup"); w.beginArray()
        for m in plan.workingGroup { member(&w, m) }
        w.endArray()
        w.key("followUp"); w.beginObject()
        w.key("reporting"); w.string(plan.followUp.reporting)
        w.key("revisionDate"); w.string(plan.followUp.revisionDate)
        w.endObject()
        baseline(&w, plan.baseline)
        w.key("needs"); w.beginArray()
        for n in plan.needs { need(&w, n) }
        w.endArray()
        w.key("measures"); w.beginArray()
        for m in plan.measures { measure(&w, m) }
        w.endArray()
        w.key("trainingSlots"); w.beginArray()
        for s in plan.trainingSlots { slot(&w, s) }
        w.endArray()
        budget(&w, plan.budget)
        w.key("waivers"); w.beginArray()
        for x in plan.waivers { waiver(&w, x) }
        w.endArray()
        w.endObject()
        return w.finish()
    }

    static func strings(_ w: inout JSONWriter, _ values: [String]) {
        w.beginArray()
        for v in values { w.string(v) }
        w.endArray()
    }

    static func baseline(_ w: inout JSONWriter, _ b: Baseline) {
        w.key("baseline"); w.beginObject()
        w.key("year"); w.int(b.year)
        w.key("demandWeights"); w.beginObject()
        w.key("age67to79"); w.hundredths(b.demandWeights.age67to79.raw)
        w.key("age80to89"); w.hundredths(b.demandWeights.age80to89.raw)
        w.key("age90plus"); w.hundredths(b.demandWeights.age90plus.raw)
        w.endObject()
        w.key("workforce"); w.beginArray()
        for x in b.workforce { workforce(&w, x) }
        w.endArray()
        w.key("population"); w.beginArray()
        for p in b.population { population(&w, p) }
        w.endArray()
        w.endObject()
    }

    static func need(_ w: inout JSONWriter, _ n: Need) {
        w.beginObject()
        w.key("id"); w.string(n.id)
        w.key("title"); w.string(n.title)
        w.key("service"); w.string(n.service)
        w.key("occupation"); w.string(n.occupation)
        w.key("fte"); w.hundredths(n.fte.raw)
        w.key("year"); w.int(n.year)
        w.key("strategy"); w.string(n.strategy)
        w.key("k2025"); strings(&w, n.k2025)
        w.key("reform"); strings(&w, n.reform)
        w.key("rationale"); w.string(n.rationale)
        w.endObject()
    }

    static func measure(_ w: inout JSONWriter, _ m: Measure) {
        w.beginObject()
        w.key("id"); w.string(m.id)
        w.key("title"); w.string(m.title)
        w.key("kind"); w.string(m.kind)
        w.key("strategy"); w.string(m.strategy)
        w.key("needs"); strings(&w, m.needs)
        w.key("k2025"); strings(&w, m.k2025)
        w.key("reform"); strings(&w, m.reform)
        w.key("responsible"); w.string(m.responsible)
        w.key("targetGroup"); w.string(m.targetGroup)
        w.key("goal"); w.string(m.goal)
        w.key("implementation"); w.string(m.implementation)
        w.key("indicator"); w.string(m.indicator)
        w.key("from"); w.string(m.from)
        w.key("to"); w.string(m.to)
        w.key("status"); w.string(m.status.rawValue)
        w.key("startedBefore"); w.bool(m.startedBefore)
        w.key("fteGain"); w.hundredths(m.fteGain.raw)
        w.endObject()
    }

    static func slot(_ w: inout JSONWriter, _ s: TrainingSlot) {
        w.beginObject()
        w.key("id"); w.string(s.id)
        w.key("measure"); w.string(s.measure)
        w.key("programme"); w.string(s.programme)
        w.key("provider"); w.string(s.provider)
        w.key("qualifies")
        if let q = s.qualifies { w.string(q) } else { w.null() }
        w.key("startYear"); w.int(s.startYear)
        w.key("years"); w.int(s.years)
        w.key("participants"); w.int(s.participants)
        w.key("fteGainEach"); w.hundredths(s.fteGainEach.raw)
        w.endObject()
    }

    static func budget(_ w: inout JSONWriter, _ b: Budget) {
        w.key("budget"); w.beginObject()
        w.key("costs"); w.beginArray()
        for c in b.costs { cost(&w, c) }
        w.endArray()
        w.key("funding"); w.beginArray()
        for f in b.funding { funding(&w, f) }
        w.endArray()
        w.endObject()
    }

    static func decision(_ w: inout JSONWriter, _ d: Decision) {
        w.beginObject()
        w.key("id"); w.string(d.id)
        w.key("kind"); w.string(d.kind)
        w.key("title"); w.string(d.title)
        w.key("body"); w.string(d.body)
        w.key("case"); w.string(d.caseNumber)
        w.key("date"); w.string(d.date)
        w.endObject()
    }

    static func member(_ w: inout JSONWriter, _ m: Member) {
        w.beginObject()
        w.key("name"); w.string(m.name)
        w.key("role"); w.string(m.role)
        w.key("represents"); w.string(m.represents)
        w.endObject()
    }

    static func workforce(_ w: inout JSONWriter, _ x: Workforce) {
        w.beginObject()
        w.key("occupation"); w.string(x.occupation)
        w.key("fte"); w.hundredths(x.fte.raw)
        w.key("headcount"); w.int(x.headcount)
        w.key("vacantFte"); w.hundredths(x.vacantFte.raw)
        w.key("turnoverPct"); w.hundredths(x.turnoverPct.raw)
        w.key("sickLeavePct"); w.hundredths(x.sickLeavePct.raw)
        w.key("partTimePct"); w.hundredths(x.partTimePct.raw)
        w.endObject()
    }

    static func population(_ w: inout JSONWriter, _ p: PopulationYear) {
        w.beginObject()
        w.key("year"); w.int(p.year)
        w.key("age67to79"); w.int(p.age67to79)
        w.key("age80to89"); w.int(p.age80to89)
        w.key("age90plus"); w.int(p.age90plus)
        w.endObject()
    }

    static func cost(_ w: inout JSONWriter, _ c: CostLine) {
        w.beginObject()
        w.key("id"); w.string(c.id)
        w.key("measure"); w.string(c.measure)
        w.key("category"); w.string(c.category)
        w.key("amounts"); amounts(&w, c.amounts)
        w.endObject()
    }

    static func funding(_ w: inout JSONWriter, _ f: FundingLine) {
        w.beginObject()
        w.key("id"); w.string(f.id)
        w.key("source"); w.string(f.source)
        w.key("measure")
        if let m = f.measure { w.string(m) } else { w.null() }
        w.key("status"); w.string(f.status.rawValue)
        w.key("amounts"); amounts(&w, f.amounts)
        w.endObject()
    }

    static func waiver(_ w: inout JSONWriter, _ x: Waiver) {
        w.beginObject()
        w.key("rule"); w.string(x.rule)
        w.key("target"); w.string(x.target)
        w.key("reason"); w.string(x.reason)
        w.key("decidedBy"); w.string(x.decidedBy)
        w.key("date"); w.string(x.date)
        w.endObject()
    }

    static func amounts(_ w: inout JSONWriter, _ a: YearAmounts) {
        w.beginObject()
        for e in a.entries {
            w.key(String(e.year))
            w.int(e.kroner)
        }
        w.endObject()
    }
}
