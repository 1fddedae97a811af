import KPlanCore
import TermUI

/// `8 Endringer`: the semantic diff of the open plan against its last git commit.
enum ChangesScreen {
    static func draw(_ g: inout Grid, _ area: Rect, _ s: AppState) {
        let r = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: area.height)
        g.put(Text.get("ui.changes.title"), x: r.x, y: r.y, style: s.theme.style("title", colors: s.colors), clip: r)
        guard let base = s.base else {
            for (i, l) in DisplayWidth.wrap(Text.get("ui.changes.no-git"), to: r.width).enumerated() {
                g.put(l, x: r.x, y: r.y + 2 + i, style: s.theme.style("muted", colors: s.colors), clip: r)
            }
            return
        }
        let diff = PlanDiffer.diff(base, s.plan)
        guard !diff.isEmpty else {
            g.put(Text.get("ui.changes.none"), x: r.x, y: r.y + 2, style: s.theme.style("muted", colors: s.colors), clip: r)
            return
        }
        // A line per change (wrapped), the one under the cursor selected, then the budget lines
        // and the count, which belong to no change.
        let selected = min(s.changesCursor, diff.changes.count - 1)
        var lines: [(text: String, role: String, change: Int?)] = []
        let text = diff.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        for (n, l) in text.enumerated() {
            let change = n < diff.changes.count ? n : nil
            let role = change == selected ? "list.selected" : l.hasPrefix("+") ? "diff.added" : l.hasPrefix("-") ? "diff.removed" : l.hasPrefix("~") ? "plain" : "muted"
            for (i, w) in DisplayWidth.wrap(String(l), to: r.width - 2).enumerated() { lines.append((i == 0 ? w : "  " + w, role, change)) }
        }
        let visible = r.height - 2
        let first = lines.firstIndex { $0.change == selected } ?? 0
        let last = lines.lastIndex { $0.change == selected } ?? 0
        let offset = max(0, min(first, max(0, last - visible + 1)))
        for (i, line) in lines.dropFirst(offset).prefix(visible).enumerated() {
            let y = r.y + 2 + i
            if line.change == selected { g.fill(Rect(x: r.x, y: y, width: r.width, height: 1), style: s.theme.style("list.selected", colors: s.colors)) }
            g.put(line.text, x: r.x, y: y, style: s.theme.style(line.role, colors: s.colors), clip: r)
        }
    }
}
