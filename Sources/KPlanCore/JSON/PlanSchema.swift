/// Keys of each object in a plan file, in the order they are written. `CodingKey` gives each
/// case its name as `stringValue` without runtime reflection (which cost a fifth of a small
/// `kplan check`'s instructions at startup).
enum PlanKey: Int, CaseIterable, CodingKey { case format, municipality, title, period, owner, status, policies, decisions, workingGroup, followUp, baseline, needs, measures, trainingSlots, budget, waivers }
enum MunicipalityKey: Int, CaseIterable, CodingKey { case name, number, county }
enum PeriodKey: Int, CaseIterable, CodingKey { case from, to }
enum PersonKey: Int, CaseIterable, CodingKey { case name, role }
enum DecisionKey: Int, CaseIterable, CodingKey { case id, kind, title, body, `case`, date }
enum MemberKey: Int, CaseIterable, CodingKey { case name, role, represents }
enum FollowUpKey: Int, CaseIterable, CodingKey { case reporting, revisionDate }
enum BaselineKey: Int, CaseIterable, CodingKey { case year, demandWeights, workforce, population }
enum WeightsKey: Int, CaseIterable, CodingKey { case age67to79, age80to89, age90plus }
enum WorkforceKey: Int, CaseIterable, CodingKey { case occupation, fte, headcount, vacantFte, turnoverPct, sickLeavePct, partTimePct }
enum PopulationKey: Int, CaseIterable, CodingKey { case year, age67to79, age80to89, age90plus }
enum NeedKey: Int, CaseIterable, CodingKey { case id, title, service, occupation, fte, year, strategy, k2025, reform, rationale }
enum MeasureKey: Int, CaseIterable, CodingKey {
    case id, title, kind, strategy, needs, k2025, reform, responsible, targetGroup, goal, implementation, indicator, from, to, status, startedBefore, fteGain
}
enum SlotKey: Int, CaseIterable, CodingKey { case id, measure, programme, provider, qualifies, startYear, years, participants, fteGainEach }
enum BudgetKey: Int, CaseIterable, CodingKey { case costs, funding }
enum CostKey: Int, CaseIterable, CodingKey { case id, measure, category, amounts }
enum FundingKey: Int, CaseIterable, CodingKey { case id, source, measure, status, amounts }
enum WaiverKey: Int, CaseIterable, CodingKey { case rule, target, reason, decidedBy, date }

enum PlanSchema {
    static let plan = ObjectSchema(Text.get("schema.plan"), PlanKey.self)
    static let municipality = ObjectSchema(Text.get("schema.municipality"), MunicipalityKey.self)
    static let period = ObjectSchema(Text.get("schema.period"), PeriodKey.self)
    static let owner = ObjectSchema(Text.get("schema.owner"), PersonKey.self)
    static let decision = ObjectSchema(Text.get("schema.decision"), DecisionKey.self)
    static let member = ObjectSchema(Text.get("schema.member"), MemberKey.self)
    static let followUp = ObjectSchema(Text.get("schema.follow-up"), FollowUpKey.self)
    static let baseline = ObjectSchema(Text.get("schema.baseline"), BaselineKey.self)
    static let weights = ObjectSchema(Text.get("schema.weights"), WeightsKey.self)
    static let workforce = ObjectSchema(Text.get("schema.workforce"), WorkforceKey.self)
    static let population = ObjectSchema(Text.get("schema.population"), PopulationKey.self)
    static let need = ObjectSchema(Text.get("schema.need"), NeedKey.self)
    static let measure = ObjectSchema(Text.get("schema.measure"), MeasureKey.self)
    static let slot = ObjectSchema(Text.get("schema.slot"), SlotKey.self)
    static let budget = ObjectSchema(Text.get("schema.budget"), BudgetKey.self)
    static let cost = ObjectSchema(Text.get("schema.cost"), CostKey.self)
    static let funding = ObjectSchema(Text.get("schema.funding"), FundingKey.self)
    static let waiver = ObjectSchema(Text.get("schema.waiver"), WaiverKey.self)
}
