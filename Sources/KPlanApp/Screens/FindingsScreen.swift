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
        let columns = [Widgets.Column("", 2), Widgets.Column(Text.get("ui.col.rule"), 26), Widgets.Column(Text.get("ui.col.where"), 14),
                       Widgets.Column(Text.get("ui.col.message"), 40, flex: true)]
        let offset = Widgets.scrollOffset(selected: s.findingsCursor, current: s.findingsOffset, visible: body.height - 1, count: findings.count)
        Widgets.table(&g, body, columns: columns, count: findings.count, selected: s.findingsCursor, offset: offset, theme: s.theme,
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

    /// "Tiltak T3", "Budsjett", "Planen": where the finding is, in words.
    static func location(_ f: Finding, _ plan: Plan) -> String {
        guard let t = FindingTarget(path: f.diagnostic.path, plan: plan) else { return Text.get("ui.item.plan") }
        if let row = t.row, t.list != .header, row < t.list.count(plan) {
            let id = f.target.isEmpty ? String(row + 1) : f.target
            return t.list.itemWord.capitalized + " " + id
        }
        return t.screen.title
    }
}

import Foundation
