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
        var plan: Plan
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

    /// Records an edit. Undo snapshots are whole plans: value types share storage, so a
    /// snapshot costs only the arrays the edit changed.
    public mutating func apply(_ label: String, scope: Engine.EditScope = .whole, _ change: (inout Plan) -> Void) {
        var next = plan
        change(&next)
        guard next != plan else { return }
        undoStack.append(Entry(plan: plan, revision: revision, edit: Edit(label: label, scope: scope)))
        if undoStack.count > 500 { undoStack.removeFirst() }
        redoStack.removeAll()
        plan = next
        revision = nextRevision
        nextRevision += 1
    }

    public mutating func undo() -> Edit? {
        guard let e = undoStack.popLast() else { return nil }
        redoStack.append(Entry(plan: plan, revision: revision, edit: e.edit))
        plan = e.plan
        revision = e.revision
        return e.edit
    }

    public mutating func redo() -> Edit? {
        guard let e = redoStack.popLast() else { return nil }
        undoStack.append(Entry(plan: plan, revision: revision, edit: e.edit))
        plan = e.plan
        revision = e.revision
        return e.edit
    }

    public mutating func markSaved(_ version: DiskVersion) {
        disk = version
        savedRevision = revision
    }
}
