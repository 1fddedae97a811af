/// A named check. Ids are stable kebab-case (they appear in waivers and CI logs);
/// descriptions and messages come from the string table (`rule.<id>`, `finding.<id>`).
public struct Rule: Sendable, Equatable {
    public enum Group: String, Sendable, CaseIterable { case structure, method, k2025, reform, grant, budget, demand, approval }

    public let id: String
    public let severity: Diagnostic.Severity
    public let group: Group
    /// The document and address the rule rests on.
    public let source: String

    public var description: String { Text.get("rule.\(id)") }
}

public enum Rules {
    static let ks = "KS: Strategisk kompetanseplanlegging, 7 steg – https://www.ks.no/fagomrader/arbeidsgiverpolitikk/kompetanse/strategisk-kompetanseplanlegging/"
    static let k2025 = "Kompetanseløft 2025 – https://www.helsedirektoratet.no/tema/kompetanseloft-2025/strategiomrader"
    static let lhl = "Meld. St. 15 (2017–2018) Leve hele livet – https://www.regjeringen.no/no/dokumenter/meld.-st.-15-20172018/id2599850/"
    static let post68 = "Kap. 761 post 68, Kompetanse- og tjenesteutviklingstilskudd – https://www.helsedirektoratet.no/tilskudd/kompetanse-og-tjenesteutviklingstilskudd"
    static let format = "kplan-formatet (kplan/1) – Plans/kplan.schema.json"

    public static let all: [Rule] = [
        Rule(id: "duplicate-id", severity: .error, group: .structure, source: format),
        Rule(id: "missing-id", severity: .error, group: .structure, source: format),
        Rule(id: "missing-reference", severity: .error, group: .structure, source: format),
        Rule(id: "year-outside-period", severity: .error, group: .structure, source: format),
        Rule(id: "negative-value", severity: .error, group: .structure, source: format),
        Rule(id: "measure-ends-before-start", severity: .error, group: .structure, source: format),
        Rule(id: "period-invalid", severity: .error, group: .structure, source: format),
        Rule(id: "need-incomplete", severity: .warning, group: .method, source: ks),
        Rule(id: "need-unaddressed", severity: .warning, group: .method, source: ks),
        Rule(id: "measure-incomplete", severity: .warning, group: .method, source: ks),
        Rule(id: "working-group-incomplete", severity: .warning, group: .method, source: ks),
        Rule(id: "revision-date-missing", severity: .warning, group: .method, source: ks),
        Rule(id: "population-missing", severity: .warning, group: .method, source: ks),
        Rule(id: "k2025-area-uncovered", severity: .warning, group: .k2025, source: k2025),
        Rule(id: "policy-not-named", severity: .warning, group: .reform, source: lhl),
        Rule(id: "reform-plan-decision-missing", severity: .warning, group: .reform, source: lhl),
        Rule(id: "grant-requires-decision", severity: .error, group: .grant, source: post68),
        Rule(id: "grant-ineligible-measure", severity: .error, group: .grant, source: post68),
        Rule(id: "grant-exceeds-eligible-costs", severity: .error, group: .grant, source: post68),
        Rule(id: "grant-without-own-share", severity: .warning, group: .grant, source: post68),
        Rule(id: "grant-unassigned", severity: .warning, group: .grant, source: post68),
        Rule(id: "development-projects-exceeded", severity: .error, group: .grant, source: post68),
        Rule(id: "grant-auditor-confirmation", severity: .note, group: .grant, source: post68),
        Rule(id: "budget-deficit", severity: .error, group: .budget, source: ks),
        Rule(id: "demand-not-covered", severity: .warning, group: .demand, source: ks),
        Rule(id: "need-gap", severity: .warning, group: .demand, source: ks),
        Rule(id: "education-load", severity: .warning, group: .demand, source: k2025),
        Rule(id: "approval-decision-missing", severity: .error, group: .approval, source: ks),
        Rule(id: "status-not-allowed", severity: .error, group: .approval, source: ks),
        Rule(id: "waiver-invalid", severity: .error, group: .approval, source: format),
    ]

    static let byID: [String: Rule] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    public static func rule(_ id: String) -> Rule? { byID[id] }
}
