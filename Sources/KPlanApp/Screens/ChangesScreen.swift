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
        var lines: [(String, String)] = []
        for l in diff.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            let role = l.hasPrefix("+") ? "diff.added" : l.hasPrefix("-") ? "diff.removed" : l.hasPrefix("~") ? "plain" : "muted"
            for (i, w) in DisplayWidth.wrap(String(l), to: r.width - 2).enumerated() { lines.append((i == 0 ? w : "  " + w, role)) }
        }
        let visible = r.height - 2
        let offset = min(s.changesOffset, max(0, lines.count - visible))
        for (i, line) in lines.dropFirst(offset).prefix(visible).enumerated() {
            g.put(line.0, x: r.x, y: r.y + 2 + i, style: s.theme.style(line.1, colors: s.colors), clip: r)
        }
    }
}
