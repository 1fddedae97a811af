import KPlanCore
import TermUI

/// A screen of one or more lists: the table of items and the selected item's fields,
/// side by side from 100 columns, stacked below that.
enum ListScreen {
    static func draw(_ g: inout Grid, _ area: Rect, _ s: AppState) {
        guard let list = s.activeList else { return }
        let lists = s.screen.lists
        var r = area
        if lists.count > 1 {
            let (tabs, below) = r.top(1)
            var x = tabs.x + 1
            for l in lists {
                let label = " \(l.title) (\(l.count(s.plan))) "
                x = g.put(label, x: x, y: tabs.y, style: s.theme.style(l == list ? "section.active" : "muted", colors: s.colors), clip: tabs)
                x += 1
            }
            let hint = " [ ] "
            g.put(hint, x: tabs.maxX - DisplayWidth.of(hint), y: tabs.y, style: s.theme.style("muted", colors: s.colors))
            r = below
        }
        if list == .costs || list == .funding {
            let (upper, totals) = r.bottom(4)
            r = upper
            drawBudgetTotals(&g, totals, s)
        }
        // Budget lines need the width for their year columns, so their detail goes below.
        let sideBySide = r.width >= 100 && list != .costs && list != .funding
        let tableRect: Rect, detailRect: Rect
        if list == .header {
            (tableRect, detailRect) = (Rect(x: r.x, y: r.y, width: 0, height: 0), r)
        } else if sideBySide {
            let (a, b) = r.left(r.width * 3 / 5)
            (tableRect, detailRect) = (a, b)
        } else {
            let (a, b) = r.top(max(4, list == .costs || list == .funding ? r.height - 9 : r.height / 2))
            (tableRect, detailRect) = (a, b)
        }
        if tableRect.height > 0 { drawTable(&g, tableRect, s, list) }
        drawDetail(&g, detailRect, s, list)
    }

    static func drawTable(_ g: inout Grid, _ r: Rect, _ s: AppState, _ list: ItemList) {
        let rows = s.visibleRows(list)
        let selected = s.selectedRow(list)
        let selPos = selected.flatMap { rows.firstIndex(of: $0) }
        let inner = Rect(x: r.x + 1, y: r.y, width: r.width - 2, height: r.height)
        let offset = Widgets.scrollOffset(selected: selPos ?? 0, current: s.offset[list] ?? 0, visible: inner.height - 1, count: rows.count)
        let errorRows = rowsWithFindings(s, list)
        Widgets.table(&g, inner, columns: list.columns(s.plan, budget: s.report.figures.budget), count: rows.count, selected: selPos, offset: offset, theme: s.theme,
                      colors: s.colors, focused: s.focus == .list,
                      rowStyle: { pos in errorRows[rows[pos]] }) { pos, col in
            let row = rows[pos]
            let cells = list.cells(s.plan, row, catalog: s.catalog)
            if col == 0, let role = errorRows[row] { return (role == "diag.error" ? "✗" : "⚠") + cells[0] }
            return col < cells.count ? cells[col] : ""
        }
        if rows.isEmpty {
            let text = s.filter[list] != nil ? Text.get("ui.no-match", s.filter[list] ?? "") : Text.get("ui.empty-list", list.title)
            g.put(text, x: inner.x, y: inner.y + 2, style: s.theme.style("muted", colors: s.colors), clip: inner)
        }
        if let f = s.filter[list] {
            let label = " /" + f + " "
            g.put(label, x: inner.x, y: r.maxY - 1, style: s.theme.style("status", colors: s.colors), clip: inner)
        }
    }

    /// Rows with an error or an open warning, marked in the table (never by colour alone).
    static func rowsWithFindings(_ s: AppState, _ list: ItemList) -> [Int: String] {
        var result: [Int: String] = [:]
        let prefix = list.pointer + "/"
        for f in s.report.findings where !f.isWaived && f.diagnostic.severity != .note && f.diagnostic.path.hasPrefix(prefix) {
            let rest = f.diagnostic.path.dropFirst(prefix.count)
            guard let row = Int(rest.prefix { $0 != "/" }) else { continue }
            if f.diagnostic.severity == .error || result[row] == nil {
                result[row] = f.diagnostic.severity == .error ? "diag.error" : "diag.warning"
            }
        }
        return result
    }

    static func drawDetail(_ g: inout Grid, _ r: Rect, _ s: AppState, _ list: ItemList) {
        guard r.height >= 3, r.width >= 10 else { return }
        let focused = s.focus == .detail || list == .header
        let border = s.theme.style(focused ? "modal.border" : "muted", colors: s.colors)
        guard let row = list == .header ? 0 : s.selectedRow(list) else {
            g.box(r, title: list.title, style: border)
            return
        }
        g.box(r, title: list == .header ? Text.get("ui.list.header") : list.describe(s.plan, row), style: border,
              titleStyle: s.theme.style("title", colors: s.colors))
        let inner = Rect(x: r.x + 2, y: r.y + 1, width: r.width - 4, height: r.height - 2)
        let fields = list.fields(s.plan)
        let findings = s.findings(list, row)
        // As wide as the widest label where that leaves the values three fifths of the pane;
        // otherwise a third of the pane, but never narrower than a label's longest word, which
        // would break inside the word. (A third everywhere broke «Ledige årsverk» in the
        // staffing pane at 100 columns, where two fifths hold it.)
        let titles = fields.map(\.title)
        let widest = titles.map(DisplayWidth.of).max() ?? 0
        let longestWord = titles.flatMap { $0.split(separator: " ") }.map { DisplayWidth.of(String($0)) }.max() ?? 0
        let labelWidth = max(1, min(widest, widest * 5 <= inner.width * 2 ? widest : max(longestWord, inner.width / 3), max(10, inner.width / 2)))
        let cursor = min(s.fieldCursor[list] ?? 0, max(0, fields.count - 1))
        var lines: [(field: Int?, label: String, text: String, role: String?)] = []
        let valueWidth = max(8, inner.width - labelWidth - 1)
        // A finding wraps as a value does, its lines after the first under its text, not its mark.
        func addFinding(_ x: Finding) {
            for (k, part) in DisplayWidth.wrap(Sanitize.inline(x.diagnostic.message), to: valueWidth - 2).enumerated() {
                lines.append((nil, "", (k == 0 ? mark(x) : "  ") + part, role(x)))
            }
        }
        for (i, f) in fields.enumerated() {
            let value = list.value(s.plan, row, f.key)
            // Long texts (goals, rationales) wrap onto the lines below their label.
            // A label wider than its column wraps too, rather than lose the words that tell fields apart.
            let wrapped = DisplayWidth.wrap(Sanitize.inline(display(value, f, s)), to: valueWidth)
            let labels = DisplayWidth.wrap(f.title, to: labelWidth)
            for k in 0..<max(wrapped.count, labels.count) {
                lines.append((i, k < labels.count ? labels[k] : "", k < wrapped.count ? wrapped[k] : "", nil))
            }
            for x in findings where x.diagnostic.path.hasSuffix("/" + f.key) || x.diagnostic.path.hasSuffix("/" + f.key.replacingOccurrences(of: ".", with: "/")) {
                addFinding(x)
            }
        }
        let fieldPaths = Set(fields.map { "/" + $0.key })
        let general = findings.filter { f in !fieldPaths.contains { f.diagnostic.path.hasSuffix($0) || f.diagnostic.path.hasSuffix($0.replacingOccurrences(of: ".", with: "/")) } }
        if !general.isEmpty { lines.append((nil, "", "", nil)) }
        for x in general { addFinding(x) }
        if list == .measures {
            let gapLines = measureGaps(s, row)
            if !gapLines.isEmpty { lines.append((nil, "", "", nil)) }
            for l in gapLines.flatMap({ DisplayWidth.wrap($0, to: valueWidth) }) { lines.append((nil, "", l, "muted")) }
            lines.append((nil, "", "", nil))
            for l in measureBudget(s, row, width: valueWidth) { lines.append((nil, "", l, "muted")) }
        }
        let cursorLine = lines.firstIndex { $0.field == cursor } ?? 0
        // On the last field the pane scrolls on to what follows the fields (findings, gaps,
        // budget), as far as the field itself stays in view: there is no other way to them.
        let shown = cursor == fields.count - 1 ? min(lines.count - 1, cursorLine + inner.height - 1) : cursorLine
        let offset = Widgets.scrollOffset(selected: shown, current: 0, visible: inner.height, count: lines.count)
        for (i, line) in lines.dropFirst(offset).prefix(inner.height).enumerated() {
            let y = inner.y + i
            let isCursor = focused && line.field == cursor
            if isCursor { g.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: s.theme.style("field.focus", colors: s.colors)) }
            let base = isCursor ? s.theme.style("field.focus", colors: s.colors) : Style.plain
            if line.field != nil {
                g.put(DisplayWidth.fit(line.label, to: labelWidth), x: inner.x, y: y, style: isCursor ? base : s.theme.style("field.label", colors: s.colors))
                g.put(line.text, x: inner.x + labelWidth + 1, y: y, style: base, clip: Rect(x: inner.x, y: y, width: inner.width, height: 1))
            } else {
                let style = line.role.map { s.theme.style($0, colors: s.colors) } ?? base
                g.put("  " + Sanitize.inline(line.text), x: inner.x + labelWidth - 1, y: y, style: style, clip: Rect(x: inner.x, y: y, width: inner.width, height: 1))
            }
        }
    }

    static func mark(_ f: Finding) -> String {
        if f.isWaived { return "○ " }
        switch f.diagnostic.severity {
        case .error: return "✗ "
        case .warning: return "⚠ "
        case .note: return "○ "
        }
    }

    static func role(_ f: Finding) -> String {
        f.isWaived ? "diag.note" : "diag.\(f.diagnostic.severity.rawValue)"
    }

    /// Code values shown with their Norwegian titles.
    static func display(_ value: String, _ field: FieldSpec, _ s: AppState) -> String {
        switch field.kind {
        case .code(let source), .optionalCode(let source):
            guard !value.isEmpty else { return "—" }
            let title = source.choices(s.plan, s.catalog, s.policies).first { $0.0 == value }?.1
            return title.map { value + " · " + $0 } ?? value
        case .codes:
            return value.isEmpty ? "—" : value
        default:
            return value.isEmpty ? "—" : value
        }
    }

    /// For a measure: what its training slots and FTE gain deliver to its needs.
    static func measureGaps(_ s: AppState, _ row: Int) -> [String] {
        let m = s.plan.measures[row]
        return s.report.figures.gaps.filter { m.needs.contains($0.need) }.map {
            Text.get("ui.gap-line", $0.need, $0.delivered.description, $0.needed.description, String($0.year))
        }
    }

    /// Totals under the budget lines, in the table's own columns, the whole period last.
    /// For a measure: its cost lines and what funds it, so that what it costs is seen where
    /// it is planned and not only under 5 Budsjett.
    static func measureBudget(_ s: AppState, _ row: Int, width: Int) -> [String] {
        let id = s.plan.measures[row].id
        let costs = s.plan.budget.costs.filter { $0.measure == id }
        let funding = s.plan.budget.funding.filter { $0.measure == id }
        guard !costs.isEmpty || !funding.isEmpty else { return [Text.get("ui.measure.no-budget")] }
        let spent = costs.map { "\($0.id) \(s.catalog.costCategories.title($0.category).lowercased()) \(Format.grouped($0.amounts.total))" }
        let paid = funding.map {
            "\($0.id) \(s.catalog.fundingSources.title($0.source)) \(Format.grouped($0.amounts.total)) (\(Text.get("funding-status.\($0.status.rawValue)")))"
        }
        var lines = DisplayWidth.wrap(Sanitize.inline(Text.get("ui.measure.costs", Format.kroner(costs.reduce(0) { $0 + $1.amounts.total }),
                                                               spent.joined(separator: " · "))), to: width)
        if !funding.isEmpty {
            lines += DisplayWidth.wrap(Sanitize.inline(Text.get("ui.measure.funding", Format.kroner(funding.reduce(0) { $0 + $1.amounts.total }),
                                                                paid.joined(separator: " · "))), to: width)
        }
        return lines
    }

    static func drawBudgetTotals(_ g: inout Grid, _ r: Rect, _ s: AppState) {
        let years = s.plan.period.years
        let budget = s.report.figures.budget
        let widths = Widgets.widths(ItemList.costs.columns(s.plan, budget: budget), into: r.width - 2)
        let labelWidth = widths[0] + widths[1] + widths[2] + 2
        let rows: [(String, (BudgetYear) -> Int, String)] = [
            (Text.get("ui.budget.costs"), { $0.costs }, "header"),
            (Text.get("ui.budget.funding"), { $0.fundingTotal }, "header"),
            (Text.get("ui.budget.balance"), { $0.balance }, "title"),
            (Text.get("ui.budget.own-share"), { $0.ownShare }, "muted"),
        ]
        for (i, row) in rows.enumerated() {
            let y = r.y + i
            var x = r.x + 1
            g.put(DisplayWidth.fit(row.0, to: labelWidth), x: x, y: y, style: s.theme.style(row.2, colors: s.colors), clip: r)
            x += labelWidth + 1
            let values = years.map { year in budget.first { $0.year == year }.map(row.1) }
            let total = values.compactMap { $0 }.reduce(0, +)
            for (k, value) in (values + [total]).enumerated() where widths[3 + k] > 0 {
                let negative = i == 2 && (value ?? 0) < 0
                let text = value.map { (negative ? "✗" : "") + Format.grouped($0) } ?? ""
                g.put(DisplayWidth.fit(text, to: widths[3 + k], alignRight: true), x: x, y: y,
                      style: s.theme.style(negative ? "diag.error" : row.2, colors: s.colors), clip: r)
                x += widths[3 + k] + 1
            }
        }
    }
}
