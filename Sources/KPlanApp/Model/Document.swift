import KPlanCore

/// The plan being edited, its undo history and whether it differs from the file.
public struct Document: Sendable {
    /// What an undoable edit did, as undo and redo report it.
    public struct Edit: Sendable, Equatable {
        public var label: String
        /// How much of the last check the edit leaves standing, undone or redone too.
        public var scope: Engine.EditScope
    }

    struct Entry: Sendable {
        /// Undoes the edit on the undo stack, redoes it on the redo stack.
        var change: PlanChange
        var revision: Int
        var edit: Edit
    }

    public private(set) var plan: Plan
    public var path: String
    /// What was on disk when loaded or last saved.
    public var disk: DiskVersion?
    private var revision = 0
    private var nextRevision = 1
    private var savedRevision = 0
    private var undoStack: [Entry] = []
    private var redoStack: [Entry] = []
    /// The last edit, undo or redo, and the revisions it led from and to: what the recovery
    /// journal appends when it holds the revision before.
    public private(set) var lastChange: (change: PlanChange, from: Int, to: Int)?

    public init(plan: Plan, path: String, disk: DiskVersion?) {
        self.plan = plan
        self.path = path
        self.disk = disk
    }

    public var isDirty: Bool { revision != savedRevision }
    /// Identifies the current state of the plan; changes with every edit, undo and redo.
    public var revisionID: Int { revision }
    /// Undoable edits since the file was opened.
    public var editCount: Int { undoStack.count }
    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }

    /// Records an edit. The history keeps what each edit changed, not the plans: a plan of
    /// 100 000 measures would cost 21 MB an edit.
    public mutating func apply(_ label: String, scope: Engine.EditScope = .whole, _ change: (inout Plan) -> Void) {
        var next = plan
        change(&next)
        apply(label, scope: scope, PlanChange(from: plan, to: next))
    }

    /// Records an edit made as a change of the current plan (`PlanChange.editing`): the plan
    /// is changed where it is, and a list no undo step holds is not copied.
    public mutating func apply(_ label: String, scope: Engine.EditScope = .whole, _ change: PlanChange?) {
        guard let change else { return }
        undoStack.append(Entry(change: change.reversed, revision: revision, edit: Edit(label: label, scope: scope)))
        if undoStack.count > 500 { undoStack.removeFirst() }
        redoStack.removeAll()
        change.apply(to: &plan)
        lastChange = (change, revision, nextRevision)
        revision = nextRevision
        nextRevision += 1
    }

    public mutating func undo() -> Edit? {
        guard let e = undoStack.popLast() else { return nil }
        redoStack.append(step(e))
        return e.edit
    }

    public mutating func redo() -> Edit? {
        guard let e = redoStack.popLast() else { return nil }
        undoStack.append(step(e))
        return e.edit
    }

    /// Goes to the plan of an entry of one stack; returns the entry for the other.
    private mutating func step(_ e: Entry) -> Entry {
        e.change.apply(to: &plan)
        let other = Entry(change: e.change.reversed, revision: revision, edit: e.edit)
        lastChange = (e.change, revision, e.revision)
        revision = e.revision
        return other
    }

    public mutating func markSaved(_ version: DiskVersion) {
        disk = version
        savedRevision = revision
    }
}
