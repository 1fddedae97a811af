/// Status changes that carry data: approval records the political decision in the plan.
public enum Approval {
    public static func approve(_ plan: Plan, body: String, caseNumber: String, date: String) -> Plan {
        var p = plan
        p.status = .approved
        let used = Set(p.decisions.map(\.id))
        var n = p.decisions.count + 1
        while used.contains("V\(n)") { n += 1 }
        p.decisions.append(Decision(id: "V\(n)", kind: "plan-approval", title: Text.get("approval.title", p.title),
                                    body: body, caseNumber: caseNumber, date: date))
        return p
    }
}
