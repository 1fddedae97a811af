/// Every id reference in the plan resolved to a position once, so no rule or figure hashes
/// an id a second time. Repeated ids resolve to their first item, as a reader would.
struct RuleLookups: Sendable {
    static let missing: Int32 = -1
    /// A funding line that names no measure (money for the plan as a whole).
    static let none: Int32 = -2

    let needs: IdIndex
    let measures: IdIndex
    /// The ids of the training slots and the budget lines: the structure rules look for
    /// repeats among them, and a waiver's target may be any of them.
    let slots: IdIndex
    let costs: IdIndex
    let funding: IdIndex
    /// Measure i's `needs`, resolved, in its order; `missing` where no need has the id.
    let measureNeeds: Ragged
    /// Per training slot / cost line / funding line: the measure it names, or `missing` / `none`.
    let slotMeasure: [Int32]
    let costMeasure: [Int32]
    let fundingMeasure: [Int32]

    init(_ plan: Plan) {
        // The two halves share nothing, and on a large plan each is a few cache-missing
        // passes over a hash table. Items are read by position (see Engine).
        ((needs, measureNeeds), (measures, slotMeasure, costMeasure, fundingMeasure, slots, costs, funding)) = Parallel.both({
            let needs = IdIndex(plan.needs.indices.map { plan.needs[$0].id })
            var resolver = Resolver(needs)
            var lists = Ragged()
            // Each measure's list is a heap block of its own, a cache miss on a large plan. In
            // blocks: a short loop reads the lengths of a block's lists, so that the processor
            // waits for those misses together, and then their ids are resolved. Loops, not
            // `lists.append(needs.lazy.map(resolve))`: that closure copied the resolver per
            // measure, four reference-counted arrays, and atomic operations keep the processor
            // from overlapping misses.
            var counts = [Int](repeating: 0, count: 64)
            for block in stride(from: 0, to: plan.measures.count, by: counts.count) {
                let end = min(plan.measures.count, block + counts.count)
                for i in block..<end { counts[i - block] = plan.measures[i].needs.count }
                for i in block..<end {
                    for k in 0..<counts[i - block] { lists.append(resolver.resolve(plan.measures[i].needs[k])) }
                    lists.endList()
                }
            }
            return (needs, lists)
        }, {
            let measures = IdIndex(plan.measures.indices.map { plan.measures[$0].id })
            var resolver = Resolver(measures)
            let slots = plan.trainingSlots, costs = plan.budget.costs, funding = plan.budget.funding
            return (measures,
                    slots.indices.map { resolver.resolve(slots[$0].measure) },
                    costs.indices.map { resolver.resolve(costs[$0].measure) },
                    funding.indices.map { funding[$0].measure.map { resolver.resolve($0) } ?? Self.none },
                    IdIndex(slots.indices.map { slots[$0].id }),
                    IdIndex(costs.indices.map { costs[$0].id }),
                    IdIndex(funding.indices.map { funding[$0].id }))
        })
    }

    /// Resolves the ids of a list that mostly follows the plan's order, as cost lines, slots
    /// and funding do (measure by measure): it first compares the item it found last and the
    /// one after, and hashes only when neither is it. On a large plan a hash lookup is a
    /// cache miss; the comparison reads the next id in memory.
    struct Resolver {
        let index: IdIndex
        private var last = -1

        init(_ index: IdIndex) { self.index = index }

        mutating func resolve(_ id: String) -> Int32 {
            let ids = index.ids
            for guess in last...last + 1 where guess >= 0 && guess < ids.count && ids[guess] == id {
                last = guess
                return Int32(index.first(guess))
            }
            guard let found = index.firstIndex(of: id) else { return RuleLookups.missing }
            last = found
            return Int32(found)
        }
    }

    /// For each need, the measures that name it, in plan order (a measure that names it twice
    /// is there twice, side by side).
    func measuresByNeed() -> Ragged {
        measureNeeds.inverted(count: needs.ids.count)
    }

    /// For each measure, the training slots that name it.
    func slotsByMeasure() -> Ragged {
        Ragged(single: slotMeasure).inverted(count: measures.ids.count)
    }

    /// For each measure, the cost lines that name it.
    func costsByMeasure() -> Ragged {
        Ragged(single: costMeasure).inverted(count: measures.ids.count)
    }
}

/// Lists of positions stored back to back (compressed sparse rows): one allocation for
/// all lists instead of one per list.
struct Ragged: Sendable {
    /// List i is values[offsets[i] ..< offsets[i + 1]].
    private(set) var offsets: [Int32]
    private(set) var values: [Int32]

    var count: Int { offsets.count - 1 }

    subscript(i: Int) -> ArraySlice<Int32> { values[Int(offsets[i])..<Int(offsets[i + 1])] }

    /// No lists.
    init() {
        offsets = [0]
        values = []
    }

    /// Adds a value to the list being built; `endList` closes it.
    mutating func append(_ value: Int32) { values.append(value) }

    mutating func endList() { offsets.append(Int32(values.count)) }

    /// One list per value, holding that value (or nothing for a negative one).
    init(single: [Int32]) {
        offsets = [0]
        offsets.reserveCapacity(single.count + 1)
        values = []
        values.reserveCapacity(single.count)
        for v in single {
            if v >= 0 { values.append(v) }
            offsets.append(Int32(values.count))
        }
    }

    private init(offsets: [Int32], values: [Int32]) {
        self.offsets = offsets
        self.values = values
    }

    /// List j of the result holds every i whose list holds j, in order of i. Counting sort:
    /// two passes, no hashing.
    func inverted(count: Int) -> Ragged {
        var starts = [Int32](repeating: 0, count: count + 1)
        for v in values where v >= 0 { starts[Int(v) + 1] += 1 }
        for j in 0..<count { starts[j + 1] += starts[j] }
        var next = starts
        var result = [Int32](repeating: 0, count: Int(starts[count]))
        // By index: `self[i]`, a slice, retained the values per list.
        for i in 0..<self.count {
            for k in Int(offsets[i])..<Int(offsets[i + 1]) where values[k] >= 0 {
                let v = Int(values[k])
                result[Int(next[v])] = Int32(i)
                next[v] += 1
            }
        }
        return Ragged(offsets: starts, values: result)
    }
}
