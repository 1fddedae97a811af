import KPlanCore

/// Where a code field's choices come from.
public enum CodeSource: Sendable, Equatable {
    case occupation, programme, strategy, measureKind, costCategory, fundingSource, decisionKind, service, memberRole
    case k2025, reform, policy, measureStatus, fundingStatus, planStatus
    /// Ids of the plan's needs or measures.
    case needs, measures

    /// (code, title) pairs offered by a picker.
    func choices(_ plan: Plan, _ catalog: Catalog, _ policies: PolicySet) -> [(String, String)] {
        func entries(_ e: [CatalogEntry]) -> [(String, String)] { e.map { ($0.code, $0.title) } }
        func statuses<S: RawRepresentable & CaseIterable>(_ t: S.Type, _ prefix: String) -> [(String, String)] where S.RawValue == String {
            S.allCases.map { ($0.rawValue, Text.get(prefix + $0.rawValue)) }
        }
        switch self {
        case .occupation: return entries(catalog.occupations)
        case .programme: return catalog.programmes.map { ($0.code, $0.title) }
        case .strategy: return entries(catalog.strategies)
        case .measureKind: return entries(catalog.measureKinds)
        case .costCategory: return entries(catalog.costCategories)
        case .fundingSource: return entries(catalog.fundingSources)
        case .decisionKind: return entries(catalog.decisionKinds)
        case .service: return entries(catalog.services)
        case .memberRole: return entries(catalog.memberRoles)
        case .k2025: return entries(policies.k2025Areas)
        case .reform: return entries(policies.reformAreas)
        case .policy: return policies.packs.map { ($0.id, $0.title) }
        case .measureStatus: return statuses(MeasureStatus.self, "measure-status.")
        case .fundingStatus: return statuses(FundingStatus.self, "funding-status.")
        case .planStatus: return statuses(PlanStatus.self, "status.")
        case .needs: return plan.needs.map { ($0.id, $0.title) }
        case .measures: return plan.measures.map { ($0.id, $0.title) }
        }
    }
}

public enum FieldKind: Sendable, Equatable {
    case text
    case integer
    case year
    /// Fixed-point decimal with two decimals (FTE, percent).
    case decimal
    case kroner
    case yearMonth
    case date
    /// A date that may be left empty.
    case optionalDate
    case bool
    case code(CodeSource)
    case optionalCode(CodeSource)
    case codes(CodeSource)
}

/// One editable field of a plan item: its JSON key, its label in the string table and its kind.
public struct FieldSpec: Sendable, Equatable {
    public var key: String
    public var label: String
    public var kind: FieldKind

    public init(_ key: String, _ label: String, _ kind: FieldKind) {
        self.key = key; self.label = label; self.kind = kind
    }

    public var title: String { Text.has("ui.field.\(label)") ? Text.get("ui.field.\(label)") : label }
}

/// Why a typed value was not accepted; shown under the field being edited.
public struct FieldError: Error, Equatable, Sendable {
    public var message: String
    public init(_ key: String, _ args: String...) { message = Text.format(key, args) }
}

/// Text ⇄ value conversions shared by every field of every item.
enum FieldText {
    static func decimal(_ text: String) throws(FieldError) -> Hundredths {
        let t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard let v = Hundredths(json: t) else { throw FieldError("ui.error.decimal", text) }
        return v
    }

    static func integer(_ text: String) throws(FieldError) -> Int {
        let t = text.filter { !$0.isWhitespace && $0 != "\u{00A0}" }
        guard let v = Int(t) else { throw FieldError("ui.error.integer", text) }
        return v
    }

    static func kroner(_ text: String) throws(FieldError) -> Int {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.hasSuffix("kr") { t = String(t.dropLast(2)) }
        t = t.replacingOccurrences(of: "−", with: "-")
        return try integer(t)
    }

    static func year(_ text: String) throws(FieldError) -> Int {
        let v = try integer(text)
        guard (1900...2200).contains(v) else { throw FieldError("ui.error.year", text) }
        return v
    }

    static func yearMonth(_ text: String) throws(FieldError) -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard YearMonth(t) != nil else { throw FieldError("decode.year-month", text) }
        return t
    }

    static func date(_ text: String, optional: Bool = false) throws(FieldError) -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        if optional, t.isEmpty { return t }
        guard ISODate.isValid(t) else { throw FieldError("decode.invalid-date", text) }
        return t
    }

    static func bool(_ text: String) throws(FieldError) -> Bool {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "ja", "j", "true", "sann": return true
        case "nei", "n", "false", "usann": return false
        default: throw FieldError("ui.error.bool", text)
        }
    }

    static func show(_ b: Bool) -> String { b ? Text.get("ui.yes") : Text.get("ui.no") }

    static func codes(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

import Foundation
