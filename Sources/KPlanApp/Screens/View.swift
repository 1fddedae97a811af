import KPlanCore
import TermUI

/// Draws the whole frame from the state. Pure: the same state always gives the same grid.
public func view(_ s: AppState) -> Grid {
    var g = Grid(s.size)
    let theme = s.theme, colors = s.colors
    func st(_ role: String) -> Style { theme.style(role, colors: colors) }
    if s.tooSmall {
        let lines = DisplayWidth.wrap(Text.get("ui.too-small", String(s.size.width), String(s.size.height),
                                               String(AppState.minimumSize.width), String(AppState.minimumSize.height)), to: max(1, s.size.width - 2))
        for (i, l) in lines.enumerated() { g.put(l, x: 1, y: 1 + i, style: st("diag.warning")) }
        return g
    }
    let (top, rest) = g.bounds.top(1)
    let (content, bottom) = rest.bottom(1)
    drawTabs(&g, top, s)
    switch s.screen {
    case .overview: OverviewScreen.draw(&g, content, s)
    case .findings: FindingsScreen.draw(&g, content, s)
    case .changes: ChangesScreen.draw(&g, content, s)
    default: ListScreen.draw(&g, content, s)
    }
    drawBottom(&g, bottom, s)
    switch s.mode {
    case .picker(let p): drawPicker(&g, s, p)
    case .confirm(let q, _): drawConfirm(&g, s, q)
    case .help(let offset): drawHelp(&g, s, offset)
    default: break
    }
    return g
}

private func drawTabs(_ g: inout Grid, _ r: Rect, _ s: AppState) {
    let theme = s.theme, colors = s.colors
    g.fill(r, style: theme.style("tab", colors: colors))
    // Full names when they fit, then tighter, then only numbers beside the active tab.
    let layouts: [(ScreenID) -> String] = [
        { " \($0.rawValue) \($0.title) " },
        { "\($0.rawValue) \($0.title) " },
        { $0 == s.screen ? " \($0.rawValue) \($0.title) " : " \($0.rawValue) " },
    ]
    let fits = layouts.first { layout in ScreenID.allCases.reduce(0) { $0 + DisplayWidth.of(layout($1)) } <= r.width } ?? layouts[2]
    var x = r.x
    for screen in ScreenID.allCases {
        let style = theme.style(screen == s.screen ? "tab.active" : "tab", colors: colors)
        x = g.put(fits(screen), x: x, y: r.y, style: style, clip: r)
    }
    let file = (s.document.path as NSString).lastPathComponent
    let marks = s.readOnly ? " 🔒 " + Text.get("ui.read-only-short") : ""
    let right = " " + file + marks + " "
    let w = DisplayWidth.of(right)
    if x + w <= r.maxX { g.put(right, x: r.maxX - w, y: r.y, style: theme.style("tab", colors: colors)) }
}

private func drawBottom(_ g: inout Grid, _ r: Rect, _ s: AppState) {
    let theme = s.theme, colors = s.colors
    let bar = theme.style("status", colors: colors)
    g.fill(r, style: bar)
    switch s.mode {
    case .edit(_, _, let field, let input, let error):
        if let error {
            let er = Rect(x: r.x, y: r.y - 1, width: r.width, height: 1)
            g.fill(er, style: theme.style("status.error", colors: colors))
            g.put(" ✗ " + error, x: er.x, y: er.y, style: theme.style("status.error", colors: colors), clip: er)
        }
        let label = " " + field.title + ": "
        let x = g.put(label, x: r.x, y: r.y, style: bar)
        let cx = input.draw(&g, x: x, y: r.y, width: r.maxX - x - 1, style: theme.style("input", colors: colors))
        g.cursor = (cx, r.y)
        return
    case .command(let input), .search(let input):
        let isCommand: Bool
        if case .command = s.mode { isCommand = true } else { isCommand = false }
        let x = g.put(isCommand ? ":" : "/", x: r.x, y: r.y, style: bar)
        // What Tab found, or why it found nothing, at the right while the command is typed.
        var room = r.maxX - x - 1
        if isCommand, let hint = s.status {
            let shown = DisplayWidth.truncate(Sanitize.inline(hint), to: max(0, r.width / 2))
            room -= DisplayWidth.of(shown) + 1
            g.put(shown, x: r.maxX - DisplayWidth.of(shown), y: r.y, style: theme.style(s.statusIsError ? "status.error" : "muted", colors: colors))
        }
        let cx = input.draw(&g, x: x, y: r.y, width: room, style: theme.style("input", colors: colors))
        g.cursor = (cx, r.y)
        return
    default: break
    }
    let e = s.report.errors, w = s.report.openWarnings
    let notes = s.report.findings.count - e - w
    let counts = (s.document.isDirty ? " ● " + Text.get("ui.unsaved") + " " : "") + " ✗ \(e)  ⚠ \(w)  ○ \(notes) "
    let countsStyle = theme.style(e > 0 ? "status.error" : w > 0 ? "status.warning" : "status", colors: colors)
    let cw = DisplayWidth.of(counts)
    g.put(counts, x: r.maxX - cw, y: r.y, style: countsStyle)
    let left = s.status ?? hints(s)
    let lr = Rect(x: r.x, y: r.y, width: r.width - cw, height: 1)
    g.put(" " + Sanitize.inline(left), x: r.x, y: r.y, style: s.statusIsError && s.status != nil ? theme.style("status.error", colors: colors) : bar, clip: lr)
}

private func hints(_ s: AppState) -> String {
    func k(_ a: String) -> String { s.keymap.keys(for: a).first?.name ?? "" }
    switch s.screen {
    case .overview: return Text.get("ui.hints.overview", k("screen-2"), k("screen-9"), k("help"), k("quit"))
    case .findings: return Text.get("ui.hints.findings", k("edit"), k("waive"), k("help"), k("quit"))
    case .changes: return Text.get("ui.hints.changes", k("edit"), k("save"), k("help"), k("quit"))
    default:
        if s.focus == .detail { return Text.get("ui.hints.detail", k("edit"), k("cancel"), k("undo"), k("save")) }
        return Text.get("ui.hints.list", k("edit"), k("add"), k("delete"), k("search"), k("save"), k("help"))
    }
}

/// A centred modal box; returns its inner rectangle.
func modal(_ g: inout Grid, _ s: AppState, width: Int, height: Int, title: String) -> Rect {
    let w = min(width, s.size.width - 2), h = min(height, s.size.height - 2)
    let r = Rect(x: (s.size.width - w) / 2, y: (s.size.height - h) / 2, width: w, height: h)
    g.fill(r, style: s.theme.style("modal", colors: s.colors))
    g.box(r, title: title, style: s.theme.style("modal.border", colors: s.colors), titleStyle: s.theme.style("title", colors: s.colors))
    return r.inset(1)
}

private func drawPicker(_ g: inout Grid, _ s: AppState, _ p: PickerState) {
    // Codes in a column of their own and the box as wide as the longest title where the
    // terminal allows: the titles are what tells «annen-hogskole» from «annen-vgs-fagskole».
    let markWidth = p.multi ? 4 : 2
    let codeWidth = min(24, p.codeWidth)
    let inner = modal(&g, s, width: max(70, markWidth + codeWidth + 2 + p.titleWidth + 2), height: min(s.size.height - 2, p.choices.count + 5),
                      title: p.field.title)
    let st = { (role: String) in s.theme.style(role, colors: s.colors) }
    let (filterRow, rest) = inner.top(1)
    let x = g.put(Text.get("ui.picker.filter") + " ", x: filterRow.x, y: filterRow.y, style: st("muted"))
    let cx = p.filter.draw(&g, x: x, y: filterRow.y, width: filterRow.maxX - x, style: st("input"))
    g.cursor = (cx, filterRow.y)
    let (listRect, help) = rest.bottom(1)
    g.put(Text.get(p.multi ? "ui.picker.help-multi" : "ui.picker.help"), x: help.x, y: help.y, style: st("muted"), clip: help)
    let visible = p.visible
    let sel = visible.firstIndex(of: p.cursor) ?? 0
    let offset = Widgets.scrollOffset(selected: sel, current: 0, visible: listRect.height, count: visible.count)
    for (r, i) in visible.dropFirst(offset).prefix(listRect.height).enumerated() {
        let y = listRect.y + r
        let (code, title) = p.choices[i]
        let mark = p.multi ? (p.chosen.contains(code) ? "[x] " : "[ ] ") : (p.chosen.contains(code) ? "• " : "  ")
        let style = i == p.cursor ? st("list.selected") : Style.plain
        if i == p.cursor { g.fill(Rect(x: listRect.x, y: y, width: listRect.width, height: 1), style: style) }
        let label = code.isEmpty ? Sanitize.inline(title) : DisplayWidth.fit(Sanitize.inline(code), to: codeWidth) + "  " + Sanitize.inline(title)
        g.put(mark + DisplayWidth.truncate(label, to: listRect.width - markWidth), x: listRect.x, y: y, style: style, clip: listRect)
    }
}

private func drawConfirm(_ g: inout Grid, _ s: AppState, _ question: String) {
    let lines = DisplayWidth.wrap(question, to: min(60, s.size.width - 6))
    let inner = modal(&g, s, width: min(64, s.size.width - 2), height: lines.count + 4, title: Text.get("ui.confirm.title"))
    for (i, l) in lines.enumerated() { g.put(l, x: inner.x + 1, y: inner.y + i, clip: inner) }
    g.put(Text.get("ui.confirm.keys"), x: inner.x + 1, y: inner.maxY - 1, style: s.theme.style("muted", colors: s.colors), clip: inner)
}

private func drawHelp(_ g: inout Grid, _ s: AppState, _ offset: Int) {
    let inner = modal(&g, s, width: 76, height: s.size.height - 2, title: Text.get("ui.help.title"))
    var lines: [(String, String)] = []
    var group = ""
    for b in s.keymap.bindings {
        if b.group != group {
            group = b.group
            lines.append(("", Text.get("ui.help.group.\(group)")))
        }
        lines.append((b.keys.map(\.name).joined(separator: " "), Text.get("ui.action.\(b.action)")))
    }
    lines.append(("", Text.get("ui.help.group.commands")))
    for c in editorCommands { lines.append((":" + c.name + (c.argument.map { " " + $0 } ?? ""), Text.get("ui.command.\(c.name)"))) }
    for (i, line) in lines.dropFirst(min(offset, max(0, lines.count - inner.height))).prefix(inner.height).enumerated() {
        let y = inner.y + i
        if line.0.isEmpty {
            g.put(line.1, x: inner.x + 1, y: y, style: s.theme.style("header", colors: s.colors), clip: inner)
        } else {
            g.put(DisplayWidth.fit(line.0, to: 16), x: inner.x + 2, y: y, style: s.theme.style("title", colors: s.colors), clip: inner)
            g.put(line.1, x: inner.x + 19, y: y, clip: inner)
        }
    }
}

import Foundation
