/// Collects findings for one check run. A finding names the rule, the JSON pointer of the
/// value concerned and the id of the plan item (for waivers).
struct Findings {
    var items: [Finding] = []

    mutating func add(_ rule: String, _ path: String, target: String = "", _ args: String...) {
        guard let r = Rules.rule(rule) else { preconditionFailure("unregistered rule \(rule)") }
        items.append(Finding(diagnostic: Diagnostic(r.severity, rule, Text.format("finding.\(rule)", args), path: path), target: target))
    }

    /// Adds a finding with a message key of its own (a rule with several messages).
    mutating func add(_ rule: String, message key: String, _ path: String, target: String = "", _ args: String...) {
        guard let r = Rules.rule(rule) else { preconditionFailure("unregistered rule \(rule)") }
        items.append(Finding(diagnostic: Diagnostic(r.severity, rule, Text.format(key, args), path: path), target: target))
    }
}

public struct Finding: Sendable, Equatable {
    public var diagnostic: Diagnostic
    /// Id of the need, measure, slot, budget line or decision concerned ("" for the plan).
    public var target: String
    /// The reason given in a waiver that covers this finding.
    public var waivedBecause: String?

    public var rule: String { diagnostic.id }
    public var isWaived: Bool { waivedBecause != nil }
}

/// JSON pointer helpers for findings.
enum Pointer {
    static func need(_ i: Int, _ key: String? = nil) -> String { item("needs", i, key) }
    static func measure(_ i: Int, _ key: String? = nil) -> String { item("measures", i, key) }
    static func slot(_ i: Int, _ key: String? = nil) -> String { item("trainingSlots", i, key) }
    static func cost(_ i: Int, _ key: String? = nil) -> String { "/budget" + item("costs", i, key) }
    static func funding(_ i: Int, _ key: String? = nil) -> String { "/budget" + item("funding", i, key) }
    static func item(_ list: String, _ i: Int, _ key: String?) -> String {
        key.map { "/\(list)/\(i)/\($0)" } ?? "/\(list)/\(i)"
    }
}
