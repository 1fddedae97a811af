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
        // The rest is drawn whole and shown a screenful at a time: at 80×24 the staffing chart
        // and the findings were below the screen's edge, with no way to see them.
        let layout = Layout(s, width: rest.width)
        let offset = min(s.overviewOffset, layout.scrollLimit(rest.height))
        g.copy(body(s, layout), rows: offset..<min(layout.height, offset + rest.height), x: rest.x, y: rest.y)
        if offset > 0 { g.put("▲", x: rest.maxX - 1, y: rest.y, style: st("muted")) }
        if offset + rest.height < layout.height { g.put("▼", x: rest.maxX - 1, y: rest.maxY - 1, style: st("muted")) }
    }

    /// Rows above the part that scrolls: title, municipality, counts, findings and a blank.
    static let headerHeight = 5

    /// How far the overview scrolls on a screen of the state's size.
    static func scrollLimit(_ s: AppState) -> Int {
        Layout(s, width: s.size.width - 2).scrollLimit(s.size.height - 2 - headerHeight)
    }

    /// Where each part of the overview goes below the header, each as tall as it needs: side
    /// by side where the screen is 100 columns wide, one under the other where it is not.
    struct Layout {
        var budget, coverage, demand, findings: Rect
        var legend: [String]
        var height: Int

        init(_ s: AppState, width: Int) {
            let budgetHeight = s.plan.period.years.count + 2
            let k2025 = s.report.figures.coverage.filter { s.policies.pack($0.pack)?.kind == .strategy }.count
            let demandHeight = s.report.figures.demand.filter { $0.growth.raw > 0 || $0.declared.raw > 0 }.count + 3
            func findingsHeight(_ w: Int) -> Int {
                let lines = OverviewScreen.findingLines(s, width: w).count
                return lines == 0 ? 0 : lines + 1
            }
            if width >= 100 {
                let left = width / 2
                legend = coverageLegend(s, width: left)
                budget = Rect(x: 0, y: 0, width: left, height: budgetHeight)
                coverage = Rect(x: 0, y: budget.maxY, width: left, height: 3 + k2025 + legend.count)
                findings = Rect(x: 0, y: coverage.maxY, width: left - 1, height: findingsHeight(left - 1))
                demand = Rect(x: left + 2, y: 0, width: width - left - 2, height: demandHeight)
            } else {
                legend = coverageLegend(s, width: width)
                budget = Rect(x: 0, y: 0, width: width, height: budgetHeight)
                coverage = Rect(x: 0, y: budget.maxY, width: width, height: 3 + k2025 + legend.count)
                demand = Rect(x: 0, y: coverage.maxY, width: width, height: demandHeight)
                let h = findingsHeight(width)
                findings = Rect(x: 0, y: demand.maxY + (h > 0 ? 1 : 0), width: width, height: h)
            }
            height = max(findings.maxY, demand.maxY)
        }

        func scrollLimit(_ visible: Int) -> Int { max(0, height - visible) }
    }

    static func body(_ s: AppState, _ layout: Layout) -> Grid {
        var g = Grid(Size(width: max(layout.budget.width, layout.demand.maxX), height: layout.height))
        drawBudget(&g, layout.budget, s)
        drawCoverage(&g, layout.coverage, s, legend: layout.legend)
        drawDemand(&g, layout.demand, s)
        drawTopFindings(&g, layout.findings, s)
        return g
    }

    /// How many open findings the overview lists; `7 Kontroll` has them all.
    static let findingsShown = 10

    /// The first open findings, wrapped to `width`, and a line that says how many more there
    /// are: the overview is laid out whole, and a plan may have thousands.
    static func findingLines(_ s: AppState, width: Int) -> [(text: String, role: String)] {
        let open = s.report.openFindings
        var lines = open.prefix(findingsShown).flatMap { f in
            DisplayWidth.wrap(ListScreen.mark(f) + f.diagnostic.message, to: width).map { (text: $0, role: ListScreen.role(f)) }
        }
        if open.count > findingsShown {
            let key = s.keymap.keys(for: "screen-7").first?.name ?? "7"
            lines += DisplayWidth.wrap(Text.get("ui.overview.findings-more", String(open.count - findingsShown), key), to: width).map { (text: $0, role: "muted") }
        }
        return lines
    }

    /// The first errors and warnings, so the kommunalsjef sees what blocks submission.
    static func drawTopFindings(_ g: inout Grid, _ r: Rect, _ s: AppState) {
        let lines = findingLines(s, width: r.width)
        guard r.height >= 2, !lines.isEmpty else { return }
        g.put(Text.get("ui.overview.findings"), x: r.x, y: r.y, style: s.theme.style("header", colors: s.colors), clip: r)
        for (i, line) in lines.prefix(r.height - 1).enumerated() {
            g.put(line.text, x: r.x, y: r.y + 1 + i, style: s.theme.style(line.role, colors: s.colors), clip: r)
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
