/// Turns a plan file into a `Plan`, reporting every syntax and typing error it finds.
///
/// The plan is returned whenever the file's structure could be read, even with errors, so
/// that the engine can add its findings (a misspelt code and a dangling reference in the
/// same file are both reported). Callers that edit or save must refuse a plan with errors.
public struct PlanDecoder: Sendable {
    public let catalog: Catalog
    public let policies: PolicySet

    public init(catalog: Catalog = .bundled, policies: PolicySet = .bundled) {
        self.catalog = catalog
        self.policies = policies
    }

    public struct Result: Sendable {
        public var plan: Plan?
        public var document: JSONDocument?
        public var diagnostics: [Diagnostic]
        /// The text is not valid JSON, even where the parser could read past the problems.
        public var hasSyntaxErrors: Bool
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    public func decode(_ bytes: [UInt8]) -> Result { decode(SourceBytes(bytes)) }

    public func decode(_ bytes: SourceBytes) -> Result {
        let (doc, syntax) = JSONParser.parse(bytes)
        guard let doc else { return Result(plan: nil, document: nil, diagnostics: syntax, hasSyntaxErrors: true) }
        var ctx = DecodeContext(document: doc)
        let plan = decodePlan(&ctx)
        return Result(plan: plan, document: doc, diagnostics: syntax + ctx.diagnostics, hasSyntaxErrors: !syntax.isEmpty)
    }

    // Code lists are built once per decode, not per field.
    struct Codes {
        let occupation, programme, strategy, measureKind, costCategory, fundingSource, decisionKind, service, memberRole: CodeList
        let k2025, reform, policy: CodeList
        let planStatus = CodeList(Text.get("code.plan-status"), PlanStatus.allCases.map(\.rawValue))
        let measureStatus = CodeList(Text.get("code.measure-status"), MeasureStatus.allCases.map(\.rawValue))
        let fundingStatus = CodeList(Text.get("code.funding-status"), FundingStatus.allCases.map(\.rawValue))
    }

    func decodePlan(_ ctx: inout DecodeContext) -> Plan? {
        let doc = ctx.document
        guard doc.node(doc.root).kind == .object else {
            ctx.expect(doc.root, .object)
            return nil
        }
        // The format is read first: a newer file must be refused before its unknown keys are reported.
        if let format = formatOf(doc) {
            if format.value != Plan.currentFormat {
                let newer = format.value.hasPrefix("kplan/") && (Int(format.value.dropFirst(6)) ?? 0) > 1
                ctx.at("format") { ctx in
                    ctx.error("unsupported-format", format.node, newer ? "decode.format-newer" : "decode.format-unknown",
                              Sanitize.inline(format.value), Plan.currentFormat)
                }
                return nil
            }
        }
        let c = Codes(occupation: catalog.occupationCodes, programme: catalog.programmeCodes, strategy: catalog.strategyCodes,
                      measureKind: catalog.measureKindCodes, costCategory: catalog.costCategoryCodes,
                      fundingSource: catalog.fundingSourceCodes, decisionKind: catalog.decisionKindCodes,
                      service: catalog.serviceCodes, memberRole: catalog.memberRoleCodes,
                      k2025: policies.k2025Codes, reform: policies.reformCodes, policy: policies.policyCodes)
        guard let f = ctx.fields(doc.root, PlanSchema.plan) else { return nil }
        typealias K = PlanKey
        let municipality = ctx.read(f, K.municipality) { ctx, n -> Municipality? in
            guard let m = ctx.fields(n, PlanSchema.municipality) else { return nil }
            let number = ctx.read(m, MunicipalityKey.number) { ctx, n -> String? in
                guard let s = ctx.string(n) else { return nil }
                if s.utf8.count != 4 || !s.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
                    ctx.error("invalid-value", n, "decode.municipality-number", Sanitize.inline(s))
                }
                return s
            }
            return Municipality(name: ctx.read(m, MunicipalityKey.name) { $0.string($1) } ?? "",
                                number: number ?? "", county: ctx.read(m, MunicipalityKey.county) { $0.string($1) } ?? "")
        } ?? Municipality(name: "", number: "", county: "")
        let title = ctx.read(f, K.title) { $0.string($1) } ?? ""
        let period = ctx.read(f, K.period) { ctx, n -> Period? in
            guard let p = ctx.fields(n, PlanSchema.period) else { return nil }
            return Period(from: ctx.read(p, PeriodKey.from) { year(&$0, $1) } ?? 0, to: ctx.read(p, PeriodKey.to) { year(&$0, $1) } ?? 0)
        } ?? Period(from: 0, to: 0)
        let owner = ctx.read(f, K.owner) { ctx, n -> Person? in
            guard let p = ctx.fields(n, PlanSchema.owner) else { return nil }
            return Person(name: ctx.read(p, PersonKey.name) { $0.string($1) } ?? "", role: ctx.read(p, PersonKey.role) { $0.string($1) } ?? "")
        } ?? Person(name: "", role: "")
        let baseline = ctx.read(f, K.baseline) { decodeBaseline(&$0, $1, c) } ?? Baseline(year: 0)

        var plan = Plan(municipality: municipality, title: title, period: period, owner: owner, baseline: baseline)
        plan.status = ctx.read(f, K.status) { ctx, n in ctx.code(n, c.planStatus).flatMap(PlanStatus.init(rawValue:)) } ?? .draft
        plan.policies = ctx.read(f, K.policies) { ctx, n in ctx.array(n) { $0.code($1, c.policy) } } ?? []
        plan.decisions = ctx.read(f, K.decisions) { ctx, n in ctx.array(n) { decodeDecision(&$0, $1, c) } } ?? []
        plan.workingGroup = ctx.read(f, K.workingGroup) { ctx, n in
            ctx.array(n) { ctx, n -> Member? in
                guard let m = ctx.fields(n, PlanSchema.member) else { return nil }
                return Member(name: ctx.read(m, MemberKey.name) { $0.string($1) } ?? "",
                              role: ctx.read(m, MemberKey.role) { $0.code($1, c.memberRole) } ?? "",
                              represents: ctx.read(m, MemberKey.represents) { $0.string($1) } ?? "")
            }
        } ?? []
        plan.followUp = ctx.read(f, K.followUp) { ctx, n -> FollowUp? in
            guard let u = ctx.fields(n, PlanSchema.followUp) else { return nil }
            return FollowUp(reporting: ctx.read(u, FollowUpKey.reporting) { $0.string($1) } ?? "",
                            revisionDate: ctx.read(u, FollowUpKey.revisionDate) { optionalDate(&$0, $1) } ?? "")
        } ?? FollowUp()
        // The big arrays are decoded on two cores; each half collects its own diagnostics.
        let (first, second) = Parallel.both({ () -> ([Need], [TrainingSlot], Budget, DecodeContext) in
            var ctx = DecodeContext(document: doc)
            let needs = ctx.read(f, K.needs) { ctx, n in ctx.array(n) { decodeNeed(&$0, $1, c) } } ?? []
            let slots = ctx.read(f, K.trainingSlots) { ctx, n in ctx.array(n) { decodeSlot(&$0, $1, c) } } ?? []
            let budget = ctx.read(f, K.budget) { decodeBudget(&$0, $1, c) } ?? Budget()
            return (needs, slots, budget, ctx)
        }, { () -> ([Measure], DecodeContext) in
            var ctx = DecodeContext(document: doc)
            let measures = ctx.read(f, K.measures) { ctx, n in ctx.array(n) { decodeMeasure(&$0, $1, c) } } ?? []
            return (measures, ctx)
        })
        (plan.needs, plan.trainingSlots, plan.budget) = (first.0, first.1, first.2)
        plan.measures = second.0
        ctx.absorb(first.3)
        ctx.absorb(second.1)
        plan.waivers = ctx.read(f, K.waivers) { ctx, n in
            ctx.array(n) { ctx, n -> Waiver? in
                guard let w = ctx.fields(n, PlanSchema.waiver) else { return nil }
                return Waiver(rule: ctx.read(w, WaiverKey.rule) { $0.string($1) } ?? "",
                              target: ctx.read(w, WaiverKey.target) { $0.string($1) } ?? "",
                              reason: ctx.read(w, WaiverKey.reason) { $0.string($1) } ?? "",
                              decidedBy: ctx.read(w, WaiverKey.decidedBy) { $0.string($1) } ?? "",
                              date: ctx.read(w, WaiverKey.date) { date(&$0, $1) } ?? "")
            }
        } ?? []
        return plan
    }

    func formatOf(_ doc: JSONDocument) -> (value: String, node: Int32)? {
        guard let m = doc.members(doc.root).first(where: { doc.stringEquals($0.key, "format") }), doc.node(m.value).kind == .string else { return nil }
        return (doc.string(m.value), m.value)
    }

    func decodeBaseline(_ ctx: inout DecodeContext, _ n: Int32, _ c: Codes) -> Baseline? {
        guard let b = ctx.fields(n, PlanSchema.baseline) else { return nil }
        var baseline = Baseline(year: ctx.read(b, BaselineKey.year) { year(&$0, $1) } ?? 0)
        baseline.demandWeights = ctx.read(b, BaselineKey.demandWeights) { ctx, n -> DemandWeights? in
            guard let w = ctx.fields(n, PlanSchema.weights) else { return nil }
            let d = DemandWeights()
            return DemandWeights(age67to79: ctx.read(w, WeightsKey.age67to79) { $0.hundredths($1) } ?? d.age67to79,
                                 age80to89: ctx.read(w, WeightsKey.age80to89) { $0.hundredths($1) } ?? d.age80to89,
                                 age90plus: ctx.read(w, WeightsKey.age90plus) { $0.hundredths($1) } ?? d.age90plus)
        } ?? DemandWeights()
        baseline.workforce = ctx.read(b, BaselineKey.workforce) { ctx, n in
            ctx.array(n) { ctx, n -> Workforce? in
                guard let w = ctx.fields(n, PlanSchema.workforce) else { return nil }
                typealias W = WorkforceKey
                return Workforce(occupation: ctx.read(w, W.occupation) { $0.code($1, c.occupation) } ?? "",
                                 fte: ctx.read(w, W.fte) { $0.hundredths($1) } ?? .zero,
                                 headcount: ctx.read(w, W.headcount) { $0.int($1) } ?? 0,
                                 vacantFte: ctx.read(w, W.vacantFte) { $0.hundredths($1) } ?? .zero,
                                 turnoverPct: ctx.read(w, W.turnoverPct) { $0.hundredths($1) } ?? .zero,
                                 sickLeavePct: ctx.read(w, W.sickLeavePct) { $0.hundredths($1) } ?? .zero,
                                 partTimePct: ctx.read(w, W.partTimePct) { $0.hundredths($1) } ?? .zero)
            }
        } ?? []
        baseline.population = ctx.read(b, BaselineKey.population) { ctx, n in
            ctx.array(n) { ctx, n -> PopulationYear? in
                guard let p = ctx.fields(n, PlanSchema.population) else { return nil }
                typealias P = PopulationKey
                return PopulationYear(year: ctx.read(p, P.year) { year(&$0, $1) } ?? 0,
                                      age67to79: ctx.read(p, P.age67to79) { $0.int($1) } ?? 0,
                                      age80to89: ctx.read(p, P.age80to89) { $0.int($1) } ?? 0,
                                      age90plus: ctx.read(p, P.age90plus) { $0.int($1) } ?? 0)
            }
        } ?? []
        return baseline
    }

    func decodeDecision(_ ctx: inout DecodeContext, _ n: Int32, _ c: Codes) -> Decision? {
        guard let d = ctx.fields(n, PlanSchema.decision) else { return nil }
        typealias D = DecisionKey
        return Decision(id: ctx.read(d, D.id) { $0.string($1) } ?? "",
                        kind: ctx.read(d, D.kind) { $0.code($1, c.decisionKind) } ?? "",
                        title: ctx.read(d, D.title) { $0.string($1) } ?? "",
                        body: ctx.read(d, D.body) { $0.string($1) } ?? "",
                        caseNumber: ctx.read(d, D.case) { $0.string($1) } ?? "",
                        date: ctx.read(d, D.date) { date(&$0, $1) } ?? "")
    }

    func decodeNeed(_ ctx: inout DecodeContext, _ n: Int32, _ c: Codes) -> Need? {
        guard let f = ctx.fields(n, PlanSchema.need) else { return nil }
        typealias N = NeedKey
        return Need(id: ctx.read(f, N.id) { $0.string($1) } ?? "",
                    title: ctx.read(f, N.title) { $0.string($1) } ?? "",
                    service: ctx.read(f, N.service) { $0.code($1, c.service) } ?? "",
                    occupation: ctx.read(f, N.occupation) { $0.code($1, c.occupation) } ?? "",
                    fte: ctx.read(f, N.fte) { $0.hundredths($1) } ?? .zero,
                    year: ctx.read(f, N.year) { year(&$0, $1) } ?? 0,
                    strategy: ctx.read(f, N.strategy) { $0.code($1, c.strategy) } ?? "",
                    k2025: ctx.read(f, N.k2025) { $0.codes($1, c.k2025) } ?? [],
                    reform: ctx.read(f, N.reform) { $0.codes($1, c.reform) } ?? [],
                    rationale: ctx.read(f, N.rationale) { $0.string($1) } ?? "")
    }

    func decodeMeasure(_ ctx: inout DecodeContext, _ n: Int32, _ c: Codes) -> Measure? {
        guard let f = ctx.fields(n, PlanSchema.measure) else { return nil }
        typealias M = MeasureKey
        return Measure(id: ctx.read(f, M.id) { $0.string($1) } ?? "",
                       title: ctx.read(f, M.title) { $0.string($1) } ?? "",
                       kind: ctx.read(f, M.kind) { $0.code($1, c.measureKind) } ?? "",
                       strategy: ctx.read(f, M.strategy) { $0.code($1, c.strategy) } ?? "",
                       needs: ctx.read(f, M.needs) { ctx, n in ctx.array(n) { $0.string($1) } } ?? [],
                       k2025: ctx.read(f, M.k2025) { $0.codes($1, c.k2025) } ?? [],
                       reform: ctx.read(f, M.reform) { $0.codes($1, c.reform) } ?? [],
                       responsible: ctx.read(f, M.responsible) { $0.string($1) } ?? "",
                       targetGroup: ctx.read(f, M.targetGroup) { $0.string($1) } ?? "",
                       goal: ctx.read(f, M.goal) { $0.string($1) } ?? "",
                       implementation: ctx.read(f, M.implementation) { $0.string($1) } ?? "",
                       indicator: ctx.read(f, M.indicator) { $0.string($1) } ?? "",
                       from: ctx.read(f, M.from) { yearMonth(&$0, $1) } ?? "",
                       to: ctx.read(f, M.to) { yearMonth(&$0, $1) } ?? "",
                       status: ctx.read(f, M.status) { ctx, n in ctx.code(n, c.measureStatus).flatMap(MeasureStatus.init(rawValue:)) } ?? .planned,
                       startedBefore: ctx.read(f, M.startedBefore) { $0.bool($1) } ?? false,
                       fteGain: ctx.read(f, M.fteGain) { $0.hundredths($1) } ?? .zero)
    }

    func decodeSlot(_ ctx: inout DecodeContext, _ n: Int32, _ c: Codes) -> TrainingSlot? {
        guard let f = ctx.fields(n, PlanSchema.slot) else { return nil }
        typealias S = SlotKey
        return TrainingSlot(id: ctx.read(f, S.id) { $0.string($1) } ?? "",
                            measure: ctx.read(f, S.measure) { $0.string($1) } ?? "",
                            programme: ctx.read(f, S.programme) { $0.code($1, c.programme) } ?? "",
                            provider: ctx.read(f, S.provider) { $0.string($1) } ?? "",
                            qualifies: ctx.read(f, S.qualifies) { ctx, n -> String?? in
                                if ctx.document.node(n).kind == .null { return .some(nil) }
                                return ctx.code(n, c.occupation).map { .some($0) }
                            } ?? nil,
                            startYear: ctx.read(f, S.startYear) { year(&$0, $1) } ?? 0,
                            years: ctx.read(f, S.years) { $0.int($1) } ?? 1,
                            participants: ctx.read(f, S.participants) { $0.int($1) } ?? 0,
                            fteGainEach: ctx.read(f, S.fteGainEach) { $0.hundredths($1) } ?? .zero)
    }

    func decodeBudget(_ ctx: inout DecodeContext, _ n: Int32, _ c: Codes) -> Budget? {
        guard let b = ctx.fields(n, PlanSchema.budget) else { return nil }
        let costs = ctx.read(b, BudgetKey.costs) { ctx, n in
            ctx.array(n) { ctx, n -> CostLine? in
                guard let f = ctx.fields(n, PlanSchema.cost) else { return nil }
                return CostLine(id: ctx.read(f, CostKey.id) { $0.string($1) } ?? "",
                                measure: ctx.read(f, CostKey.measure) { $0.string($1) } ?? "",
                                category: ctx.read(f, CostKey.category) { $0.code($1, c.costCategory) } ?? "",
                                amounts: ctx.read(f, CostKey.amounts) { amounts(&$0, $1) } ?? YearAmounts())
            }
        } ?? []
        let funding = ctx.read(b, BudgetKey.funding) { ctx, n in
            ctx.array(n) { ctx, n -> FundingLine? in
                guard let f = ctx.fields(n, PlanSchema.funding) else { return nil }
                return FundingLine(id: ctx.read(f, FundingKey.id) { $0.string($1) } ?? "",
                                   source: ctx.read(f, FundingKey.source) { $0.code($1, c.fundingSource) } ?? "",
                                   measure: ctx.read(f, FundingKey.measure) { $0.optionalString($1) } ?? nil,
                                   status: ctx.read(f, FundingKey.status) { ctx, n in ctx.code(n, c.fundingStatus).flatMap(FundingStatus.init(rawValue:)) } ?? .planned,
                                   amounts: ctx.read(f, FundingKey.amounts) { amounts(&$0, $1) } ?? YearAmounts())
            }
        } ?? []
        return Budget(costs: costs, funding: funding)
    }

    /// `{"2026": 240000, …}`: keys are years, values whole kroner. Every budget line has one,
    /// so the year keys are read from the bytes and the entries built in order, without a
    /// string, a dictionary or a sort per line.
    func amounts(_ ctx: inout DecodeContext, _ n: Int32) -> YearAmounts? {
        guard ctx.expect(n, .object) else { return nil }
        let doc = ctx.document
        let members = Int(doc.node(n).count) / 2
        var entries: [(year: Int, kroner: Int)] = []
        entries.reserveCapacity(members)
        var inOrder = true
        var child = n + 1
        for _ in 0..<members {
            let key = child, value = doc.node(key).next
            child = doc.node(value).next
            guard let y = doc.yearKey(key), (1900...2200).contains(y) else {
                let text = doc.string(key)
                ctx.at(text) { $0.error("invalid-year", key, "decode.amount-year", Sanitize.inline(text)) }
                continue
            }
            guard let kroner = ctx.at(keyNode: key, { $0.int(value) }) else { continue }
            // A repeated year is already a duplicate-key error; the first one counts.
            if entries.contains(where: { $0.year == y }) { continue }
            if let last = entries.last, last.year > y { inOrder = false }
            entries.append((y, kroner))
        }
        if !inOrder { entries.sort { $0.year < $1.year } }
        return YearAmounts(sorted: entries)
    }

    func year(_ ctx: inout DecodeContext, _ n: Int32) -> Int? {
        guard let y = ctx.int(n) else { return nil }
        if !(1900...2200).contains(y) {
            ctx.error("invalid-year", n, "decode.year", String(y))
        }
        return y
    }

    func yearMonth(_ ctx: inout DecodeContext, _ n: Int32) -> String? {
        guard let s = ctx.string(n) else { return nil }
        if YearMonth(s) == nil { ctx.error("invalid-date", n, "decode.year-month", Sanitize.inline(s)) }
        return s
    }

    func date(_ ctx: inout DecodeContext, _ n: Int32) -> String? {
        guard let s = ctx.string(n) else { return nil }
        if !ISODate.isValid(s) { ctx.error("invalid-date", n, "decode.invalid-date", Sanitize.inline(s)) }
        return s
    }

    func optionalDate(_ ctx: inout DecodeContext, _ n: Int32) -> String? {
        guard let s = ctx.string(n) else { return nil }
        if !s.isEmpty, !ISODate.isValid(s) { ctx.error("invalid-date", n, "decode.invalid-date", Sanitize.inline(s)) }
        return s
    }
}
