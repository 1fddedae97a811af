/// What an edit changed in a plan, both ways, holding only what differs: the plan's own fields
/// and short lists as they were and became, and of each long list (needs, measures, training
/// slots, cost and funding lines) the run of items the edit replaced and the items that
/// replaced it.
///
/// An undo history of whole plans kept the old copy of every list an edit touched: on a plan of
/// 100 000 measures that was 21 MB an edit, and the editor grew without bound. A change is
/// also what the recovery journal appends, a few kilobytes where the whole plan is 150 MB.
public struct PlanChange: Sendable, Equatable {
    /// The plan before and after, with each long list cut down to the items the change
    /// replaced (`before`) and the items that replaced them (`after`).
    public let before: Plan
    public let after: Plan
    /// Per long list, in the order `LongListVisitor.visitAll` visits them, where the cut
    /// items start.
    public let starts: [Int]

    /// The change from `old` to `new`; nil when they are equal.
    public init?(from old: Plan, to new: Plan) {
        var cut = Cut(old: old, new: new)
        cut.visitAll()
        guard cut.before != cut.after else { return nil }
        self.init(before: cut.before, after: cut.after, starts: cut.starts)
    }

    /// The change an edit of one item makes, worked out on that item alone, so that no list is
    /// copied: `edit` gets the plan with its long lists cut down to the item, and where the
    /// item is in it. `list` is the JSON pointer of the item's list ("" for the plan's own
    /// fields); an item of a short list keeps its place. Nil when the edit changes nothing.
    public static func editing<Failure: Error>(_ plan: Plan, list: String, item: Int,
                                               _ edit: (inout Plan, Int) throws(Failure) -> Void) throws(Failure) -> PlanChange? {
        var cut = CutToItem(plan: plan, list: list, item: item)
        cut.visitAll()
        var after = cut.before
        try edit(&after, cut.place)
        guard after != cut.before else { return nil }
        return PlanChange(before: cut.before, after: after, starts: cut.starts)
    }

    /// As `init(from:to:)` made it, or as the journal read it back (check it with `applies(to:)`).
    public init(before: Plan, after: Plan, starts: [Int]) {
        self.before = before
        self.after = after
        self.starts = starts
    }

    /// The change that undoes this one.
    public var reversed: PlanChange { PlanChange(before: after, after: before, starts: starts) }

    /// Makes `plan` (the plan `before` was cut from) into the plan `after` was cut from. The
    /// long lists are spliced where they are, so a list nobody else holds is not copied.
    public func apply(to plan: inout Plan) {
        var splice = Splice(change: self, result: after, plan: after)
        swap(&splice.plan, &plan)
        splice.visitAll()
        plan = splice.result
    }

    /// Whether this change was cut from `plan`: its fields are those of `before`, and every
    /// run the change replaces is in its list and holds `before`'s items. Then `apply(to:)`
    /// gives the plan `after` was cut from. For a change read back from the journal.
    public func applies(to plan: Plan) -> Bool {
        var check = Applies(change: self, plan: plan, rest: plan, restBefore: before)
        check.visitAll()
        return check.applies && check.rest == check.restBefore
    }

    private struct Cut: LongListVisitor {
        let old: Plan, new: Plan
        var before: Plan, after: Plan
        var starts: [Int] = []

        init(old: Plan, new: Plan) {
            self.old = old; self.new = new
            before = old; after = new
        }

        mutating func visit<E: Equatable & Sendable>(_ list: WritableKeyPath<Plan, [E]>, _ n: Int) {
            let (start, removed, inserted) = differingRun(old[keyPath: list], new[keyPath: list])
            before[keyPath: list] = removed
            after[keyPath: list] = inserted
            starts.append(start)
        }
    }

    private struct CutToItem: LongListVisitor {
        let plan: Plan, pointer: String, item: Int
        var before: Plan
        var starts: [Int] = []
        var place: Int

        init(plan: Plan, list pointer: String, item: Int) {
            self.plan = plan; self.pointer = pointer; self.item = item
            before = plan
            place = item
        }

        mutating func visit<E: Equatable & Sendable>(_ list: WritableKeyPath<Plan, [E]>, _ n: Int) {
            let isItsList = longListPointers[n] == pointer
            before[keyPath: list] = isItsList ? [plan[keyPath: list][item]] : []
            starts.append(isItsList ? item : 0)
            if isItsList { place = 0 }
        }
    }

    private struct Splice: LongListVisitor {
        let change: PlanChange
        var result: Plan
        var plan: Plan

        mutating func visit<E: Equatable & Sendable>(_ list: WritableKeyPath<Plan, [E]>, _ n: Int) {
            // Moved, not copied: `plan` was the only other holder of the list.
            swap(&result[keyPath: list], &plan[keyPath: list])
            let removed = change.before[keyPath: list], inserted = change.after[keyPath: list]
            guard !removed.isEmpty || !inserted.isEmpty else { return }
            let start = change.starts[n]
            result[keyPath: list].replaceSubrange(start..<start + removed.count, with: inserted)
        }
    }

    private struct Applies: LongListVisitor {
        let change: PlanChange
        let plan: Plan
        /// `plan` and `before` with their long lists emptied, for comparing the rest.
        var rest: Plan, restBefore: Plan
        var applies = true

        mutating func visit<E: Equatable & Sendable>(_ list: WritableKeyPath<Plan, [E]>, _ n: Int) {
            rest[keyPath: list] = []
            restBefore[keyPath: list] = []
            guard applies, n < change.starts.count else { applies = false; return }
            let items = plan[keyPath: list], removed = change.before[keyPath: list], start = change.starts[n]
            applies = start >= 0 && start <= items.count && removed.count <= items.count - start
                && items[start..<start + removed.count].elementsEqual(removed)
        }
    }
}

/// Where two versions of a list differ: the start, and the items of each between their common
/// beginning and common end. Items are compared where they are, not copied out.
func differingRun<E: Equatable>(_ old: [E], _ new: [E]) -> (start: Int, removed: [E], inserted: [E]) {
    let same = old.count == new.count && old.withUnsafeBufferPointer { a in new.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
    if same { return (0, [], []) }
    let shorter = min(old.count, new.count)
    var prefix = 0
    while prefix < shorter && old[prefix] == new[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < shorter - prefix && old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
    return (prefix, Array(old[prefix..<old.count - suffix]), Array(new[prefix..<new.count - suffix]))
}

/// The JSON pointers of the long lists, in the order `LongListVisitor.visitAll` visits them.
let longListPointers = ["/needs", "/measures", "/trainingSlots", "/budget/costs", "/budget/funding"]

/// Visits the plan's lists that grow with its size, always in the same order. A change keeps
/// only the items of these it touched; the rest of a plan is small and is kept whole.
protocol LongListVisitor {
    mutating func visit<E: Equatable & Sendable>(_ list: WritableKeyPath<Plan, [E]>, _ n: Int)
}

extension LongListVisitor {
    mutating func visitAll() {
        visit(\Plan.needs, 0)
        visit(\Plan.measures, 1)
        visit(\Plan.trainingSlots, 2)
        visit(\Plan.budget.costs, 3)
        visit(\Plan.budget.funding, 4)
    }
}
