/// The plan document and the draft saksframlegg, in Norwegian, from the plan and the
/// engine's report: every number comes from the same figures the checks use.
public enum PlanDocument {
    public static func plan(_ plan: Plan, report: Report, catalog: Catalog = .bundled, policies: PolicySet = .bundled) -> ExportDocument {
        var d = ExportDocument(title: clean(plan.title), runningHead: runningHead(plan), author: author(plan))
        write(plan, report: report, catalog: catalog, policies: policies, into: &d)
        return d
    }

    /// The plan document as plain text, each block written out as it is made: on a large plan
    /// the whole document held at once was some 50 MB, cold again by the time it was read.
    public static func planText(_ plan: Plan, report: Report, catalog: Catalog = .bundled, policies: PolicySet = .bundled) -> [UInt8] {
        PlainTextRenderer.render(runningHead: runningHead(plan), reserving: estimatedSize(plan)) { text in
            write(plan, report: report, catalog: catalog, policies: policies, into: &text)
        }
    }

    /// The plan document as Markdown, written out as `planText` is.
    public static func planMarkdown(_ plan: Plan, report: Report, catalog: Catalog = .bundled, policies: PolicySet = .bundled) -> String {
        var markdown = MarkdownRenderer.Writer(reserving: estimatedSize(plan))
        write(plan, report: report, catalog: catalog, policies: policies, into: &markdown)
        return markdown.text
    }

    /// The plan document as groff -ms source, written out as `planText` is.
    public static func planGroff(_ plan: Plan, report: Report, catalog: Catalog = .bundled, policies: PolicySet = .bundled) -> String {
        var groff = GroffRenderer.Writer(runningHead: runningHead(plan), author: author(plan), reserving: estimatedSize(plan))
        write(plan, report: report, catalog: catalog, policies: policies, into: &groff)
        return groff.text
    }

    /// Bytes to reserve for the document, generously: memory reserved and never written
    /// costs nothing.
    static func estimatedSize(_ plan: Plan) -> Int {
        40_000 + bytesPerMeasure * plan.measures.count + 1_000 * plan.needs.count
            + 200 * (plan.trainingSlots.count + plan.budget.costs.count + plan.budget.funding.count + plan.waivers.count)
    }

    static let bytesPerMeasure = 1_500

    static func runningHead(_ plan: Plan) -> String { clean("\(plan.municipality.name) · \(plan.title)") }

    static func author(_ plan: Plan) -> String { clean(plan.municipality.name) }

    static func write<D: DocumentBuilder>(_ plan: Plan, report: Report, catalog: Catalog, policies: PolicySet, into d: inout D) {
        let m = plan.municipality
        d.heading(1, clean(plan.title))
        d.fields([
            (Text.get("export.municipality"), clean("\(m.name) (\(m.number))" + (m.county.isEmpty ? "" : ", \(m.county)"))),
            (Text.get("export.period"), "\(plan.period.from)–\(plan.period.to)"),
            (Text.get("export.status"), Text.get("status.\(plan.status.rawValue)")),
            (Text.get("export.owner"), clean([plan.owner.name, plan.owner.role].filter { !$0.isEmpty }.joined(separator: ", "))),
        ] + plan.decisions.map { (catalog.decisionKinds.title($0.kind), clean("\($0.body) \(Format.date($0.date)), sak \($0.caseNumber): \($0.title)")) })
        d.add(.pageBreak)

        d.heading(2, Text.get("export.summary"))
        let years = report.figures.budget
        let total = years.reduce(0) { $0 + $1.costs }, grant = years.reduce(0) { $0 + $1.grant }
        d.paragraph(Text.get("export.summary.text", String(plan.needs.count), String(plan.measures.count), String(plan.trainingSlots.count),
                             Format.kroner(total), Format.kroner(grant), DiagnosticRenderer.summary(report.diagnostics)))

        d.heading(2, Text.get("export.organisation"))
        d.table(.init(columns: [Text.get("ui.col.name"), Text.get("ui.col.role"), Text.get("ui.col.represents")], align: [.left, .left, .left],
                      rows: plan.workingGroup.map { [clean($0.name), catalog.memberRoles.title($0.role), clean($0.represents)] }))

        d.heading(2, Text.get("export.frameworks"))
        d.table(.init(columns: [Text.get("export.area"), Text.get("export.framework"), Text.get("ui.list.measures")], align: [.left, .left, .left],
                      rows: report.figures.coverage.map { c in
                          [clean(policies.areaTitle(c.area)), policies.pack(c.pack)?.id ?? c.pack,
                           c.measures.isEmpty ? Text.get("export.none") : c.measures.joined(separator: ", ")]
                      }))

        d.heading(2, Text.get("export.today"))
        d.table(.init(columns: [Text.get("ui.col.occupation"), Text.get("ui.col.fte"), Text.get("ui.col.headcount"), Text.get("export.vacant"),
                                Text.get("ui.col.turnover"), Text.get("ui.col.sickLeave"), Text.get("ui.col.partTime")],
                      align: [.left, .right, .right, .right, .right, .right, .right],
                      rows: plan.baseline.workforce.map { w in
                          [catalog.occupations.title(w.occupation), w.fte.description, String(w.headcount), w.vacantFte.description,
                           Format.percent(w.turnoverPct), Format.percent(w.sickLeavePct), Format.percent(w.partTimePct)]
                      }))

        d.heading(2, Text.get("export.future"))
        d.table(.init(columns: [Text.get("ui.col.year"), "67–79", "80–89", "90+"], align: [.left, .right, .right, .right],
                      rows: plan.baseline.population.map { [String($0.year), Format.grouped($0.age67to79), Format.grouped($0.age80to89), Format.grouped($0.age90plus)] }))
        d.table(.init(columns: [Text.get("ui.col.occupation"), String(plan.baseline.year), String(plan.period.to), Text.get("show.demand.growth"),
                                Text.get("show.demand.declared")], align: [.left, .right, .right, .right, .right],
                      rows: report.figures.demand.map { x in
                          [catalog.occupations.title(x.occupation), x.baseline.description,
                           (x.projected.last { $0.year <= plan.period.to }?.fte ?? x.baseline).description, x.growth.description, x.declared.description]
                      }))

        d.heading(2, Text.get("export.needs"))
        needSections(plan, catalog: catalog, into: &d)

        d.heading(2, Text.get("export.measures"))
        measureSections(plan, catalog: catalog, policies: policies, into: &d)

        d.heading(2, Text.get("export.training"))
        d.table(.init(columns: [Text.get("ui.col.programme"), Text.get("ui.col.measure"), Text.get("ui.col.startYear"), Text.get("ui.col.participants"),
                                Text.get("export.finished"), Text.get("export.fte-delivered")], align: [.left, .left, .right, .right, .right, .right],
                      rows: plan.trainingSlots.map { s in
                          [catalog.programme(s.programme)?.title ?? s.programme, s.measure, String(s.startYear), String(s.participants),
                           String(s.finishYear), s.fteDelivered.description]
                      }))

        // Participants in education and FTE they deliver, per year of the period.
        let trainingYears = plan.period.years
        d.table(.init(columns: [Text.get("export.per-year")] + trainingYears.map(String.init), align: [.left] + trainingYears.map { _ in .right },
                      rows: [
                          [Text.get("export.in-education")] + trainingYears.map { y in
                              String(plan.trainingSlots.filter { $0.startYear <= y && y < $0.finishYear }.reduce(0) { $0 + $1.participants })
                          },
                          [Text.get("export.fte-finished")] + trainingYears.map { y in
                              plan.trainingSlots.filter { $0.finishYear == y }.reduce(Hundredths.zero) { $0 + $1.fteDelivered }.description
                          },
                      ]))

        d.heading(2, Text.get("export.budget-title"))
        let ys = years.map(\.year)
        var rows: [[String]] = []
        for cat in catalog.costCategories {
            let lines = plan.budget.costs.filter { $0.category == cat.code }
            guard !lines.isEmpty else { continue }
            rows.append([cat.title] + ys.map { y in Format.grouped(lines.reduce(0) { $0 + $1.amounts[y] }) })
        }
        let costRows = rows.count
        rows.append([Text.get("ui.budget.costs")] + years.map { Format.grouped($0.costs) })
        for src in catalog.fundingSources {
            let lines = plan.budget.funding.filter { $0.source == src.code }
            guard !lines.isEmpty else { continue }
            rows.append([src.title] + ys.map { y in Format.grouped(lines.reduce(0) { $0 + $1.amounts[y] }) })
        }
        rows.append([Text.get("ui.budget.funding")] + years.map { Format.grouped($0.fundingTotal) })
        rows.append([Text.get("ui.budget.balance")] + years.map { Format.grouped($0.balance) })
        rows.append([Text.get("ui.budget.own-share")] + years.map { Format.grouped($0.ownShare) })
        d.table(.init(columns: [Text.get("export.kroner")] + ys.map(String.init), align: [.left] + ys.map { _ in .right }, rows: rows,
                      totalRows: [costRows, rows.count - 3, rows.count - 2]))

        d.heading(2, Text.get("export.findings"))
        let findings = report.diagnostics
        if findings.isEmpty {
            d.paragraph(Text.get("ui.findings.none"))
        } else {
            d.bullets(findings.map { f in
                let word = Text.get("export.severity." + f.severity.rawValue)
                return word + " (" + f.id + "): " + clean(f.message)
            })
        }
        if !plan.waivers.isEmpty {
            d.heading(3, Text.get("ui.list.waivers"))
            d.bullets(plan.waivers.map { clean("\($0.name): \($0.reason) (\($0.decidedBy), \(Format.date($0.date)))") })
        }

        d.heading(2, Text.get("export.follow-up"))
        d.paragraph(clean(plan.followUp.reporting))
        if !plan.followUp.revisionDate.isEmpty { d.paragraph(Text.get("export.revision", Format.date(plan.followUp.revisionDate))) }
    }

    /// A draft case presentation for the political body; the case officer completes it.
    public static func caseDraft(_ plan: Plan, report: Report, catalog: Catalog = .bundled, policies: PolicySet = .bundled) -> ExportDocument {
        let m = plan.municipality
        var d = ExportDocument(title: Text.get("case.title", clean(plan.title)), runningHead: clean("\(m.name) · \(Text.get("case.word"))"),
                           author: author(plan))
        d.heading(1, Text.get("case.title", clean(plan.title)))
        d.fields([(Text.get("case.case"), Text.get("case.fill-in")), (Text.get("case.officer"), clean(plan.owner.name.isEmpty ? Text.get("case.fill-in") : plan.owner.name)),
                  (Text.get("case.body"), plan.decisions.first { $0.kind == "plan-approval" }?.body ?? Text.get("case.body.default"))])
        d.heading(2, Text.get("case.proposal"))
        var items = [Text.get("case.proposal.adopt", clean(plan.title))]
        for y in report.figures.budget where y.costs > 0 {
            items.append(Text.get("case.proposal.year", String(y.year), Format.kroner(y.costs), Format.kroner(y.ownShare), Format.kroner(y.grant)))
        }
        items.append(Text.get("case.proposal.follow-up", plan.followUp.revisionDate.isEmpty ? Text.get("case.fill-in") : Format.date(plan.followUp.revisionDate)))
        d.bullets(items)
        d.heading(2, Text.get("case.facts"))
        d.paragraph(Text.get("case.facts.text", clean(m.name), String(plan.period.from), String(plan.period.to), String(plan.needs.count),
                             String(plan.measures.count), String(plan.workingGroup.count)))
        d.bullets(plan.decisions.map { clean("\($0.body) \(Format.date($0.date)) (sak \($0.caseNumber)): \($0.title)") })
        d.heading(2, Text.get("case.assessment"))
        let uncovered = report.figures.coverage.filter { policies.pack($0.pack)?.kind == .strategy && $0.measures.isEmpty }
        d.paragraph(uncovered.isEmpty ? Text.get("case.assessment.coverage") :
                        Text.get("case.assessment.uncovered", uncovered.map { policies.areaTitle($0.area) }.joined(separator: ", ")))
        let gaps = report.figures.gaps.filter { $0.delivered < $0.needed }
        d.paragraph(gaps.isEmpty ? Text.get("case.assessment.gaps-closed") :
                        Text.get("case.assessment.gaps", gaps.map { "\($0.need) (\($0.delivered.description) av \($0.needed.description))" }.joined(separator: ", ")))
        let deficits = report.figures.budget.filter { $0.balance < 0 }
        d.paragraph(deficits.isEmpty ? Text.get("case.assessment.balanced") :
                        Text.get("case.assessment.deficit", deficits.map { "\($0.year): \(Format.kroner(-$0.balance))" }.joined(separator: ", ")))
        // The politicians see what the check still finds, and what was waived and why, not
        // only how many: «1 advarsel» does not say that nurses fall short.
        let open = report.openFindings
        let waived = report.findings.filter(\.isWaived)
        if open.isEmpty && waived.isEmpty {
            d.paragraph(Text.get("case.assessment.findings", DiagnosticRenderer.summary(report.diagnostics)))
        } else {
            d.paragraph(Text.get("case.assessment.findings-listed", DiagnosticRenderer.summary(report.diagnostics)))
            d.bullets(open.map { Text.get("export.severity." + $0.diagnostic.severity.rawValue) + ": " + clean($0.diagnostic.message) }
                      + waived.map { Text.get("case.assessment.waived", clean($0.diagnostic.message), clean($0.waivedBecause ?? "")) })
        }
        d.heading(2, Text.get("case.attachments"))
        d.bullets([Text.get("case.attachment.plan", clean(plan.title))])
        return d
    }

    /// Each need with its fields. Like the measures, a large part of a large plan's document.
    static func needSections<D: DocumentBuilder>(_ plan: Plan, catalog: Catalog, into d: inout D) {
        let occupation = Text.get("ui.field.occupation"), fte = Text.get("ui.field.fte"), year = Text.get("ui.field.year"),
            service = Text.get("ui.field.service"), strategy = Text.get("ui.field.strategy"), rationale = Text.get("ui.field.rationale")
        func section(_ n: borrowing Need) {
            d.heading(3, clean("\(n.id) \(n.title)"))
            d.fields([(occupation, catalog.occupations.title(n.occupation)), (fte, n.fte.description), (year, String(n.year)),
                      (service, catalog.services.title(n.service)), (strategy, catalog.strategies.title(n.strategy)),
                      (rationale, clean(n.rationale))])
        }
        for i in plan.needs.indices { section(plan.needs[i]) }
    }

    /// Each measure under the K2025 area it names first, in plan order. On a large plan this
    /// is most of the document, so the labels are looked up once, and costs and funding are
    /// gathered by position rather than in dictionaries keyed by id. The sections are written
    /// in plan order, each area's into a part of its own, and placed area by area: the plan's
    /// text lies in memory in plan order, and read area by area, skipping, it was what made a
    /// large plan's export grow faster than the plan.
    static func measureSections<D: DocumentBuilder>(_ plan: Plan, catalog: Catalog, policies: PolicySet, into d: inout D) {
        let measures = plan.measures
        let index = IdIndex(measures.indices.map { measures[$0].id })
        var cost = [Int](repeating: 0, count: measures.count)
        for c in plan.budget.costs {
            if let i = index.firstIndex(of: c.measure) { cost[i] += c.amounts.total }
        }
        var funding = [String](repeating: "", count: measures.count)
        for f in plan.budget.funding {
            guard let m = f.measure, let i = index.firstIndex(of: m) else { continue }
            if !funding[i].isEmpty { funding[i] += "; " }
            funding[i] += "\(catalog.fundingSources.title(f.source)) \(Format.kroner(f.amounts.total))"
        }
        let areas = policies.k2025Areas
        var areaOf: [String: Int] = [:]
        for (n, area) in areas.enumerated() where areaOf[area.code] == nil { areaOf[area.code] = n }
        var measuresInArea = [Int](repeating: 0, count: areas.count)
        for i in measures.indices {
            if let code = measures[i].k2025.first, let n = areaOf[code] { measuresInArea[n] += 1 }
        }
        let responsible = Text.get("ui.field.responsible"), goal = Text.get("ui.field.goal"),
            targetGroup = Text.get("ui.field.targetGroup"), strategy = Text.get("ui.field.strategy"),
            implementation = Text.get("ui.field.implementation"), timeframe = Text.get("export.timeframe"),
            budget = Text.get("export.budget"), indicator = Text.get("ui.field.indicator"), needs = Text.get("ui.field.needs")
        // Borrowed, not copied: a copy of a measure retains and releases every one of its fields.
        func section(_ mm: borrowing Measure, at i: Int, into d: inout D) {
            let first = index.first(i)
            let fundedBy = funding[first]
            d.heading(4, clean("\(mm.id) \(mm.title)"))
            d.fields([(responsible, clean(mm.responsible)), (goal, clean(mm.goal)),
                      (targetGroup, clean(mm.targetGroup)), (strategy, catalog.strategies.title(mm.strategy)),
                      (implementation, clean(mm.implementation)), (timeframe, "\(mm.from) – \(mm.to)"),
                      (budget, Format.kroner(cost[first]) + (fundedBy.isEmpty ? "" : " (\(fundedBy))")),
                      (indicator, clean(mm.indicator)), (needs, mm.needs.joined(separator: ", "))])
        }
        var parts = measuresInArea.map { d.part(reserving: $0 * bytesPerMeasure) }
        for i in measures.indices {
            if let code = measures[i].k2025.first, let n = areaOf[code] { section(measures[i], at: i, into: &parts[n]) }
        }
        // A code that two packs both name lists its measures under each, as a filter per area did.
        for area in areas {
            guard let n = areaOf[area.code], measuresInArea[n] > 0 else { continue }
            d.heading(3, clean(area.title))
            d.place(parts[n])
        }
    }

    static func clean(_ s: String) -> String { Sanitize.inline(s) }
}
