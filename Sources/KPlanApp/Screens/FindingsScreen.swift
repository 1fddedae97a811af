import KPlanCore
import TermUI

/// `7 Kontroll`: every finding, with a mark for its severity; Enter goes to the field.
enum FindingsScreen {
    static func draw(_ g: inout Grid, _ r: Rect, _ s: AppState) {
        let findings = s.report.findings
        let inner = Rect(x: r.x + 1, y: r.y, width: r.width - 2, height: r.height)
        let (head, body) = inner.top(2)
        g.put(Text.get("ui.findings.title", DiagnosticRenderer.summary(s.report.diagnostics)), x: head.x, y: head.y,
              style: s.theme.style("title", colors: s.colors), clip: head)
        if findings.isEmpty {
            g.put(Text.get("ui.findings.none"), x: body.x, y: body.y + 1, style: s.theme.style("muted", colors: s.colors), clip: body)
            return
        }
        // The selected finding in full below the table, as a compiler explains an error:
        // the whole message, the help, the rule and the document it rests on.
        let selected = findings.indices.contains(s.findingsCursor) ? findings[s.findingsCursor] : nil
        let explained = selected.map { explanation($0, s, width: body.width - 4) } ?? []
        // The table keeps its rows up to half the screen; the explanation gets the rest, when
        // that is room for two lines of it.
        let room = body.height - min(findings.count + 1, max(4, body.height / 2))
        let detailHeight = room >= 4 ? min(explained.count + 2, room) : 0
        let (table, detail) = body.bottom(detailHeight)
        let columns = [Widgets.Column("", 2), Widgets.Column(Text.get("ui.col.rule"), 26), Widgets.Column(Text.get("ui.col.where"), 20),
                       Widgets.Column(Text.get("ui.col.message"), 40, flex: true)]
        let offset = Widgets.scrollOffset(selected: s.findingsCursor, current: s.findingsOffset, visible: table.height - 1, count: findings.count)
        if detail.height > 0, let selected { drawDetail(&g, detail, s, selected, explained) }
        Widgets.table(&g, table, columns: columns, count: findings.count, selected: s.findingsCursor, offset: offset, theme: s.theme,
                      colors: s.colors, focused: true, rowStyle: { ListScreen.role(findings[$0]) }) { row, col in
            let f = findings[row]
            switch col {
            case 0: return ListScreen.mark(f).trimmingCharacters(in: .whitespaces)
            case 1: return f.rule
            case 2: return location(f, s.plan)
            default: return f.diagnostic.message + (f.waivedBecause.map { " " + Text.get("finding.waived", $0) } ?? "")
            }
        }
    }

    static func drawDetail(_ g: inout Grid, _ r: Rect, _ s: AppState, _ f: Finding, _ lines: [(String, String)]) {
        let severity = Text.get("export.severity." + f.diagnostic.severity.rawValue)
        g.box(r, title: f.rule + " · " + severity + " · " + location(f, s.plan), style: s.theme.style("muted", colors: s.colors),
              titleStyle: s.theme.style(ListScreen.role(f), colors: s.colors))
        let inner = Rect(x: r.x + 2, y: r.y + 1, width: r.width - 4, height: r.height - 2)
        for (i, line) in lines.prefix(inner.height).enumerated() {
            g.put(line.0, x: inner.x, y: inner.y + i, style: s.theme.style(line.1, colors: s.colors), clip: inner)
        }
    }

    /// The finding's whole message, then its help, waiver, rule and source under labels, as
    /// lines of `width` with the theme role of each.
    static func explanation(_ f: Finding, _ s: AppState, width: Int) -> [(String, String)] {
        let rule = Rules.rule(f.rule)
        var lines = DisplayWidth.wrap(Sanitize.inline(f.diagnostic.message), to: width).map { ($0, "plain") }
        func add(_ label: String, _ text: String?, _ role: String = "muted") {
            guard let text, !text.isEmpty else { return }
            let prefix = Text.get(label) + ": "
            let indent = String(repeating: " ", count: DisplayWidth.of(prefix))
            for (k, line) in DisplayWidth.wrap(Sanitize.inline(text), to: width - indent.count).enumerated() {
                lines.append(((k == 0 ? prefix : indent) + line, role))
            }
        }
        add("ui.findings.help", f.diagnostic.help, "plain")
        add("ui.findings.waived", f.waivedBecause, "diag.note")
        add("ui.findings.rule", rule?.description)
        add("ui.findings.source", rule?.source)
        if f.diagnostic.severity == .warning, !f.isWaived, let key = s.keymap.keys(for: "waive").first {
            add("ui.findings.next", Text.get("ui.findings.waive-hint", key.name))
        }
        return lines
    }

    /// "Tiltak T3", "Budsjett", "Planen": where the finding is, in words.
    static func location(_ f: Finding, _ plan: Plan) -> String {
        guard let t = FindingTarget(path: f.diagnostic.path, plan: plan) else { return Text.get("ui.item.plan") }
        if let row = t.row, t.list != .header, row < t.list.count(plan) {
            // By what names it (a row number only when that is empty): «Bemanning sykepleier».
            let name = f.target.isEmpty ? t.list.name(plan, row) : Sanitize.inline(f.target)
            return t.list.itemWord.capitalized + " " + (name.isEmpty ? String(row + 1) : name)
        }
        return t.screen.title
    }
}

import Foundation
