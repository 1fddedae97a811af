import Foundation
import Testing
@testable import KPlanCore

/// One fixture per rule where it fires (message, JSON pointer, line:column) and the
/// sample plan, where no rule fires at all.
@Suite struct EngineRuleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let rule: String
        let change: @Sendable (inout Plan) -> Void
        let path: String
        let message: String
        /// Text whose position the finding must point at (the n-th occurrence).
        let anchor: String
        var occurrence = 1
        /// Column of the anchor text to point at, when not its first character.
        var columnOffset = 0
        var testDescription: String { rule }
    }

    static func postFunding(_ p: inout Plan, measure: String?, _ amounts: [Int: Int]) {
        p.budget.funding.append(FundingLine(id: "F2", source: "post68", measure: measure, status: .applied, amounts: YearAmounts(amounts)))
    }

    /// T2 becomes an eligible course with a cost line of its own, funded partly by post 68.
    static func courseWithGrant(_ p: inout Plan, cost: Int, grant: Int, category: String = "kursavgift") {
        p.measures[1].kind = "etterutdanning"
        p.budget.costs.append(CostLine(id: "K2", measure: "T2", category: category, amounts: YearAmounts([2026: cost])))
        p.budget.funding[0].amounts[2026] += cost - grant
        postFunding(&p, measure: "T2", [2026: grant])
    }

    static let cases: [Case] = [
        Case(rule: "duplicate-id", change: { $0.needs.append($0.needs[0]); $0.measures[0].needs.append("B1") },
             path: "/needs/1/id", message: "id «B1» er brukt før (ved /needs/0)", anchor: "\"id\": \"B1\"", occurrence: 2, columnOffset: 6),
        Case(rule: "missing-id", change: { $0.measures[3].id = "" }, path: "/measures/3/id", message: "mangler id",
             anchor: "\"id\": \"\"", columnOffset: 6),
        Case(rule: "missing-reference", change: { $0.measures[0].needs = ["B1", "B9"] }, path: "/measures/0/needs/1",
             message: "tiltak T1 viser til behov «B9», som ikke finnes. mente du «B1»?", anchor: "\"B9\""),
        Case(rule: "year-outside-period", change: { $0.needs[0].year = 2031 }, path: "/needs/0/year",
             message: "året 2031 er utenfor planperioden 2026–2029", anchor: "\"year\": 2031", columnOffset: 8),
        Case(rule: "negative-value", change: { $0.needs[0].fte = Hundredths(raw: -100) }, path: "/needs/0/fte",
             message: "negativ verdi −1,0", anchor: "\"fte\": -1.0", columnOffset: 7),
        Case(rule: "measure-ends-before-start", change: { $0.measures[2].from = "2027-06"; $0.measures[2].to = "2027-01" },
             path: "/measures/2/to", message: "tiltak T3 slutter 2027-01, før det starter 2027-06", anchor: "\"to\": \"2027-01\"", columnOffset: 6),
        Case(rule: "need-incomplete", change: { $0.needs[0].rationale = " " }, path: "/needs/0/rationale",
             message: "behov B1 mangler begrunnelse", anchor: "\"rationale\": \" \"", columnOffset: 13),
        Case(rule: "need-unaddressed", change: { $0.measures[0].needs = [] }, path: "/needs/0",
             message: "behov B1 «Sykepleiere» har ingen tiltak", anchor: "\"needs\": [\n    {", columnOffset: 0),
        Case(rule: "measure-incomplete", change: { $0.measures[1].indicator = "" }, path: "/measures/1/indicator",
             message: "tiltak T2 mangler evaluering (indikator)", anchor: "\"indicator\": \"\"", columnOffset: 13),
        Case(rule: "working-group-incomplete", change: { $0.workingGroup.removeLast() }, path: "/workingGroup",
             message: "arbeidsgruppen har ingen verneombud; KS anbefaler at tillitsvalgte og verneombud er med",
             anchor: "\"workingGroup\": [", columnOffset: 16),
        Case(rule: "revision-date-missing", change: { $0.followUp.revisionDate = "" }, path: "/followUp/revisionDate",
             message: "planen har ingen revisjonsdato (followUp.revisionDate)", anchor: "\"revisionDate\": \"\"", columnOffset: 16),
        Case(rule: "population-missing", change: { $0.baseline.population.removeFirst() }, path: "/baseline/population",
             message: "befolkningstall mangler for utgangsåret 2025", anchor: "\"population\": [", columnOffset: 14),
        Case(rule: "k2025-area-uncovered", change: { $0.measures[3].k2025 = [] }, path: "/measures",
             message: "ingen tiltak i området «Ledelse, samhandling og planlegging» (ledelse) i Kompetanseløft 2025",
             anchor: "\"measures\": [", columnOffset: 12),
        Case(rule: "policy-not-named", change: { $0.policies.removeAll { $0 == "bo-trygt-hjemme" }; $0.measures[0].reform = ["bth.trygghet"] },
             path: "/measures/0/reform/0", message: "området bth.trygghet hører til policy-pakken «bo-trygt-hjemme», som ikke står i planens policies",
             anchor: "\"bth.trygghet\""),
        Case(rule: "reform-plan-decision-missing", change: { $0.decisions = [] }, path: "/decisions",
             message: "Leve hele livet – kvalitetsreformen for eldre (Meld. St. 15 (2017–2018)) forventer et vedtak av typen «Vedtatt plan for Leve hele livet», men planen har ingen slike vedtak",
             anchor: "\"decisions\": []", columnOffset: 13),
        Case(rule: "grant-requires-decision", change: { courseWithGrant(&$0, cost: 100_000, grant: 50_000); $0.decisions = [] },
             path: "/budget/funding/1", message: "F2: post 68-tilskudd til tiltak T2, som ikke er startet, krever vedtak: Vedtatt plan for Leve hele livet (plankravet i Leve hele livet)",
             anchor: "\"id\": \"F2\"", columnOffset: -6),
        Case(rule: "grant-ineligible-measure", change: { postFunding(&$0, measure: "T1", [2026: 10_000]) }, path: "/budget/funding/1/measure",
             message: "F2: post 68 kan ikke finansiere tiltak T1 (rekruttering)", anchor: "\"measure\": \"T1\"", occurrence: 2, columnOffset: 11),
        Case(rule: "grant-exceeds-eligible-costs", change: { courseWithGrant(&$0, cost: 100_000, grant: 50_000, category: "annet") },
             path: "/measures/1", message: "tiltak T2 2026: post 68-tilskudd 50 000 kr er mer enn tilskuddsberettigede kostnader 0 kr",
             anchor: "\"id\": \"T2\"", columnOffset: -6),
        Case(rule: "grant-without-own-share", change: { courseWithGrant(&$0, cost: 100_000, grant: 100_000) }, path: "/measures/1",
             message: "tiltak T2 2026: kommunal egenandel er 0 kr (krav: mer enn 0,0 %)", anchor: "\"id\": \"T2\"", columnOffset: -6),
        Case(rule: "grant-unassigned", change: { postFunding(&$0, measure: nil, [2026: 10_000]) }, path: "/budget/funding/1/measure",
             message: "F2: post 68-tilskudd må knyttes til et tiltak", anchor: "\"measure\": null", occurrence: 2, columnOffset: 11),
        Case(rule: "development-projects-exceeded", change: { p in
                 for i in 0..<6 {
                     var m = p.measures[1]
                     m.id = "P\(i)"; m.kind = "tjenesteutvikling"
                     p.measures.append(m)
                     p.budget.costs.append(CostLine(id: "KP\(i)", measure: m.id, category: "prosjektledelse", amounts: YearAmounts([2026: 20_000])))
                     p.budget.funding.append(FundingLine(id: "FP\(i)", source: "post68", measure: m.id, status: .applied, amounts: YearAmounts([2026: 10_000])))
                 }
                 p.budget.funding[0].amounts[2026] += 60_000
             }, path: "/budget/funding", message: "6 utviklingsprosjekter med tilskudd, høyst 5 er tillatt (P0, P1, P2, P3, P4, P5)",
             anchor: "\"funding\": [", columnOffset: 11),
        Case(rule: "grant-auditor-confirmation", change: { courseWithGrant(&$0, cost: 400_000, grant: 200_000) }, path: "/budget/funding",
             message: "2026: tilskudd 200 000 kr er over 200 000 kr; rapporten må bekreftes av revisor", anchor: "\"funding\": [", columnOffset: 11),
        Case(rule: "budget-deficit", change: { $0.budget.funding[0].amounts[2026] = 60_000 }, path: "/budget",
             message: "2026: underskudd på 40 000 kr (kostnader 100 000 kr, finansiering 60 000 kr)", anchor: "\"budget\": {", columnOffset: 10),
        Case(rule: "demand-not-covered", change: { $0.baseline.population[1].age80to89 = 800 }, path: "/baseline/workforce/0",
             message: "sykepleier: framskrevet vekst 8,89 årsverk innen 2029, men behovene i planen utgjør bare 2,0 årsverk",
             anchor: "\"workforce\": [\n      {", columnOffset: 0),
        Case(rule: "need-gap", change: { $0.measures[0].fteGain = Hundredths(1) }, path: "/needs/0/fte",
             message: "behov B1: tiltakene leverer 1,0 av 2,0 årsverk innen 2028", anchor: "\"fte\": 2.0", columnOffset: 7),
        Case(rule: "education-load", change: {
                 $0.trainingSlots = [TrainingSlot(id: "U1", measure: "T1", programme: "master-aks", provider: "UiB", qualifies: "spesialsykepleier",
                                                  startYear: 2026, years: 1, participants: 15, fteGainEach: .zero)]
             }, path: "/baseline/workforce/0", message: "sykepleier 2026: 3,0 årsverk borte på studier samtidig (15,0 % av bemanningen, grense 10,0 %)",
             anchor: "\"workforce\": [\n      {", columnOffset: 0),
        Case(rule: "approval-decision-missing", change: { $0.status = .approved }, path: "/decisions",
             message: "planen er godkjent, men mangler vedtak av typen plan-approval med organ, saksnummer og dato",
             anchor: "\"decisions\": [", columnOffset: 13),
        Case(rule: "status-not-allowed", change: { $0.status = .submitted; $0.followUp.revisionDate = "" }, path: "/status",
             message: "status «submitted» krever null feil og ingen åpne advarsler; planen har 0 feil og 1 åpen advarsel",
             anchor: "\"status\": \"submitted\"", columnOffset: 10),
        Case(rule: "waiver-invalid", change: { $0.waivers = [Waiver(rule: "need-gapp", target: "", reason: "r", decidedBy: "d", date: "2026-01-01")] },
             path: "/waivers/0/rule", message: "unntak for ukjent regel «need-gapp». mente du «need-gap»?", anchor: "\"need-gapp\""),
    ]

    static func check(_ plan: Plan) -> (PlanCheck, [UInt8]) {
        let source = PlanEncoder.encode(plan)
        return (PlanCheck.run(source, decoder: PlanDecoder(), engine: Engine()), source)
    }

    @Test func samplePlanIsClean() {
        let (check, _) = Self.check(Sample.plan)
        #expect(check.diagnostics.isEmpty, "\(check.diagnostics.map { "\($0.id): \($0.message)" })")
    }

    @Test func everyRuleHasAFixture() {
        #expect(Set(Self.cases.map(\.rule)).union(["period-invalid"]) == Set(Rules.all.map(\.id)))
    }

    @Test(arguments: cases)
    func ruleFires(_ c: Case) throws {
        var plan = Sample.plan
        c.change(&plan)
        let (check, source) = Self.check(plan)
        let found = check.diagnostics.filter { $0.id == c.rule }
        try #require(found.count == 1, "\(check.diagnostics.map { "\($0.id): \($0.message)" })")
        let d = found[0]
        #expect(d.message == c.message)
        #expect(d.path == c.path)
        #expect(d.severity == Rules.rule(c.rule)!.severity)
        let text = String(decoding: source, as: UTF8.self)
        let anchor = try #require(position(of: c.anchor.components(separatedBy: "\n").last!, in: text,
                                           occurrence: c.anchor.contains("\n") ? 1 : c.occurrence))
        var line = anchor.line
        if c.anchor.contains("\n") {
            let head = try #require(position(of: c.anchor.components(separatedBy: "\n")[0], in: text))
            line = head.line + c.anchor.components(separatedBy: "\n").count - 1
        }
        let indent = c.anchor.contains("\n") ? anchor.column + c.anchor.components(separatedBy: "\n").last!.count - 1 : anchor.column + c.columnOffset
        let at = located([d], in: source)[0]
        if c.columnOffset < 0 {
            // The finding points at the enclosing object: the "{" on the line above the anchor.
            #expect(at.line == line - 1)
        } else {
            #expect(at.line == line)
            #expect(at.column == indent)
        }
    }

    @Test func periodEndingBeforeItStarts() {
        var plan = Sample.plan
        plan.period = Period(from: 2026, to: 2025)
        let report = Engine().check(plan)
        let found = report.findings.filter { $0.rule == "period-invalid" }
        #expect(found.map(\.diagnostic.message) == ["planperioden 2026–2025 slutter før den starter"])
        #expect(found.first?.diagnostic.path == "/period/to")
    }

    /// A repeated need id is one defect (duplicate-id): a measure answering the id answers
    /// both needs, and a need nobody answers is reported for each copy.
    @Test func repeatedNeedIdIsADuplicateNotAnUnaddressedNeed() {
        var plan = Sample.plan
        plan.needs.append(plan.needs[0])
        let rules = Engine().check(plan).findings.map(\.rule)
        #expect(rules.filter { $0 == "duplicate-id" }.count == 1)
        #expect(!rules.contains("need-unaddressed"))
        for i in plan.measures.indices { plan.measures[i].needs.removeAll { $0 == plan.needs[0].id } }
        let unaddressed = Engine().check(plan).findings.filter { $0.rule == "need-unaddressed" }.map(\.diagnostic.path)
        #expect(unaddressed.contains("/needs/0") && unaddressed.contains("/needs/\(plan.needs.count - 1)"))
    }

    /// A need without a title, as one just added, is named by its id alone.
    @Test func anUntitledNeedIsNamedByItsId() {
        var plan = Sample.plan
        plan.needs[0].title = ""
        plan.measures[0].needs = []
        let messages = Engine().check(plan).findings.filter { $0.rule == "need-unaddressed" }.map(\.diagnostic.message)
        #expect(messages == ["behov B1 har ingen tiltak"])
    }

    /// Grant findings follow the plan's order of measures, as the file and the measure list
    /// do; in the order of their ids, T10 would come before T2.
    @Test func grantFindingsFollowThePlansOrder() {
        var plan = Sample.plan
        Self.courseWithGrant(&plan, cost: 100_000, grant: 150_000)
        plan.measures[2].id = "T10"
        plan.measures[2].kind = "etterutdanning"
        plan.budget.costs.append(CostLine(id: "K3", measure: "T10", category: "kursavgift", amounts: YearAmounts([2026: 100_000])))
        // Funding lines listed in the other order: the measures' order decides, not theirs.
        plan.budget.funding.insert(FundingLine(id: "F3", source: "post68", measure: "T10", status: .applied,
                                               amounts: YearAmounts([2026: 150_000])), at: 1)
        let exceeded = Engine().check(plan).findings.filter { $0.rule == "grant-exceeds-eligible-costs" }
        #expect(exceeded.map(\.diagnostic.path) == ["/measures/1", "/measures/2"])
    }

    @Test func waiverTurnsAWarningIntoANoteAndAllowsSubmission() {
        var plan = Sample.plan
        plan.followUp.revisionDate = ""
        plan.status = .submitted
        plan.waivers = [Waiver(rule: "revision-date-missing", target: "", reason: "Revideres med kommuneplanen",
                               decidedBy: "Kommunalsjef", date: "2026-03-01")]
        let report = Engine().check(plan)
        #expect(report.errors == 0)
        #expect(report.openWarnings == 0)
        #expect(report.diagnostics.map(\.severity) == [.note])
        #expect(report.diagnostics[0].message.hasSuffix("(unntak: Revideres med kommuneplanen)"))
    }

    @Test func waiverProblems() {
        var plan = Sample.plan
        plan.waivers = [
            Waiver(rule: "budget-deficit", target: "", reason: "r", decidedBy: "d", date: "2026-01-01"),
            Waiver(rule: "need-gap", target: "B7", reason: "r", decidedBy: "d", date: "2026-01-01"),
            Waiver(rule: "need-gap", target: "B1", reason: "", decidedBy: "d", date: "2026-01-01"),
            Waiver(rule: "need-gap", target: "B1", reason: "r", decidedBy: " ", date: ""),
        ]
        let messages = Engine().check(plan).findings.filter { $0.rule == "waiver-invalid" }.map(\.diagnostic.message)
        #expect(messages == ["regelen budget-deficit gjelder feil, og feil kan ikke unntas; rett feilen",
                             "unntak for «B7», som ikke finnes i planen. mente du «B1»?",
                             "unntak for need-gap mangler begrunnelse",
                             "unntak for need-gap mangler hvem som besluttet det", "unntak for need-gap mangler dato"])
    }

    /// A waiver may name any item with an id; only an id that is nowhere is refused.
    @Test func waiverTargetsAnyKindOfItem() throws {
        let plan = PlanGenerator.generate(needs: 20, measures: 20, years: 4, seed: 2)
        var waived = plan
        waived.decisions.append(Decision(id: "V1", kind: "plan-approval", title: "t", body: "b", caseNumber: "1", date: "2026-01-01"))
        let targets = try [#require(plan.needs.last?.id), #require(plan.measures.last?.id), #require(plan.trainingSlots.last?.id),
                           #require(plan.budget.costs.last?.id), #require(plan.budget.funding.last?.id), "V1", "Q404"]
        waived.waivers = targets.map { Waiver(rule: "need-gap", target: $0, reason: "r", decidedBy: "d", date: "2026-01-01") }
        let invalid = Engine().check(waived).findings.filter { $0.rule == "waiver-invalid" }
        #expect(invalid.map(\.diagnostic.path) == ["/waivers/6/target"])
    }

    @Test func examplePlanHasNoErrorsAndOnlyWarningsAPlannerWouldAgreeWith() throws {
        let check = PlanCheck.run(try readBytes(Paths.examplePlan), decoder: PlanDecoder(), engine: Engine())
        #expect(check.errors == 0)
        #expect(check.diagnostics.filter { $0.severity == .warning }.map(\.id) == ["demand-not-covered"])
    }
}
