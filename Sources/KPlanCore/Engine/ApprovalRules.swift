/// Waivers and the approval gate: `submitted` needs zero errors and no open warnings;
/// `approved` also needs the political decision.
enum ApprovalRules {
    static let waiverRules: Set<String> = ["waiver-invalid"]

    /// Marks warnings covered by a waiver and reports waivers that cover nothing real.
    static func applyWaivers(_ c: RuleContext, _ items: [Finding], _ f: inout Findings) -> [Finding] {
        let plan = c.plan
        var result = items.filter { !waiverRules.contains($0.rule) }
        guard !plan.waivers.isEmpty else { return result }
        // A target is looked up in the check's id indexes: a set of every id, built here, took
        // longer than the rest of the check on a 100 000-measure plan.
        let ids = c.lookups, decisions = Set(plan.decisions.map(\.id))
        func exists(_ id: String) -> Bool {
            ids.needs.firstIndex(of: id) != nil || ids.measures.firstIndex(of: id) != nil || ids.slots.firstIndex(of: id) != nil
                || ids.costs.firstIndex(of: id) != nil || ids.funding.firstIndex(of: id) != nil || decisions.contains(id)
        }
        let covered = WaiverIndex(result)
        for (i, w) in plan.waivers.enumerated() {
            let path = "/waivers/\(i)"
            guard let rule = Rules.rule(w.rule) else {
                f.add("waiver-invalid", message: "finding.waiver-invalid.rule", path + "/rule", Sanitize.inline(w.rule),
                      StructureRules.suggestion(w.rule, Rules.all.map(\.id), after: f))
                continue
            }
            if rule.severity == .error {
                f.add("waiver-invalid", message: "finding.waiver-invalid.error", path + "/rule", w.rule)
                continue
            }
            if !w.target.isEmpty, !exists(w.target) {
                f.add("waiver-invalid", message: "finding.waiver-invalid.target", path + "/target", Sanitize.inline(w.target),
                      StructureRules.suggestion(w.target, [ids.needs.ids, ids.measures.ids, ids.slots.ids, ids.costs.ids,
                                                           ids.funding.ids, Array(decisions)].joined(), after: f))
                continue
            }
            let incomplete = [("reason", w.reason), ("decidedBy", w.decidedBy), ("date", w.date)].filter { MethodRules.blank($0.1) }
            for (key, _) in incomplete {
                f.add("waiver-invalid", message: "finding.waiver-invalid.incomplete", path + "/" + key, w.rule, Text.get("field.waiver.\(key)"))
            }
            if !incomplete.isEmpty { continue }
            for k in covered.findings(rule: w.rule, target: w.target) { result[k].waivedBecause = w.reason }
        }
        return result
    }

    static func statusFindings(_ c: RuleContext, _ report: Report) -> [Finding] {
        var f = Findings()
        let plan = c.plan
        if plan.status != .draft, report.errors > 0 || report.openWarnings > 0 {
            f.add("status-not-allowed", "/status", plan.status.rawValue, String(report.errors), String(report.openWarnings))
        }
        if plan.status == .approved, approvalDecision(plan) == nil {
            f.add("approval-decision-missing", "/decisions")
        }
        return f.items
    }

    static func approvalDecision(_ plan: Plan) -> Decision? {
        plan.decisions.first { $0.kind == "plan-approval" && !MethodRules.blank($0.body) && !MethodRules.blank($0.caseNumber) && ISODate.isValid($0.date) }
    }
}

/// The findings a waiver can cover, by rule and by rule and target: looking them up per waiver
/// keeps a plan with thousands of waivers and findings linear.
private struct WaiverIndex {
    private var byRule: [String: [Int]] = [:]
    private var byTarget: [String: [String: [Int]]] = [:]

    init(_ findings: [Finding]) {
        for (k, finding) in findings.enumerated() {
            byRule[finding.rule, default: []].append(k)
            byTarget[finding.rule, default: [:]][finding.target, default: []].append(k)
        }
    }

    /// An empty target covers every finding of the rule.
    func findings(rule: String, target: String) -> [Int] {
        target.isEmpty ? byRule[rule] ?? [] : byTarget[rule]?[target] ?? []
    }
}
