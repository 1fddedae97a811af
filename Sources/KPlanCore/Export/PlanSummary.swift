/// The short Norwegian summary `kplan show` prints: header, counts, findings, budget per
/// year, demand projection and gap closure per need. Plain text, 80 columns.
public enum PlanSummary {
    public static func render(_ plan: Plan, report: Report, catalog: Catalog = .bundled) -> String {
        var out = ""
        func line(_ s: String = "") { out += Sanitize.inline(s) + "\n" }
        let m = plan.municipality
        line("\(m.name) (\(m.number)\(m.county.isEmpty ? "" : ", " + m.county))")
        line(plan.title)
        line(Text.get("show.header", "\(plan.period.from)–\(plan.period.to)", Text.get("status.\(plan.status.rawValue)"),
                      [plan.owner.name, plan.owner.role].filter { !$0.isEmpty }.joined(separator: ", ")))
        line(Text.get("show.policies", plan.policies.joined(separator: ", ")))
        line()
        line(Text.get("show.counts", String(plan.needs.count), String(plan.measures.count), String(plan.trainingSlots.count),
                      String(plan.budget.costs.count + plan.budget.funding.count), String(plan.decisions.count),
                      String(plan.workingGroup.count)))
        line(Text.get("show.findings", DiagnosticRenderer.summary(report.diagnostics)))
        line()
        line(Text.get("show.budget.title"))
        line(Format.pad(Text.get("show.budget.year"), 6) + Format.pad(Text.get("show.budget.costs"), 15, right: true)
             + Format.pad(Text.get("show.budget.funding"), 15, right: true) + Format.pad(Text.get("show.budget.balance"), 14, right: true)
             + Format.pad(Text.get("show.budget.own"), 15, right: true) + Format.pad(Text.get("show.budget.grant"), 15, right: true))
        for y in report.figures.budget {
            line(Format.pad(String(y.year), 6) + Format.pad(Format.kroner(y.costs), 15, right: true)
                 + Format.pad(Format.kroner(y.fundingTotal), 15, right: true) + Format.pad(Format.signedKroner(y.balance), 14, right: true)
                 + Format.pad(Format.kroner(y.ownShare), 15, right: true) + Format.pad(Format.kroner(y.grant), 15, right: true))
        }
        let totalCost = report.figures.budget.reduce(0) { $0 + $1.costs }
        let totalFunding = report.figures.budget.reduce(0) { $0 + $1.fundingTotal }
        line(Format.pad(Text.get("show.total"), 6) + Format.pad(Format.kroner(totalCost), 15, right: true)
             + Format.pad(Format.kroner(totalFunding), 15, right: true) + Format.pad(Format.signedKroner(totalFunding - totalCost), 14, right: true))
        if !report.figures.demand.isEmpty {
            line()
            line(Text.get("show.demand.title"))
            let end = plan.period.to
            line(Format.pad(Text.get("show.demand.occupation"), 30) + Format.pad(String(plan.baseline.year), 9, right: true)
                 + Format.pad(String(end), 9, right: true) + Format.pad(Text.get("show.demand.growth"), 9, right: true)
                 + Format.pad(Text.get("show.demand.declared"), 11, right: true))
            for d in report.figures.demand {
                let atEnd = d.projected.last { $0.year <= end }?.fte ?? d.baseline
                // A long occupation wraps in its column rather than lose the words after the cut.
                let names = TableLayout.lines(Sanitize.inline(catalog.occupations.title(d.occupation)), 29)
                line(Format.pad(names[0], 30) + Format.pad(d.baseline.description, 9, right: true)
                     + Format.pad(atEnd.description, 9, right: true) + Format.pad(d.growth.description, 9, right: true)
                     + Format.pad(d.declared.description, 11, right: true))
                for more in names.dropFirst() { line(more) }
            }
        }
        if !report.figures.gaps.isEmpty {
            line()
            line(Text.get("show.gaps.title"))
            for (gap, need) in zip(report.figures.gaps, plan.needs) {
                let mark = gap.delivered >= gap.needed ? "✓" : "⚠"
                // The title wraps under itself, the figures on its first line.
                let id = Sanitize.inline(need.id) + " "
                let indent = String(repeating: " ", count: 2 + id.count)
                let titles = TableLayout.lines(Sanitize.inline(need.title), max(10, 44 - id.count))
                line("\(mark) " + Format.pad(id + titles[0], 44) + " "
                     + Text.get("show.gaps.row", gap.delivered.description, gap.needed.description, String(gap.year)))
                for more in titles.dropFirst() { line(indent + more) }
            }
        }
        return out
    }
}
