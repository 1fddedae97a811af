import KPlanCore

/// Keeps the recovery journal in step with the plan, before an edit is shown as done: each
/// change appended while there are unsaved edits, the journal removed when there are none.
public struct JournalKeeper: Sendable {
    private var revision: Int
    /// Whether the journal holds unsaved edits (when not, there is none).
    private var dirty: Bool
    private var written: Journal.Written?

    public init(_ state: AppState) {
        revision = state.document.revisionID
        dirty = state.document.isDirty
    }

    /// Brings the journal up to the state's plan; a failure is shown in the status line.
    public mutating func keep(_ state: inout AppState) {
        let document = state.document
        let now = (document.revisionID, document.isDirty)
        guard now != (revision, dirty) else { return }
        defer { (revision, dirty) = now }
        guard document.isDirty else {
            Journal.remove(for: document.path)
            written = nil
            return
        }
        // The last change, when it started from the plan the journal holds (with unsaved
        // edits) or the file holds (without: the plan as loaded or saved).
        let change = document.lastChange.flatMap { $0.from == revision && $0.to == now.0 ? $0.change : nil }
        do {
            written = try Journal.record(state.plan, change: change, edits: document.editCount, for: document.path,
                                         written: dirty ? written : nil, base: dirty ? nil : document.disk)
        } catch {
            written = nil
            state.setStatus(Text.get("ui.journal-failed", error.description), error: true)
        }
    }
}
