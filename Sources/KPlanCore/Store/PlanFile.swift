/// A plan file read from disk: its bytes, what the decoder made of them, and the disk
/// version to compare against before saving.
public struct LoadedPlan: Sendable {
    public var path: String
    public var bytes: [UInt8]
    public var result: PlanDecoder.Result
    public var disk: DiskVersion

    public var plan: Plan? { result.plan }
    public var diagnostics: [Diagnostic] { result.diagnostics }
    public var hasErrors: Bool { result.hasErrors }
    public var renderer: DiagnosticRenderer { DiagnosticRenderer(fileName: path, bytes: bytes) }
}

public enum PlanFile {
    public static func load(_ path: String, decoder: PlanDecoder = PlanDecoder()) throws(StoreError) -> LoadedPlan {
        let bytes = try PlanStore.read(path)
        return LoadedPlan(path: path, bytes: bytes, result: decoder.decode(bytes), disk: DiskVersion(bytes: bytes))
    }

    /// Saves in canonical form; refuses when the file changed on disk since `loaded`.
    @discardableResult
    public static func save(_ plan: Plan, to path: String, expected: DiskVersion?) throws(StoreError) -> SaveOutcome {
        try PlanStore.write(PlanEncoder.encode(plan), to: path, expected: expected)
    }

    /// A new, valid plan with the current policy packs and nothing planned yet.
    public static func skeleton(municipality: String, number: String, county: String, from: Int, to: Int) -> Plan {
        var plan = Plan(municipality: Municipality(name: municipality, number: number, county: county),
                        title: Text.get("new.title", String(from), String(to)),
                        period: Period(from: from, to: to),
                        owner: Person(name: "", role: Text.get("new.owner-role")),
                        baseline: Baseline(year: from - 1))
        plan.policies = PolicySet.bundledIDs
        return plan
    }
}
