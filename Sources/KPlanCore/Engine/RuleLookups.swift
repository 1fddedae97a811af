/// Every id reference in the plan resolved to a position once, so no rule or figure hashes
/// an id a second time. Repeated ids resolve to their first item, as a reader would.
struct RuleLookups: Sendable {
    static let missing: Int32 = -1
    /// A funding line that names no measure (money for the plan as a whole).
    static let none: Int32 = -2

    let needs: IdIndex
    let measures: IdIndex
    /// Measure i's `needs`, resolved, in its order; `missing` where no need has the id.
    let measureNeeds: Ragged
    /// Per training slot / cost line / funding line: the measure it names, or `missing` / `none`.
    let slotMeasure: [Int32]
    let costMeasure: [Int32]
    let fundingMeasure: [Int32]

    init(_ plan: Plan) {
        // The two halves share nothing, and on a large plan each is a few cache-missing
        // passes over a hash table.
        ((needs, measureNeeds), (measures, slotMeasure, costMeasure, fundingMeasure)) = Parallel.both({
            let needs = IdIndex(plan.needs.map(\.id))
            return (needs, Ragged(plan.measures.lazy.map(\.needs)) { Self.resolve($0, in: needs) })
        }, {
            let measures = IdIndex(plan.measures.map(\.id))
            return (measures,
                    plan.trainingSlots.map { Self.resolve($0.measure, in: measures) },
                    plan.budget.costs.map { Self.resolve($0.measure, in: measures) },
                    plan.budget.funding.map { $0.measure.map { Self.resolve($0, in: measures) } ?? Self.none })
        })
    }

    static func resolve(_ id: String, in index: IdIndex) -> Int32 {
        index.firstIndex(of: id).map { Int32($0) } ?? missing
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
}

/// Lists of positions stored back to back (compressed sparse rows): one allocation for
/// all lists instead of one per list.
struct Ragged: Sendable {
    /// List i is values[offsets[i] ..< offsets[i + 1]].
    private(set) var offsets: [Int32]
    private(set) var values: [Int32]

    var count: Int { offsets.count - 1 }

    subscript(i: Int) -> ArraySlice<Int32> { values[Int(offsets[i])..<Int(offsets[i + 1])] }

    init<Lists: Sequence>(_ lists: Lists, _ resolve: (String) -> Int32) where Lists.Element == [String] {
        offsets = [0]
        values = []
        for list in lists {
            for item in list { values.append(resolve(item)) }
            offsets.append(Int32(values.count))
        }
    }

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
        for i in 0..<self.count {
            for v in self[i] where v >= 0 {
                result[Int(next[Int(v)])] = Int32(i)
                next[Int(v)] += 1
            }
        }
        return Ragged(offsets: starts, values: result)
    }
}
