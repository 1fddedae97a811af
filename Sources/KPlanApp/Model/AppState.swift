import KPlanCore
import TermUI

public enum ScreenID: Int, Sendable, CaseIterable {
    case overview = 1, needs, measures, training, budget, staffing, findings, changes
    case decisions = 9

    public var title: String { Text.get("ui.screen.\(rawValue)") }

    /// Lookup by the names `kplan render --screen` takes (Norwegian or English).
    public init?(name: String) {
        let names: [String: ScreenID] = [
            "oversikt": .overview, "overview": .overview, "behov": .needs, "needs": .needs, "tiltak": .measures,
            "measures": .measures, "utdanning": .training, "training": .training, "budsjett": .budget, "budget": .budget,
            "bemanning": .staffing, "staffing": .staffing, "kontroll": .findings, "findings": .findings,
            "vedtak": .decisions, "decisions": .decisions, "endringer": .changes, "changes": .changes,
        ]
        if let s = names[name.lowercased()] { self = s } else if let n = Int(name), let s = ScreenID(rawValue: n) { self = s } else { return nil }
    }

    /// The lists a screen shows, in the order `]` walks them.
    var lists: [ItemList] {
        switch self {
        case .overview, .findings, .changes: return []
        case .needs: return [.needs]
        case .measures: return [.measures]
        case .training: return [.slots]
        case .budget: return [.costs, .funding]
        case .staffing: return [.workforce, .population]
        case .decisions: return [.header, .decisions, .members, .waivers]
        }
    }
}

public enum Focus: Sendable, Equatable { case list, detail }

public enum ConfirmAction: Sendable, Equatable {
    case delete(ItemList, Int)
    case quit
    case restore
    /// The file changed on disk: reload it, or keep these edits in a copy.
    case changedOnDisk
}

public struct PickerState: Sendable, Equatable {
    var list: ItemList
    var row: Int
    var field: FieldSpec
    var choices: [(String, String)]
    var chosen: Set<String>
    var cursor: Int
    var multi: Bool
    var filter: TextInput
    /// Display widths of the widest code and title (`widest`), measured once when the picker
    /// opens: a picker of measures on a large plan has as many choices as the plan has measures.
    var codeWidth = 0, titleWidth = 0

    static func widest(_ texts: some Sequence<String>) -> Int { texts.lazy.map { DisplayWidth.of(Sanitize.inline($0)) }.max() ?? 0 }

    public static func == (a: PickerState, b: PickerState) -> Bool {
        a.list == b.list && a.row == b.row && a.field == b.field && a.chosen == b.chosen && a.cursor == b.cursor && a.filter == b.filter
    }

    var visible: [Int] {
        let f = filter.text.lowercased()
        guard !f.isEmpty else { return Array(choices.indices) }
        return choices.indices.filter { choices[$0].0.lowercased().contains(f) || choices[$0].1.lowercased().contains(f) }
    }
}

public enum Mode: Sendable, Equatable {
    case normal
    case edit(list: ItemList, row: Int, field: FieldSpec, input: TextInput, error: String?)
    case picker(PickerState)
    case confirm(question: String, action: ConfirmAction)
    case command(TextInput)
    case search(TextInput)
    case help(offset: Int)
}

/// Everything the terminal UI shows, as one value. `update` changes it; `view` draws it.
public struct AppState: Sendable {
    public var document: Document
    /// The engine's findings and figures on the plan as it is now.
    public var report: Report { checked.report }
    private var checked: CheckedPlan
    public var screen: ScreenID = .overview
    public var focus: Focus = .list
    public var mode: Mode = .normal
    public var size: Size
    public var status: String?
    public var statusIsError = false
    public let catalog: Catalog
    public let policies: PolicySet
    public var theme: Theme
    public var colors: Bool
    public var keymap: Keymap

    var cursor: [ItemList: Int] = [:]
    var offset: [ItemList: Int] = [:]
    var section: [ScreenID: Int] = [:]
    var fieldCursor: [ItemList: Int] = [:]
    var filter: [ItemList: String] = [:]
    var findingsCursor = 0
    var findingsOffset = 0
    var changesCursor = 0
    /// How far `1 Oversikt` is scrolled, in rows.
    var overviewOffset = 0
    /// The plan as last committed to git, for `8 Endringer` (nil outside git).
    public var base: Plan?

    /// The changes `8 Endringer` lists: the plan against its last commit.
    var changes: [PlanDiff.Change] { base.map { PlanDiffer.diff($0, plan).changes } ?? [] }
    /// Unsaved edits found in the recovery journal when the plan was opened.
    var recovery: Plan?
    /// The recovered edits are on the file as it was, which someone has changed since.
    var recoveryReplacesNewer = false
    /// The date new decisions and waivers get (YYYY-MM-DD); set from the clock by the editor,
    /// left out by `kplan render` and the tests so that their screens do not change by the day.
    public var today: String?

    /// Offers to restore edits a crash left in the journal.
    public mutating func offerRecovery(_ entry: Journal.Entry) {
        recovery = entry.plan
        recoveryReplacesNewer = entry.replacesNewerFile
        let time = Format.dateTime(entry.written)
        let clash = entry.replacesNewerFile ? " " + Text.get("ui.confirm.restore-over-newer") : ""
        // Where restoring would replace someone's changes, the edits can go to a copy instead,
        // to compare and bring over by hand.
        let copy = entry.replacesNewerFile ? Text.get("ui.confirm.restore-copy", copyPath(document.path)) : ""
        mode = .confirm(question: Text.get("ui.confirm.restore", String(entry.edits), time, clash, copy), action: .restore)
    }

    public static let minimumSize = Size(width: 60, height: 16)

    public init(plan: Plan, path: String, disk: DiskVersion?, size: Size, catalog: Catalog = .bundled, policies: PolicySet = .bundled,
                theme: Theme = .builtinMono, colors: Bool = false, keymap: Keymap = DefaultKeymap.make()) {
        document = Document(plan: plan, path: path, disk: disk)
        self.size = size
        self.catalog = catalog
        self.policies = policies
        self.theme = theme
        self.colors = colors
        self.keymap = keymap
        checked = Engine(catalog: catalog, policies: policies).run(plan)
        if readOnly { status = Text.get("ui.read-only") }
    }

    public var plan: Plan { document.plan }
    /// An approved plan is not edited; `:revise` makes it a draft, a new revision.
    public var readOnly: Bool { plan.status == .approved }

    /// Applies an edit to the plan and re-checks it: findings are always current.
    /// `scope` says which fields the edit changes (`Engine.scope(ofField:in:)`), so that only
    /// what reads them is worked out again.
    mutating func edit(_ label: String, scope: Engine.EditScope = .whole, _ change: (inout Plan) -> Void) {
        document.apply(label, scope: scope, change)
        recheck(scope: scope)
    }

    /// As `edit(_:scope:_:)`, for a change worked out beforehand (`PlanChange.editing`).
    mutating func edit(_ label: String, scope: Engine.EditScope, _ change: PlanChange?) {
        document.apply(label, scope: scope, change)
        recheck(scope: scope)
    }

    mutating func recheck(scope: Engine.EditScope = .whole) {
        checked = Engine(catalog: catalog, policies: policies).recheck(document.plan, after: checked, scope: scope)
    }

    var tooSmall: Bool { size.width < Self.minimumSize.width || size.height < Self.minimumSize.height }

    var activeList: ItemList? {
        let lists = screen.lists
        guard !lists.isEmpty else { return nil }
        return lists[min(section[screen] ?? 0, lists.count - 1)]
    }

    /// Rows of a list that pass the `/` filter, in plan order.
    func visibleRows(_ list: ItemList) -> [Int] {
        let n = list.count(plan)
        guard let f = filter[list]?.lowercased(), !f.isEmpty else { return Array(0..<n) }
        return (0..<n).filter { list.searchText(plan, $0, catalog: catalog).contains(f) }
    }

    func selectedRow(_ list: ItemList) -> Int? {
        let rows = visibleRows(list)
        guard !rows.isEmpty else { return nil }
        let c = cursor[list] ?? rows[0]
        return rows.contains(c) ? c : rows.first { $0 >= c } ?? rows.last
    }

    public mutating func setStatus(_ text: String, error: Bool = false) {
        status = text
        statusIsError = error
    }

    /// Findings about one item (by JSON pointer prefix).
    func findings(_ list: ItemList, _ row: Int) -> [Finding] {
        let prefix = list == .header ? "" : "\(list.pointer)/\(row)"
        return report.findings.filter { f in
            let p = f.diagnostic.path
            if list == .header { return !ItemList.allCases.dropFirst().contains { p.hasPrefix($0.pointer + "/") } && !p.hasPrefix("/budget") }
            return p == prefix || p.hasPrefix(prefix + "/")
        }
    }
}

public enum Effect: Sendable, Equatable {
    /// Write the plan to its file, refusing if it changed on disk since `expected`.
    case save(Plan, path: String, expected: DiskVersion?)
    case quit
    case suspend
    /// The journal's edits were declined: remove it.
    case discardJournal
    /// Read the file again, dropping the edits in memory.
    case reload(path: String)
    /// Write the plan next to the file under another name.
    case saveCopy(Plan, path: String)
    /// Write the plan's document, as it is in the editor, to a file.
    case export(Export.Document, Export.Format, path: String)
    /// Put text on the terminal's clipboard.
    case copy(String)
}

public enum Message: Sendable, Equatable {
    case key(Key)
    case resized(Size)
    case saved(DiskVersion)
    case saveFailed(String)
    /// A save found the file changed on disk since it was read.
    case changedOnDisk
    case reloaded(Plan, DiskVersion)
    case copySaved(String)
    case exported(Export.Document, path: String)
    case exportFailed(String)
}
