/// Id → position of the first item with that id, for the engine and the diff.
///
/// A Dictionary<String, Int> keeps keys, values and its bitmap in three arrays, so a lookup
/// in a 100 000-item plan touches three cache lines outside the 2 MB L2 cache. Here each slot
/// is one word (part of the hash and the position), and the ids sit in one array in plan
/// order: a lookup touches one slot and the id it compares. Hashing and equality are the
/// String's own (seeded, and canonical equivalence as everywhere else in kplan).
struct IdIndex: Sendable {
    /// The ids in plan order, repeats included.
    let ids: [String]
    /// Later items that repeat an earlier id: (position, position of the first).
    let repeats: [(index: Int, first: Int)]
    private let firstOfRepeat: [Int: Int]
    /// 0 = empty; otherwise the hash's upper 32 bits, then position + 1.
    private let slots: [UInt64]
    private let mask: Int

    init(_ ids: [String]) {
        self.ids = ids
        var capacity = 16
        while capacity < ids.count * 2 { capacity <<= 1 }
        mask = capacity - 1
        var slots = [UInt64](repeating: 0, count: capacity)
        var repeats: [(index: Int, first: Int)] = []
        // Hashed first, in a pass of their own: the insertions are then a short loop whose
        // table reads (cache misses on a large plan) the processor overlaps, where hashing
        // in between left one miss outstanding at a time.
        let hashes = ids.map(\.hashValue)
        for (i, hash) in hashes.enumerated() {
            var s = hash & mask
            while true {
                let slot = slots[s]
                if slot == 0 {
                    slots[s] = Self.tag(hash) | UInt64(i + 1)
                    break
                }
                if slot & Self.tagMask == Self.tag(hash), ids[Self.position(slot)] == ids[i] {
                    repeats.append((i, Self.position(slot)))
                    break
                }
                s = (s + 1) & mask
            }
        }
        self.slots = slots
        self.repeats = repeats
        firstOfRepeat = Dictionary(repeats.map { ($0.index, $0.first) }, uniquingKeysWith: { a, _ in a })
    }

    /// The position of the first item with the same id as item i.
    func first(_ i: Int) -> Int { firstOfRepeat.isEmpty ? i : firstOfRepeat[i] ?? i }

    func firstIndex(of id: String) -> Int? {
        let hash = id.hashValue
        var s = hash & mask
        while true {
            let slot = slots[s]
            if slot == 0 { return nil }
            if slot & Self.tagMask == Self.tag(hash), ids[Self.position(slot)] == id { return Self.position(slot) }
            s = (s + 1) & mask
        }
    }

    /// Each id once, for "did you mean" suggestions.
    var distinct: some Sequence<String> {
        var repeated = Set<Int>()
        for r in repeats { repeated.insert(r.index) }
        return ids.enumerated().lazy.filter { !repeated.contains($0.offset) }.map(\.element)
    }

    private static let tagMask: UInt64 = 0xFFFF_FFFF_0000_0000
    private static func tag(_ hash: Int) -> UInt64 { UInt64(UInt(bitPattern: hash)) & tagMask }
    private static func position(_ slot: UInt64) -> Int { Int(slot & 0xFFFF_FFFF) - 1 }
}
