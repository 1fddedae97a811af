import Foundation
import KPlanCore
import TermUI

/// The whole UI's behaviour: a message in, the state changed, effects out. No terminal, no files.
public func update(_ s: inout AppState, _ message: Message) -> [Effect] {
    switch message {
    case .resized(let size):
        s.size = size
        return []
    case .saved(let version):
        s.document.markSaved(version)
        s.setStatus(Text.get("ui.saved", s.document.path))
        return []
    case .saveFailed(let why):
        s.setStatus(why, error: true)
        return []
    case .changedOnDisk:
        s.mode = .confirm(question: Text.get("ui.confirm.changed-on-disk", copyPath(s.document.path)), action: .changedOnDisk)
        return []
    case .reloaded(let plan, let disk):
        s.document = Document(plan: plan, path: s.document.path, disk: disk)
        s.recheck()
        s.setStatus(Text.get("ui.reloaded"))
        return []
    case .copySaved(let path):
        s.setStatus(Text.get("ui.copy-saved", path))
        return []
    case .exported(let document, let path):
        let what = Text.get("ui.export.document.\(document.rawValue)")
        s.setStatus(Text.get(s.document.isDirty ? "ui.exported-unsaved" : "ui.exported", what, path))
        return []
    case .exportFailed(let why):
        s.setStatus(why, error: true)
        return []
    case .key(let key):
        // Below the minimum size nothing can be shown, so keys are ignored until resized.
        if s.tooSmall { return [] }
        switch s.mode {
        case .normal: return normalKey(&s, key)
        case .edit(let list, let row, let field, var input, _): return editKey(&s, key, list, row, field, &input)
        case .picker(var p): return pickerKey(&s, key, &p)
        case .confirm(_, let action): return confirmKey(&s, key, action)
        case .command(var input): return commandKey(&s, key, &input)
        case .search(var input): return searchKey(&s, key, &input)
        case .help(let offset):
            let a = s.keymap.action(for: key)
            if a == "down" { s.mode = .help(offset: offset + 1) } else if a == "up" { s.mode = .help(offset: max(0, offset - 1)) } else { s.mode = .normal }
            return []
        }
    }
}

private func normalKey(_ s: inout AppState, _ key: Key) -> [Effect] {
    guard let action = s.keymap.action(for: key) ?? (key == .ctrl("c") ? "quit" : nil) else { return [] }
    s.status = nil
    if action.hasPrefix("screen-"), let n = Int(action.dropFirst(7)), let screen = ScreenID(rawValue: n) {
        s.screen = screen
        s.focus = .list
        return []
    }
    switch action {
    case "quit":
        if s.document.isDirty {
            s.mode = .confirm(question: Text.get("ui.confirm.quit"), action: .quit)
            return []
        }
        return [.quit]
    case "save": return save(&s)
    case "undo", "redo":
        // The history of a plan opened approved starts with :revise, so moving in it is safe.
        let undo = action == "undo"
        if let edit = undo ? s.document.undo() : s.document.redo() {
            s.recheck(scope: edit.scope)
            s.setStatus(Text.get(undo ? "ui.undone" : "ui.redone", edit.label))
        } else {
            s.setStatus(Text.get(undo ? "ui.nothing-to-undo" : "ui.nothing-to-redo"))
        }
    case "help": s.mode = .help(offset: 0)
    case "command": s.mode = .command(TextInput())
    case "search":
        if let list = s.activeList { s.mode = .search(TextInput(s.filter[list] ?? "")) }
    case "suspend": return [.suspend]
    case "next-pane", "prev-pane":
        if s.activeList != nil { s.focus = s.focus == .list ? .detail : .list }
    case "next-section", "prev-section":
        let n = s.screen.lists.count
        if n > 1 {
            let cur = s.section[s.screen] ?? 0
            s.section[s.screen] = (cur + (action == "next-section" ? 1 : n - 1)) % n
            s.focus = .list
        }
    case "up", "down", "page-up", "page-down", "first", "last": move(&s, action)
    case "left", "right":
        if s.screen == .findings { break }
        if s.focus == .detail, action == "left" { s.focus = .list }
    case "edit":
        if s.screen == .findings { jumpToFinding(&s); break }
        if s.screen == .changes { jumpToChange(&s); break }
        if s.screen == .overview { break }
        guard let list = s.activeList, let row = s.selectedRow(list) else { break }
        if s.focus == .list {
            s.focus = .detail
        } else {
            beginEdit(&s, list, row)
        }
    case "add":
        guard let list = s.activeList, list.canAdd else { break }
        if s.readOnly { return refuseReadOnly(&s) }
        var index = 0
        let today = s.today
        s.edit(Text.get("ui.label.add", list.itemWord)) { index = list.insert(&$0, today: today) }
        s.filter[list] = nil
        s.cursor[list] = index
        s.focus = .detail
        // Start on the title, or on the first field after the generated id.
        let fields = list.fields(s.plan)
        s.fieldCursor[list] = fields.firstIndex { $0.key == "title" } ?? (fields.first?.key == "id" && fields.count > 1 ? 1 : 0)
        s.setStatus(Text.get("ui.added", list.describe(s.plan, index)))
    case "waive":
        if s.screen == .findings { return waive(&s) }
    case "yank": return yank(&s)
    case "delete":
        guard let list = s.activeList, list.canAdd, let row = s.selectedRow(list) else { break }
        if s.readOnly { return refuseReadOnly(&s) }
        s.mode = .confirm(question: Text.get("ui.confirm.delete", list.describe(s.plan, row)), action: .delete(list, row))
    case "cancel":
        if s.focus == .detail { s.focus = .list } else if let list = s.activeList, s.filter[list] != nil { s.filter[list] = nil }
    default: break
    }
    return []
}

/// A waiver for the warning under the cursor in `7 Kontroll`, its rule and target filled in,
/// opened on its reason: the one thing only the kommunalsjef can write.
private func waive(_ s: inout AppState) -> [Effect] {
    let findings = s.report.findings
    guard findings.indices.contains(s.findingsCursor) else { return [] }
    let f = findings[s.findingsCursor]
    if f.isWaived {
        s.setStatus(Text.get("ui.waive.already", f.rule))
        return []
    }
    guard f.diagnostic.severity == .warning else {
        s.setStatus(Text.get(f.diagnostic.severity == .error ? "ui.waive.error" : "ui.waive.note"), error: f.diagnostic.severity == .error)
        return []
    }
    if s.readOnly { return refuseReadOnly(&s) }
    var index = 0
    let today = s.today
    s.edit(Text.get("ui.label.waive", f.rule)) { plan in
        index = ItemList.waivers.insert(&plan, today: today)
        plan.waivers[index].rule = f.rule
        plan.waivers[index].target = f.target
    }
    go(&s, .waivers, row: index, field: "reason", otherwise: .detail)
    beginEdit(&s, .waivers, index)
    return []
}

/// Copies what is under the cursor, as plain text, to paste into an e-mail or a document:
/// a field's value, a whole item (a line per field), or a finding's message.
private func yank(_ s: inout AppState) -> [Effect] {
    let text: String, what: String
    if s.screen == .findings, s.report.findings.indices.contains(s.findingsCursor) {
        let f = s.report.findings[s.findingsCursor]
        (text, what) = (f.diagnostic.message, Text.get("ui.yank.finding", f.rule))
    } else if let list = s.activeList, let row = list == .header ? 0 : s.selectedRow(list) {
        let fields = list.fields(s.plan), i = s.fieldCursor[list] ?? 0
        if s.focus == .detail || list == .header, fields.indices.contains(i) {
            let field = fields[i]
            (text, what) = (list.value(s.plan, row, field.key), "«" + field.title + "»")
        } else {
            text = fields.map { "\($0.title): \(ListScreen.display(list.value(s.plan, row, $0.key), $0, s))" }.joined(separator: "\n")
            what = list.itemWord + " " + list.name(s.plan, row)
        }
    } else {
        s.setStatus(Text.get("ui.yank.nothing"))
        return []
    }
    s.setStatus(Text.get("ui.yank.done", Sanitize.inline(what), String(text.count)))
    return [.copy(text)]
}

private func refuseReadOnly(_ s: inout AppState) -> [Effect] {
    s.setStatus(Text.get("ui.read-only"), error: true)
    return []
}

private func save(_ s: inout AppState) -> [Effect] {
    guard s.document.isDirty else {
        s.setStatus(Text.get("ui.nothing-to-save"))
        return []
    }
    return [.save(s.plan, path: s.document.path, expected: s.document.disk)]
}

private func move(_ s: inout AppState, _ action: String) {
    let page = max(1, s.size.height - 6)
    if s.screen == .overview {
        // A page less one row, so that the row at the edge stays in sight.
        let limit = OverviewScreen.scrollLimit(s), visible = s.size.height - 2 - OverviewScreen.headerHeight
        s.overviewOffset = step(min(s.overviewOffset, limit), action, count: limit + 1, page: max(1, visible - 1))
        return
    }
    if s.screen == .changes {
        let n = s.changes.count
        guard n > 0 else { return }
        s.changesCursor = step(min(s.changesCursor, n - 1), action, count: n, page: page)
        return
    }
    if s.screen == .findings {
        let n = s.report.findings.count
        guard n > 0 else { return }
        s.findingsCursor = step(s.findingsCursor, action, count: n, page: page)
        return
    }
    guard let list = s.activeList else { return }
    if s.focus == .detail {
        let n = list.fields(s.plan).count
        s.fieldCursor[list] = step(s.fieldCursor[list] ?? 0, action, count: n, page: page)
        return
    }
    let rows = s.visibleRows(list)
    guard !rows.isEmpty, let current = s.selectedRow(list), let pos = rows.firstIndex(of: current) else { return }
    s.cursor[list] = rows[step(pos, action, count: rows.count, page: page)]
}

private func step(_ i: Int, _ action: String, count: Int, page: Int) -> Int {
    switch action {
    case "up": return max(0, i - 1)
    case "down": return min(count - 1, i + 1)
    case "page-up": return max(0, i - page)
    case "page-down": return min(count - 1, i + page)
    case "first": return 0
    case "last": return count - 1
    default: return i
    }
}

/// Opens the editor that fits the field: a picker for codes, a text field for the rest.
func beginEdit(_ s: inout AppState, _ list: ItemList, _ row: Int) {
    if s.readOnly {
        _ = refuseReadOnly(&s)
        return
    }
    let fields = list.fields(s.plan)
    guard !fields.isEmpty else { return }
    let field = fields[min(s.fieldCursor[list] ?? 0, fields.count - 1)]
    let current = list.value(s.plan, row, field.key)
    switch field.kind {
    case .code(let source), .optionalCode(let source), .codes(let source):
        var choices = source.choices(s.plan, s.catalog, s.policies)
        if case .optionalCode = field.kind { choices.insert(("", Text.get("ui.none")), at: 0) }
        let multi: Bool
        if case .codes = field.kind { multi = true } else { multi = false }
        let chosen = Set(multi ? FieldText.codes(current) : [current])
        let cursor = choices.firstIndex { chosen.contains($0.0) } ?? 0
        s.mode = .picker(PickerState(list: list, row: row, field: field, choices: choices, chosen: chosen, cursor: cursor, multi: multi,
                                     filter: TextInput(), codeWidth: PickerState.widest(choices.map(\.0)),
                                     titleWidth: PickerState.widest(choices.map(\.1))))
    case .bool:
        commit(&s, list, row, field, FieldText.show(!(current == Text.get("ui.yes"))))
    case .kroner:
        s.mode = .edit(list: list, row: row, field: field, input: TextInput(current.replacingOccurrences(of: " kr", with: "")), error: nil)
    default:
        s.mode = .edit(list: list, row: row, field: field, input: TextInput(current), error: nil)
    }
}

/// Writes a field's new text to the plan as one undoable edit; on a bad value the editor stays open.
@discardableResult
func commit(_ s: inout AppState, _ list: ItemList, _ row: Int, _ field: FieldSpec, _ text: String) -> Bool {
    let change: PlanChange?
    do {
        // On the item alone: a trial copy of the plan copied its list (100 000 measures are 21 MB).
        change = try PlanChange.editing(s.plan, list: list.pointer, item: row) { (plan, i) throws(FieldError) in
            try list.set(&plan, i, field.key, text)
        }
    } catch {
        s.mode = .edit(list: list, row: row, field: field, input: TextInput(text), error: error.message)
        return false
    }
    let scope = Engine.scope(ofField: field.key, in: list.pointer)
    s.edit(Text.get("ui.label.edit", field.title, list.describe(s.plan, row)), scope: scope, change)
    s.mode = .normal
    // A key like `followUp.revisionDate` is the pointer `/followUp/revisionDate`.
    let pointer = "/" + field.key.replacingOccurrences(of: ".", with: "/")
    let problems = s.findings(list, row).filter { $0.diagnostic.path.hasSuffix(pointer) && $0.diagnostic.severity != .note }
    if let p = problems.first {
        s.setStatus((p.diagnostic.severity == .error ? "✗ " : "⚠ ") + p.diagnostic.message, error: p.diagnostic.severity == .error)
    } else {
        s.setStatus(Text.get("ui.changed", field.title))
    }
    return true
}

private func editKey(_ s: inout AppState, _ key: Key, _ list: ItemList, _ row: Int, _ field: FieldSpec, _ input: inout TextInput) -> [Effect] {
    switch key {
    case .escape: s.mode = .normal
    case .enter: commit(&s, list, row, field, input.text)
    default:
        if input.handle(key) { s.mode = .edit(list: list, row: row, field: field, input: input, error: nil) }
    }
    return []
}

private func pickerKey(_ s: inout AppState, _ key: Key, _ p: inout PickerState) -> [Effect] {
    let visible = p.visible
    switch key {
    case .escape:
        s.mode = .normal
        return []
    case .enter:
        if p.multi {
            let ordered = p.choices.map(\.0).filter { p.chosen.contains($0) }
            commit(&s, p.list, p.row, p.field, ordered.joined(separator: ", "))
        } else if let i = visible.first(where: { $0 == p.cursor }) ?? visible.first {
            commit(&s, p.list, p.row, p.field, p.choices[i].0)
        }
        return []
    case .up: p.cursor = visible.last { $0 < p.cursor } ?? p.cursor
    case .down: p.cursor = visible.first { $0 > p.cursor } ?? p.cursor
    case .char(" ") where p.multi:
        let code = p.choices[p.cursor].0
        if p.chosen.contains(code) { p.chosen.remove(code) } else { p.chosen.insert(code) }
    default:
        if p.filter.handle(key), let first = p.visible.first, !p.visible.contains(p.cursor) { p.cursor = first }
    }
    s.mode = .picker(p)
    return []
}

private func confirmKey(_ s: inout AppState, _ key: Key, _ action: ConfirmAction) -> [Effect] {
    let yes = key == .char("j") || key == .char("J") || key == .char("y") || key == .enter
    let no = key == .char("n") || key == .char("N")
    switch action {
    case .delete(let list, let row):
        s.mode = .normal
        guard yes else { return [] }
        let name = list.describe(s.plan, row)
        s.edit(Text.get("ui.label.delete", name)) { list.remove(&$0, row) }
        let n = list.count(s.plan)
        s.cursor[list] = n == 0 ? nil : min(row, n - 1)
        s.focus = .list
        s.setStatus(Text.get("ui.deleted", name))
    case .restore:
        let copy = key == .char("k") && s.recoveryReplacesNewer
        guard yes || no || copy || key == .escape else { return [] }
        s.mode = .normal
        guard let recovered = s.recovery else { return [] }
        s.recovery = nil
        // The journal goes only once the copy is written: `perform` stops at a failed save.
        if copy { return [.saveCopy(recovered, path: copyPath(s.document.path)), .discardJournal] }
        if yes {
            s.edit(Text.get("ui.label.restore")) { $0 = recovered }
            s.setStatus(Text.get("ui.restored"))
            return []
        }
        s.setStatus(Text.get("ui.discarded"))
        return [.discardJournal]
    case .changedOnDisk:
        switch key {
        case .char("r"):
            s.mode = .normal
            return [.reload(path: s.document.path)]
        case .char("k"):
            s.mode = .normal
            return [.saveCopy(s.plan, path: copyPath(s.document.path))]
        case .escape:
            s.mode = .normal
        default: break
        }
    case .quit:
        if key == .escape { s.mode = .normal; return [] }
        if no { return [.quit] }
        if yes || key == .char("s") {
            s.mode = .normal
            return save(&s) + [.quit]
        }
    }
    return []
}

/// The `:` commands, in the order help lists them, with the argument each takes.
let editorCommands: [(name: String, argument: String?)] = [
    ("w", nil), ("q", nil), ("q!", nil), ("wq", nil), ("check", nil), ("submit", nil), ("revise", nil),
    ("export", "[FIL]"), ("saksframlegg", "[FIL]"),
]

private func commandKey(_ s: inout AppState, _ key: Key, _ input: inout TextInput) -> [Effect] {
    switch key {
    case .escape:
        s.mode = .normal
        return []
    case .enter:
        s.mode = .normal
        return runCommand(&s, input.text.trimmingCharacters(in: .whitespaces))
    case .tab:
        complete(&s, &input)
        s.mode = .command(input)
        return []
    default:
        if input.handle(key) {
            s.status = nil
            s.mode = .command(input)
        }
        return []
    }
}

/// Tab on a command's name: the name when one fits what is typed, else as much as they share,
/// with the candidates in the status line.
private func complete(_ s: inout AppState, _ input: inout TextInput) {
    let typed = input.text
    guard !typed.contains(" ") else { return }
    let fits = editorCommands.filter { $0.name.hasPrefix(typed) }
    guard let first = fits.first else {
        s.setStatus(Text.get("ui.unknown-command", typed), error: true)
        return
    }
    if fits.count == 1 {
        input = TextInput(first.name + (first.argument == nil ? "" : " "))
        return
    }
    var shared = first.name
    for c in fits.dropFirst() { shared = String(zip(shared, c.name).prefix { $0 == $1 }.map(\.0)) }
    input = TextInput(shared)
    s.setStatus(fits.map { ":" + $0.name }.joined(separator: " · "))
}

func runCommand(_ s: inout AppState, _ command: String) -> [Effect] {
    let name = command.prefix { $0 != " " }
    if let document: Export.Document = name == "export" ? .plan : name == "saksframlegg" ? .saksframlegg : nil {
        return export(&s, document, command.dropFirst(name.count).trimmingCharacters(in: .whitespaces))
    }
    switch command {
    case "w": return save(&s)
    case "q": return normalKey(&s, s.keymap.keys(for: "quit").first ?? .char("q"))
    case "q!": return [.quit]
    case "wq", "x": return s.document.isDirty ? save(&s) + [.quit] : [.quit]
    case "check":
        s.screen = .findings
        s.setStatus(DiagnosticRenderer.summary(s.report.diagnostics))
    case "revise":
        guard s.plan.status != .draft else {
            s.setStatus(Text.get("ui.revise.already-draft"))
            return []
        }
        s.edit(Text.get("ui.label.revise")) { $0.status = .draft }
        s.setStatus(Text.get("ui.revised"))
    case "submit":
        if s.readOnly { return refuseReadOnly(&s) }
        var trial = s.plan
        trial.status = .submitted
        let r = Engine(catalog: s.catalog, policies: s.policies).check(trial)
        if r.errors > 0 || r.openWarnings > 0 {
            s.screen = .findings
            s.setStatus(Text.get("ui.submit-refused", String(s.report.errors), String(s.report.openWarnings)), error: true)
        } else {
            s.edit(Text.get("ui.label.submit")) { $0.status = .submitted }
            s.setStatus(Text.get("ui.submitted"))
        }
    default:
        if let near = Suggest.closest(to: String(name), in: editorCommands.map(\.name)) {
            s.setStatus(Text.get("ui.unknown-command-near", command, near), error: true)
        } else {
            s.setStatus(Text.get("ui.unknown-command", command), error: true)
        }
    }
    return []
}

private func searchKey(_ s: inout AppState, _ key: Key, _ input: inout TextInput) -> [Effect] {
    guard let list = s.activeList else { s.mode = .normal; return [] }
    switch key {
    case .escape:
        s.filter[list] = nil
        s.mode = .normal
    case .enter:
        s.mode = .normal
        s.setStatus(Text.get("ui.filter-result", String(s.visibleRows(list).count), input.text))
    default:
        if input.handle(key) {
            s.filter[list] = input.text.isEmpty ? nil : input.text
            s.mode = .search(input)
        }
    }
    return []
}

/// `:export [FIL]` and `:saksframlegg [FIL]`: the plan document or the case draft, in the
/// format the file's extension names; by default a PDF beside the plan.
private func export(_ s: inout AppState, _ document: Export.Document, _ file: String) -> [Effect] {
    let path = file.isEmpty ? exportPath(s.document.path, document) : file
    guard let format = Export.Format(fileName: path) else {
        s.setStatus(Text.get("ui.export.unknown-format", path), error: true)
        return []
    }
    s.setStatus(Text.get("ui.exporting", Text.get("ui.export.document.\(document.rawValue)"), path))
    return [.export(document, format, path: path)]
}

/// Beside the plan, named as it is: `fjordvik.kplan.json` → `fjordvik.pdf`, and
/// `fjordvik-saksframlegg.pdf` for the case draft.
private func exportPath(_ planPath: String, _ document: Export.Document) -> String {
    (planStem(planPath) ?? (planPath as NSString).deletingPathExtension) + (document == .plan ? "" : "-" + document.rawValue) + ".pdf"
}

/// Where "keep mine" writes: `plan.kplan.json` → `plan.mine.kplan.json`, beside it.
func copyPath(_ path: String) -> String {
    planStem(path).map { $0 + ".mine.kplan.json" } ?? path + ".mine"
}

/// A plan file's path without `.kplan.json`, or nil when it has another name.
private func planStem(_ path: String) -> String? {
    path.hasSuffix(".kplan.json") ? String(path.dropLast(".kplan.json".count)) : nil
}

/// Enter on a finding: go to the screen, item and field it is about.
func jumpToFinding(_ s: inout AppState) {
    let findings = s.report.findings
    guard s.findingsCursor < findings.count else { return }
    let path = findings[s.findingsCursor].diagnostic.path
    guard let target = FindingTarget(path: path, plan: s.plan) else { return }
    go(&s, target.list, row: target.row, field: target.field, otherwise: target.row == nil ? .list : .detail)
}

/// From a change in `8 Endringer` to the item and field it changed.
func jumpToChange(_ s: inout AppState) {
    let changes = s.changes
    guard changes.indices.contains(s.changesCursor) else { return }
    let c = changes[s.changesCursor]
    guard c.kind != .removed else {
        s.setStatus(Text.get("ui.changes.gone"))
        return
    }
    guard let name = c.list else {
        go(&s, .header, row: 0, field: c.field, otherwise: .detail)
        return
    }
    guard let list = ItemList(rawValue: name), let row = (0..<list.count(s.plan)).first(where: { list.diffKey(s.plan, $0) == c.key }) else { return }
    go(&s, list, row: row, field: c.field, otherwise: .list)
}

/// Shows a list at a row, on the field when it is one of the list's, else with `otherwise` focused.
func go(_ s: inout AppState, _ list: ItemList, row: Int?, field: String?, otherwise: Focus) {
    guard let screen = ScreenID.allCases.first(where: { $0.lists.contains(list) }) else { return }
    s.screen = screen
    s.section[screen] = screen.lists.firstIndex(of: list) ?? 0
    s.filter[list] = nil
    if let row { s.cursor[list] = row }
    if let field, let i = list.fields(s.plan).firstIndex(where: { $0.key == field }) {
        s.fieldCursor[list] = i
        s.focus = .detail
    } else {
        s.focus = otherwise
    }
}

/// Where a JSON pointer points in the UI.
struct FindingTarget: Equatable {
    var screen: ScreenID
    var list: ItemList
    var row: Int?
    var field: String?

    init?(path: String, plan: Plan) {
        let parts = path.split(separator: "/").map(String.init)
        let byPointer: [(String, ItemList)] = ItemList.allCases.filter { $0 != .header }.map { ($0.pointer, $0) }
        if let (pointer, list) = byPointer.first(where: { path == $0.0 || path.hasPrefix($0.0 + "/") }) {
            self.list = list
            screen = ScreenID.allCases.first { $0.lists.contains(list) } ?? .overview
            let rest = path.dropFirst(pointer.count).split(separator: "/").map(String.init)
            row = rest.first.flatMap(Int.init)
            if rest.count >= 2 {
                field = rest[1] == "amounts" && rest.count >= 3 ? rest[2] : rest[1]
            }
            return
        }
        if parts.first == "budget" {
            (screen, list, row, field) = (.budget, .costs, nil, nil)
            return
        }
        screen = .decisions
        list = .header
        row = 0
        let key = parts.joined(separator: ".")
        field = PlanHeader.fields.contains { $0.key == key } ? key : nil
        if parts.isEmpty { return nil }
    }
}
