/// Decode + engine + positions: what `kplan check` shows for one file's bytes.
public struct PlanCheck: Sendable {
    public var plan: Plan?
    public var report: Report?
    /// Decoder and engine diagnostics, with positions, sorted by position.
    public var diagnostics: [Diagnostic]
    /// The file is not valid JSON or not a plan of a format this kplan reads.
    public var unreadable: Bool

    public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }

    public static func run(_ bytes: [UInt8], decoder: PlanDecoder, engine: Engine) -> PlanCheck {
        run(SourceBytes(bytes), decoder: decoder, engine: engine)
    }

    public static func run(_ bytes: SourceBytes, decoder: PlanDecoder, engine: Engine) -> PlanCheck {
        let decoded = decoder.decode(bytes)
        guard let plan = decoded.plan, let document = decoded.document else {
            return PlanCheck(plan: nil, report: nil, diagnostics: DiagnosticRenderer.sorted(decoded.diagnostics), unreadable: true)
        }
        let report = engine.check(plan)
        // While the file has decoding errors the engine's judgement rests on guesses: keep
        // only its errors (a broken reference is a defect of its own), and none about a
        // value the decoder already rejected.
        let rejected = decoded.diagnostics.filter { $0.severity == .error }.map(\.path)
        let engineFindings = report.diagnostics.filter { d in
            if !rejected.isEmpty, d.severity != .error { return false }
            return !rejected.contains { r in !r.isEmpty && (d.path == r || d.path.hasPrefix(r + "/")) }
        }
        var resolver = PointerResolver(document: document)
        let all = decoded.diagnostics + resolver.locate(engineFindings)
        return PlanCheck(plan: plan, report: report, diagnostics: DiagnosticRenderer.sorted(all), unreadable: decoded.hasSyntaxErrors)
    }
}
