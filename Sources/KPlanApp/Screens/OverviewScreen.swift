import KPlanCore
import TermUI

/// `1 Oversikt`: the plan at a glance — status, findings, K2025 × reform coverage,
/// budget per year and projected demand against planned FTE per occupation.
enum OverviewScreen {
    static func draw(_ g: inout Grid, _ area: Rect, _ s: AppState) {
        let r = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: area.height)
        let plan = s.plan
        func st(_ role: String) -> Style { s.theme.style(role, colors: s.colors) }
        var y = r.y
        g.put(Sanitize.inline(plan.title), x: r.x, y: y, style: st("title"), clip: r)
        y += 1
        let m = plan.municipality
        let who = [plan.owner.name, plan.owner.role].filter { !$0.isEmpty }.joined(separator: ", ")
        g.put(Sanitize.inline("\(m.name) (\(m.number)) · \(plan.period.from)–\(plan.period.to) · \(Text.get("status.\(plan.status.rawValue)")) · \(who)"),
              x: r.x, y: y, style: st("muted"), clip: r)
        y += 1
        let summary = Text.get("ui.overview.counts", String(plan.needs.count), String(plan.measures.count), String(plan.trainingSlots.count),
                               String(plan.decisions.count), String(plan.workingGroup.count))
        g.put(summary, x: r.x, y: y, clip: r)
        y += 1
        let e = s.report.errors, w = s.report.openWarnings
        let findingsLine = "✗ " + Text.get("ui.overview.errors", String(e)) + "   ⚠ " + Text.get("ui.overview.warnings", String(w))
            + "   " + Text.get("ui.overview.more", s.keymap.keys(for: "screen-7").first?.name ?? "7")
        g.put(findingsLine, x: r.x, y: y, style: st(e > 0 ? "diag.error" : w > 0 ? "diag.warning" : "diag.ok"), clip: r)
        y += 2
        let rest = Rect(x: r.x, y: y, width: r.width, height: r.maxY - y)
        let matrixHeight = 3 + s.report.figures.coverage.filter { s.policies.pack($0.pack)?.kind == .strategy }.count
        if rest.width >= 100 {
            let (left, right) = rest.left(rest.width / 2)
            let (budgetRect, below) = left.top(min(left.height, plan.period.years.count + 3))
            drawBudget(&g, budgetRect, s)
            let legend = coverageLegend(s, width: left.width)
            let (coverageRect, findingsRect) = below.top(min(below.height, matrixHeight + legend.count))
            drawCoverage(&g, coverageRect, s, legend: legend)
            drawTopFindings(&g, Rect(x: findingsRect.x, y: findingsRect.y, width: findingsRect.width - 1, height: findingsRect.height), s)
            drawDemand(&g, Rect(x: right.x + 2, y: right.y, width: right.width - 2, height: right.height), s)
        } else {
            let (budgetRect, below) = rest.top(min(rest.height, plan.period.years.count + 3))
            drawBudget(&g, budgetRect, s)
            // The legend only where the demand chart keeps all its rows.
            var legend = coverageLegend(s, width: below.width)
            let demandRows = s.report.figures.demand.filter { $0.growth.raw > 0 || $0.declared.raw > 0 }.count + 3
            if below.height < matrixHeight + legend.count + demandRows { legend = [] }
            let (coverageRect, demandRect) = below.top(min(below.height, matrixHeight + legend.count))
            drawCoverage(&g, coverageRect, s, legend: legend)
            drawDemand(&g, demandRect, s)
        }
    }

    /// The first errors and warnings, so the kommunalsjef sees what blocks submission.
    static func drawTopFindings(_ g: inout Grid, _ r: Rect, _ s: AppState) {
        let open = s.report.findings.filter { !$0.isWaived && $0.diagnostic.severity != .note }
        guard r.height >= 2, !open.isEmpty else { return }
        g.put(Text.get("ui.overview.findings"), x: r.x, y: r.y, style: s.theme.style("header", colors: s.colors), clip: r)
        var y = r.y + 1
        for f in open {
            let lines = DisplayWidth.wrap(ListScreen.mark(f) + f.diagnostic.message, to: r.width)
            for l in lines where y < r.maxY {
                g.put(l, x: r.x, y: y, style: s.theme.style(ListScreen.role(f), colors: s.colors), clip: r)
                y += 1
            }
            if y >= r.maxY { break }
        }
    }

    static func drawBudget(_ g: inout Grid, _ r: Rect, _ s: AppState) {
        guard r.height >= 2 else { return }
        g.put(Text.get("ui.overview.budget"), x: r.x, y: r.y, style: s.theme.style("header", colors: s.colors), clip: r)
        let years = s.report.figures.budget
        let maxCost = years.map { max($0.costs, $0.fundingTotal) }.max() ?? 0
        let barWidth = max(4, r.width - 42)
        for (i, y) in years.prefix(r.height - 2).enumerated() {
            let row = r.y + 1 + i
            var x = g.put(String(y.year) + " ", x: r.x, y: row, clip: r)
            let bar = DisplayWidth.fit(Widgets.bar(value: y.costs, max: maxCost, width: barWidth), to: barWidth)
            x = g.put(bar, x: x, y: row, style: s.theme.style("bar", colors: s.colors), clip: r)
            x = g.put(" " + DisplayWidth.fit(Format.kroner(y.costs), to: 14, alignRight: true), x: x, y: row, clip: r)
            let balance = y.balance < 0 ? "✗ " + Format.signedKroner(y.balance) : (y.balance == 0 ? "± 0 kr" : Format.signedKroner(y.balance))
            g.put(" " + DisplayWidth.fit(balance, to: 16, alignRight: true), x: x, y: row,
                  style: s.theme.style(y.balance < 0 ? "diag.error" : "muted", colors: s.colors), clip: r)
        }
    }

    /// A reform area's column heading: the first letters of its code without the pack.
    static func shortName(_ area: String) -> String { String((area.split(separator: ".").last ?? "").prefix(3)) }

    /// What the reform areas' short names stand for, as whole entries packed into lines.
    static func coverageLegend(_ s: AppState, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for c in s.report.figures.coverage where s.policies.pack(c.pack)?.kind == .reform {
            let entry = DisplayWidth.truncate(shortName(c.area) + " " + Sanitize.inline(s.policies.areaTitle(c.area)), to: width)
            if line.isEmpty {
                line = entry
            } else if DisplayWidth.of(line) + 3 + DisplayWidth.of(entry) <= width {
                line += " · " + entry
            } else {
                lines.append(line)
                line = entry
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// K2025 areas (rows) × reform areas of the named packs (columns): how many measures
    /// answer both, and the legend to the columns' short names below.
    static func drawCoverage(_ g: inout Grid, _ r: Rect, _ s: AppState, legend: [String]) {
        guard r.height >= 3 else { return }
        let coverage = s.report.figures.coverage
        let k2025 = coverage.filter { c in s.policies.pack(c.pack)?.kind == .strategy }
        let reform = coverage.filter { c in s.policies.pack(c.pack)?.kind == .reform }
        g.put(Text.get("ui.overview.coverage"), x: r.x, y: r.y, style: s.theme.style("header", colors: s.colors), clip: r)
        // The K2025 areas take what the columns leave, up to their longest title.
        let widest = k2025.map { DisplayWidth.of(s.policies.areaTitle($0.area)) + 3 }.max() ?? 17
        let labelWidth = min(widest, max(17, r.width - 4 * reform.count - 6))
        var x = r.x + labelWidth
        for c in reform {
            x = g.put(DisplayWidth.fit(shortName(c.area), to: 4, alignRight: true), x: x, y: r.y + 1, style: s.theme.style("muted", colors: s.colors), clip: r)
        }
        g.put(DisplayWidth.fit(Text.get("ui.overview.all"), to: 6, alignRight: true), x: x, y: r.y + 1, style: s.theme.style("muted", colors: s.colors), clip: r)
        for (i, k) in k2025.prefix(r.height - 2).enumerated() {
            let y = r.y + 2 + i
            let total = k.measures.count
            // An area without measures is a warning (k2025-area-uncovered), marked as one.
            g.put(DisplayWidth.fit((total == 0 ? "⚠ " : "") + s.policies.areaTitle(k.area), to: labelWidth - 1), x: r.x, y: y,
                  style: s.theme.style(total == 0 ? "diag.warning" : "plain", colors: s.colors), clip: r)
            var cx = r.x + labelWidth
            let ids = Set(k.measures)
            for c in reform {
                let n = c.measures.filter { ids.contains($0) }.count
                cx = g.put(DisplayWidth.fit(n == 0 ? "·" : String(n), to: 4, alignRight: true), x: cx, y: y, clip: r)
            }
            g.put(DisplayWidth.fit(String(total), to: 6, alignRight: true), x: cx, y: y, style: s.theme.style("title", colors: s.colors), clip: r)
        }
        for (i, line) in legend.enumerated() where r.y + 2 + k2025.count + i < r.maxY {
            g.put(line, x: r.x, y: r.y + 2 + k2025.count + i, style: s.theme.style("muted", colors: s.colors), clip: r)
        }
    }

    static func drawDemand(_ g: inout Grid, _ r: Rect, _ s: AppState) {
        guard r.height >= 3 else { return }
        g.put(Text.get("ui.overview.demand", String(s.plan.period.to)), x: r.x, y: r.y, style: s.theme.style("header", colors: s.colors), clip: r)
        let demand = s.report.figures.demand.filter { $0.growth.raw > 0 || $0.declared.raw > 0 }
        // Marked where the engine warns, so the chart and the findings never disagree.
        let flagged = Set(s.report.findings.filter { $0.rule == "demand-not-covered" }.compactMap { f in
            Int(f.diagnostic.path.split(separator: "/").last ?? "").map { s.plan.baseline.workforce[$0].occupation }
        })
        let maxValue = demand.map { max($0.growth.raw, $0.declared.raw) }.max() ?? 0
        let barWidth = max(4, (r.width - 30) / 2)
        for (i, d) in demand.prefix((r.height - 2) / 1).enumerated() {
            let y = r.y + 1 + i
            var x = g.put(DisplayWidth.fit(s.catalog.occupations.title(d.occupation), to: 16) + " ", x: r.x, y: y, clip: r)
            let short = flagged.contains(d.occupation)
            x = g.put(DisplayWidth.fit(Widgets.bar(value: d.growth.raw, max: maxValue, width: barWidth), to: barWidth), x: x, y: y,
                      style: s.theme.style("bar.demand", colors: s.colors), clip: r)
            x = g.put(" " + DisplayWidth.fit(Widgets.bar(value: d.declared.raw, max: maxValue, width: barWidth), to: barWidth), x: x, y: y,
                      style: s.theme.style("bar", colors: s.colors), clip: r)
            g.put(" " + d.growth.description + "/" + d.declared.description + (short ? " ⚠" : ""), x: x, y: y,
                  style: s.theme.style(short ? "diag.warning" : "muted", colors: s.colors), clip: r)
        }
        // Without staffing and population there is nothing to chart: say where they go in.
        let legend = Text.get(demand.isEmpty ? "ui.overview.demand-empty" : "ui.overview.demand-legend")
        if r.height > demand.count + 2 {
            g.put(legend, x: r.x, y: r.y + 2 + demand.count, style: s.theme.style("muted", colors: s.colors), clip: r)
        }
    }
}
