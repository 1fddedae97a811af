import KPlanCore
import TermUI

/// Each list of items in a plan, with what the screens need to show, edit, add and delete them.
public enum ItemList: String, Sendable, CaseIterable {
    case header, needs, measures, slots, costs, funding, workforce, population, decisions, members, waivers

    /// JSON pointer of the list (for findings and jumps).
    var pointer: String {
        switch self {
        case .header: return ""
        case .needs: return "/needs"
        case .measures: return "/measures"
        case .slots: return "/trainingSlots"
        case .costs: return "/budget/costs"
        case .funding: return "/budget/funding"
        case .workforce: return "/baseline/workforce"
        case .population: return "/baseline/population"
        case .decisions: return "/decisions"
        case .members: return "/workingGroup"
        case .waivers: return "/waivers"
        }
    }

    public var title: String { Text.get("ui.list.\(rawValue)") }
    /// The word for one item, in messages ("tiltak", "behov").
    var itemWord: String { Text.get("ui.item.\(rawValue)") }

    func count(_ plan: Plan) -> Int {
        switch self {
        case .header: return 1
        case .needs: return plan.needs.count
        case .measures: return plan.measures.count
        case .slots: return plan.trainingSlots.count
        case .costs: return plan.budget.costs.count
        case .funding: return plan.budget.funding.count
        case .workforce: return plan.baseline.workforce.count
        case .population: return plan.baseline.population.count
        case .decisions: return plan.decisions.count
        case .members: return plan.workingGroup.count
        case .waivers: return plan.waivers.count
        }
    }

    func fields(_ plan: Plan) -> [FieldSpec] {
        let years = plan.period.years.map { FieldSpec(String($0), String($0), .kroner) }
        switch self {
        case .header: return PlanHeader.fields
        case .needs: return Need.fields
        case .measures: return Measure.fields
        case .slots: return TrainingSlot.fields
        case .costs: return [FieldSpec("id", "id", .text), FieldSpec("measure", "measure", .code(.measures)),
                             FieldSpec("category", "category", .code(.costCategory))] + years
        case .funding: return [FieldSpec("id", "id", .text), FieldSpec("source", "source", .code(.fundingSource)),
                               FieldSpec("measure", "measure", .optionalCode(.measures)),
                               FieldSpec("status", "status", .code(.fundingStatus))] + years
        case .workforce: return Workforce.fields
        case .population: return PopulationYear.fields
        case .decisions: return Decision.fields
        case .members: return Member.fields
        case .waivers: return Waiver.fields
        }
    }

    func item(_ plan: Plan, _ i: Int) -> any EditableItem {
        switch self {
        case .header: return PlanHeader(plan: plan)
        case .needs: return plan.needs[i]
        case .measures: return plan.measures[i]
        case .slots: return plan.trainingSlots[i]
        case .costs: return plan.budget.costs[i]
        case .funding: return plan.budget.funding[i]
        case .workforce: return plan.baseline.workforce[i]
        case .population: return plan.baseline.population[i]
        case .decisions: return plan.decisions[i]
        case .members: return plan.workingGroup[i]
        case .waivers: return plan.waivers[i]
        }
    }

    func value(_ plan: Plan, _ i: Int, _ key: String) -> String { item(plan, i).value(key) }

    func set(_ plan: inout Plan, _ i: Int, _ key: String, _ text: String) throws(FieldError) {
        switch self {
        case .header:
            var h = PlanHeader(plan: plan)
            try h.set(key, text)
            plan = h.plan
        case .needs: try plan.needs[i].set(key, text)
        case .measures: try plan.measures[i].set(key, text)
        case .slots: try plan.trainingSlots[i].set(key, text)
        case .costs: try plan.budget.costs[i].set(key, text)
        case .funding: try plan.budget.funding[i].set(key, text)
        case .workforce: try plan.baseline.workforce[i].set(key, text)
        case .population: try plan.baseline.population[i].set(key, text)
        case .decisions: try plan.decisions[i].set(key, text)
        case .members: try plan.workingGroup[i].set(key, text)
        case .waivers: try plan.waivers[i].set(key, text)
        }
    }

    var canAdd: Bool { self != .header }

    /// Adds a new item with a fresh id and sensible defaults; returns its index. A decision or
    /// waiver is dated `today` where the caller knows the date, else at the start of the period.
    func insert(_ plan: inout Plan, today: String? = nil) -> Int {
        let year = plan.period.from
        let date = today ?? "\(year)-01-01"
        switch self {
        case .header: return 0
        case .needs:
            plan.needs.append(Need(id: Self.freshID("B", plan.needs.map(\.id)), title: "", service: "hele-tjenesten",
                                   occupation: "sykepleier", fte: Hundredths(1), year: plan.period.to, strategy: "anskaffe"))
            return plan.needs.count - 1
        case .measures:
            plan.measures.append(Measure(id: Self.freshID("T", plan.measures.map(\.id)), title: "", kind: "etterutdanning",
                                         strategy: "utvikle", from: "\(year)-01", to: "\(plan.period.to)-12"))
            return plan.measures.count - 1
        case .slots:
            plan.trainingSlots.append(TrainingSlot(id: Self.freshID("U", plan.trainingSlots.map(\.id)), measure: plan.measures.first?.id ?? "",
                                                   programme: "abc-eldreomsorg", provider: "", qualifies: nil, startYear: year, years: 1,
                                                   participants: 1, fteGainEach: .zero))
            return plan.trainingSlots.count - 1
        case .costs:
            plan.budget.costs.append(CostLine(id: Self.freshID("K", plan.budget.costs.map(\.id)), measure: plan.measures.first?.id ?? "",
                                              category: "vikarutgifter", amounts: YearAmounts()))
            return plan.budget.costs.count - 1
        case .funding:
            plan.budget.funding.append(FundingLine(id: Self.freshID("F", plan.budget.funding.map(\.id)), source: "egen-ramme", measure: nil,
                                                   status: .planned, amounts: YearAmounts()))
            return plan.budget.funding.count - 1
        case .workforce:
            plan.baseline.workforce.append(Workforce(occupation: "sykepleier", fte: .zero, headcount: 0))
            return plan.baseline.workforce.count - 1
        case .population:
            let next = (plan.baseline.population.map(\.year).max() ?? plan.baseline.year - 1) + 1
            let last = plan.baseline.population.last
            plan.baseline.population.append(PopulationYear(year: next, age67to79: last?.age67to79 ?? 0, age80to89: last?.age80to89 ?? 0,
                                                           age90plus: last?.age90plus ?? 0))
            return plan.baseline.population.count - 1
        case .decisions:
            plan.decisions.append(Decision(id: Self.freshID("V", plan.decisions.map(\.id)), kind: "annet", title: "", body: "Kommunestyret",
                                           caseNumber: "", date: date))
            return plan.decisions.count - 1
        case .members:
            plan.workingGroup.append(Member(name: "", role: "ansatt", represents: ""))
            return plan.workingGroup.count - 1
        case .waivers:
            plan.waivers.append(Waiver(rule: "", target: "", reason: "", decidedBy: plan.owner.role, date: date))
            return plan.waivers.count - 1
        }
    }

    func remove(_ plan: inout Plan, _ i: Int) {
        switch self {
        case .header: break
        case .needs: plan.needs.remove(at: i)
        case .measures: plan.measures.remove(at: i)
        case .slots: plan.trainingSlots.remove(at: i)
        case .costs: plan.budget.costs.remove(at: i)
        case .funding: plan.budget.funding.remove(at: i)
        case .workforce: plan.baseline.workforce.remove(at: i)
        case .population: plan.baseline.population.remove(at: i)
        case .decisions: plan.decisions.remove(at: i)
        case .members: plan.workingGroup.remove(at: i)
        case .waivers: plan.waivers.remove(at: i)
        }
    }

    /// The next unused id with the prefix ("T14" after T13); ids are never reused.
    static func freshID(_ prefix: String, _ used: [String]) -> String {
        let numbers = used.compactMap { $0.hasPrefix(prefix) ? Int($0.dropFirst(prefix.count)) : nil }
        return prefix + String((numbers.max() ?? 0) + 1)
    }

    /// A short name for messages: `tiltak T3 «Menn i helse»`.
    func describe(_ plan: Plan, _ i: Int) -> String {
        let title = item(plan, i).value("title")
        return itemWord + " " + name(plan, i) + (title.isEmpty ? "" : " «" + Sanitize.inline(title) + "»")
    }

    /// The field that names an item: its id, or for items without one the occupation, year,
    /// member's name or waived rule.
    private var nameField: String {
        self == .workforce ? "occupation" : self == .population ? "year" : self == .members ? "name" : self == .waivers ? "rule" : "id"
    }

    /// The widest of the budget's sums per year and over the period, as the budget screen
    /// writes them (a deficit marked with «✗»); never narrower than «100 000».
    static func amountWidth(_ budget: [BudgetYear]) -> Int {
        func width(_ values: [Int]) -> Int {
            let total = values.reduce(0, +)
            return (values + [total]).reduce(0) { max($0, Format.grouped($1).count + ($1 < 0 ? 1 : 0)) }
        }
        return max(7, width(budget.map(\.costs)), width(budget.map(\.fundingTotal)), width(budget.map(\.balance)), width(budget.map(\.ownShare)))
    }

    /// What names the item in its list, as it is shown.
    func name(_ plan: Plan, _ i: Int) -> String { Sanitize.inline(item(plan, i).value(nameField)) }

    /// The item's key as the diff matches items (`PlanDiffer.lists`): a waiver's rule and target.
    func diffKey(_ plan: Plan, _ i: Int) -> String {
        self == .waivers ? plan.waivers[i].rule + "/" + plan.waivers[i].target : item(plan, i).value(nameField)
    }

    /// Table columns and their cells. Amounts take the room the budget's sums need (`budget`,
    /// the engine's figures), which no line's amount exceeds, and leave the rest to the text.
    func columns(_ plan: Plan, budget: [BudgetYear]) -> [Widgets.Column] {
        func c(_ key: String, _ w: Int, right: Bool = false, flex: Bool = false) -> Widgets.Column {
            Widgets.Column(Text.get("ui.col.\(key)"), w, right: right, flex: flex)
        }
        switch self {
        case .header: return [c("field", 24), c("value", 40, flex: true)]
        case .needs: return [c("id", 4), c("occupation", 16), c("fte", 6, right: true), c("year", 5), c("title", 30, flex: true)]
        case .measures: return [c("id", 4), c("kind", 15), c("from", 7), c("to", 7), c("title", 30, flex: true)]
        case .slots: return [c("id", 4), c("measure", 6), c("participants", 5, right: true), c("startYear", 5), c("programme", 30, flex: true)]
        case .costs, .funding:
            let first = [c("id", 4), c("measure", 6), c(self == .costs ? "category" : "source", 18, flex: true)]
            let w = Self.amountWidth(budget)
            return first + plan.period.years.map { Widgets.Column(String($0), w, right: true) } + [c("total", w, right: true)]
        case .workforce: return [c("occupation", 22, flex: true), c("fte", 7, right: true), c("headcount", 7, right: true),
                                 c("turnover", 8, right: true), c("sickLeave", 8, right: true), c("partTime", 8, right: true)]
        case .population: return [c("year", 6), c("age67to79", 8, right: true), c("age80to89", 8, right: true), c("age90plus", 8, right: true)]
        case .decisions: return [c("id", 4), c("decisionKind", 16), c("date", 10), c("case", 10), c("title", 30, flex: true)]
        case .members: return [c("name", 20), c("role", 14), c("represents", 30, flex: true)]
        case .waivers: return [c("rule", 22), c("target", 6), c("reason", 30, flex: true)]
        }
    }

    func cells(_ plan: Plan, _ i: Int, catalog: Catalog) -> [String] {
        switch self {
        case .header: return []
        case .needs:
            let n = plan.needs[i]
            return [n.id, catalog.occupations.title(n.occupation), n.fte.description, String(n.year), Sanitize.inline(n.title)]
        case .measures:
            let m = plan.measures[i]
            return [m.id, catalog.measureKinds.title(m.kind), m.from, m.to, Sanitize.inline(m.title)]
        case .slots:
            let s = plan.trainingSlots[i]
            return [s.id, s.measure, String(s.participants), String(s.startYear), catalog.programme(s.programme)?.title ?? s.programme]
        case .costs:
            let l = plan.budget.costs[i]
            return [l.id, l.measure, catalog.costCategories.title(l.category)] + plan.period.years.map { l.amounts[$0] == 0 ? "" : Format.grouped(l.amounts[$0]) } + [Format.grouped(l.amounts.total)]
        case .funding:
            let l = plan.budget.funding[i]
            return [l.id, l.measure ?? "", catalog.fundingSources.title(l.source)] + plan.period.years.map { l.amounts[$0] == 0 ? "" : Format.grouped(l.amounts[$0]) } + [Format.grouped(l.amounts.total)]
        case .workforce:
            let w = plan.baseline.workforce[i]
            return [catalog.occupations.title(w.occupation), w.fte.description, String(w.headcount), w.turnoverPct.description,
                    w.sickLeavePct.description, w.partTimePct.description]
        case .population:
            let p = plan.baseline.population[i]
            return [String(p.year), Format.grouped(p.age67to79), Format.grouped(p.age80to89), Format.grouped(p.age90plus)]
        case .decisions:
            let d = plan.decisions[i]
            return [d.id, catalog.decisionKinds.title(d.kind), d.date, d.caseNumber, Sanitize.inline(d.title)]
        case .members:
            let m = plan.workingGroup[i]
            return [Sanitize.inline(m.name), catalog.memberRoles.title(m.role), Sanitize.inline(m.represents)]
        case .waivers:
            let w = plan.waivers[i]
            return [w.rule, w.target, Sanitize.inline(w.reason)]
        }
    }

    /// Text searched by `/`.
    func searchText(_ plan: Plan, _ i: Int, catalog: Catalog) -> String {
        cells(plan, i, catalog: catalog).joined(separator: " ").lowercased()
    }
}
