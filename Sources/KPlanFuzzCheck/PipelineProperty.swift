import KPlanCore

/// What must hold for any bytes a user can hand kplan, shared by the libFuzzer target
/// (Fuzz/) and the regression tests over the inputs it found.
///
/// Every stage a plan file goes through runs on the bytes — parse, decode, engine,
/// positions, rendered messages — and a plan that decodes without errors must survive the
/// canonical round trip, be equal to itself in the diff and in a merge, re-check an edit of
/// free text as a whole check does, and export, summarize and textconv without trapping.
public enum PipelineProperty {
    private static let decoder = PlanDecoder()
    private static let engine = Engine()

    /// The broken promise, or nil when the bytes are handled as they should be.
    public static func violation(_ bytes: [UInt8]) -> String? {
        guard splitParseAgrees(bytes) else { return "parsing in two halves must give the one-piece tape and messages" }
        let check = PlanCheck.run(bytes, decoder: decoder, engine: engine)
        let renderer = DiagnosticRenderer(fileName: "fuzz.kplan.json", bytes: bytes)
        for diagnostic in check.diagnostics { _ = renderer.render(diagnostic) }
        guard let plan = check.plan, let report = check.report, !decoder.decode(bytes).hasErrors else { return nil }

        let canonical = PlanEncoder.encode(plan)
        let again = decoder.decode(canonical)
        guard let reread = again.plan, !again.hasErrors else {
            return "a plan without errors must read back from its canonical form"
        }
        guard PlanEncoder.encode(reread) == canonical else { return "the canonical form must be a fixed point" }
        guard splitParseAgrees(canonical) else { return "parsing the canonical form in two halves must give the one-piece tape" }
        guard PlanDiffer.diff(plan, reread).isEmpty else { return "a plan must not differ from its own canonical form" }
        let merged = PlanMerge.merge(base: plan, ours: plan, theirs: reread)
        guard merged.conflicts.isEmpty, merged.keptOverDeletion.isEmpty, merged.bytes == canonical else {
            return "merging a plan with itself must give the plan"
        }
        guard recheckAgrees(plan) else { return "re-checking an edit must give what a whole check gives" }
        guard changesGoBothWays(plan) else {
            return "an edit's change must lead from the plan to the edited plan and back, also as read back from the journal"
        }
        let text = PlanDocument.planText(plan, report: report)
        guard isPagedText(text) else {
            return "plain text must be UTF-8 in pages of at most 64 lines, with no control character but newline and form feed"
        }
        let whole = PlanDocument.plan(plan, report: report)
        guard text == PlainTextRenderer.render(whole), PlanDocument.planMarkdown(plan, report: report) == MarkdownRenderer.render(whole),
              PlanDocument.planGroff(plan, report: report) == GroffRenderer.render(whole) else {
            return "the plan written out block by block must be the plan document rendered whole, in every format"
        }
        _ = GroffRenderer.render(PlanDocument.caseDraft(plan, report: report))
        // What kplan show and git's textconv print must come out too, whatever the plan holds.
        _ = PlanSummary.render(plan, report: report)
        _ = TextConv.render(plan)
        return nil
    }

    static func isPagedText(_ bytes: [UInt8]) -> Bool {
        var lines = 0
        for b in bytes {
            switch b {
            case 0x0A:
                lines += 1
                if lines > PlainTextRenderer.pageLines { return false }
            case 0x0C: lines = 0
            case ..<0x20, 0x7F: return false
            default: break
            }
        }
        return String(validating: bytes, as: UTF8.self) != nil
    }

    /// The edits `edited` makes, as the undo history and the recovery journal keep them.
    static func changesGoBothWays(_ plan: Plan) -> Bool {
        let (text, values) = edited(plan)
        return [text, values].allSatisfy { edit in
            guard let change = PlanChange(from: plan, to: edit) else { return edit == plan }
            var there = plan, back = edit
            change.apply(to: &there)
            change.reversed.apply(to: &back)
            let journaled = Journal.change(inRecord: Journal.recordBytes(change, edits: 1, now: .init(timeIntervalSince1970: 0)), decoder: decoder)
            return there == edit && back == plan && journaled == change && change.applies(to: plan)
        }
    }

    /// Edits of each `Engine.EditScope` short of a whole check. Text: fills in or empties the
    /// last measure's goal and the first need's title. Values: moves the last measure's FTE
    /// gain and end, and the first need's FTE and year.
    static func recheckAgrees(_ plan: Plan) -> Bool {
        let before = engine.run(plan)
        let (text, values) = edited(plan)
        return engine.recheck(text, after: before, scope: .text).report == engine.check(text)
            && engine.recheck(values, after: before, scope: .values).report == engine.check(values)
    }

    /// An edit of text and one of values (see `recheckAgrees`).
    static func edited(_ plan: Plan) -> (text: Plan, values: Plan) {
        var text = plan
        if let i = text.measures.indices.last { text.measures[i].goal = text.measures[i].goal.isEmpty ? "Mål" : "" }
        if !text.needs.isEmpty { text.needs[0].title = text.needs[0].title.isEmpty ? "Behov" : "" }
        var values = plan
        if let i = values.measures.indices.last {
            values.measures[i].fteGain = values.measures[i].fteGain == .zero ? Hundredths(raw: 150) : .zero
            values.measures[i].to = values.measures[i].to == "2026-12" ? "2031-06" : "2026-12"
        }
        if !values.needs.isEmpty {
            values.needs[0].fte = values.needs[0].fte == .zero ? Hundredths(raw: 300) : .zero
            values.needs[0].year = values.needs[0].year == 2030 ? 2028 : 2030
        }
        return (text, values)
    }

    /// The split parse is tried at any size here (kplan tries it from 1 MiB).
    static func splitParseAgrees(_ bytes: [UInt8]) -> Bool {
        let (whole, wholeMessages) = JSONParser.parse(bytes, splitAbove: .max)
        let (split, splitMessages) = JSONParser.parse(bytes, splitAbove: 0)
        return whole?.nodes == split?.nodes && wholeMessages == splitMessages
    }
}
