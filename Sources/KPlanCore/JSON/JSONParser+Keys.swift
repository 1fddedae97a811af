import Foundation

/// Duplicate keys: every key of an object is compared only with the earlier keys that could
/// be equal to it, so an object's keys cost linear time however many there are.
extension JSONParser.State {
    /// Up to `tableFrom` keys, two 64-bit fingerprint sets: a key with a fingerprint not seen
    /// before cannot be a duplicate (with one set, a third of an item's keys collided and were
    /// compared); a possible one is compared with the earlier keys, found by walking the
    /// object's members on the tape. Plan items have at most 17 keys and never leave this path.
    /// From `tableFrom` keys on, the sets are nearly full, so a hash table of the keys takes
    /// over: before it, a 100 000-key object took 19 s (jq: 0,05 s).
    struct KeySet {
        static let tableFrom = 32
        var first: UInt64 = 0
        var second: UInt64 = 0
        var count = 0
        /// Seeded hash of a key's unescaped bytes → the earliest key with that hash.
        var table: [Int: Int32]?
    }

    mutating func checkDuplicate(_ p: UnsafeBufferPointer<UInt8>, _ key: Int32, firstKey: Int32, _ keys: inout KeySet) {
        keys.count += 1
        if keys.count > KeySet.tableFrom {
            checkDuplicateInTable(p, key, firstKey: firstKey, &keys)
            return
        }
        let k = nodes[Int(key)]
        let length = Int(k.end - k.start)
        let first = UInt64(1) << UInt64((length &* 7 &+ Int(p[Int(k.end) - 2])) & 63)
        let second = UInt64(1) << UInt64((Int(p[Int(k.start) + 1]) &* 5 &+ Int(p[Int(k.end) - 3]) &* 3) & 63)
        let seen = keys.first & first != 0 && keys.second & second != 0
        keys.first |= first
        keys.second |= second
        if !k.flag, !seen { return }
        if let earlier = earlierKey(p, equalTo: key, from: firstKey) { reportDuplicate(p, key, earlier) }
    }

    private mutating func checkDuplicateInTable(_ p: UnsafeBufferPointer<UInt8>, _ key: Int32, firstKey: Int32, _ keys: inout KeySet) {
        if keys.table == nil {
            var table: [Int: Int32] = [:]
            table.reserveCapacity(KeySet.tableFrom * 4)
            var other = firstKey
            while other < key {
                let h = keyHash(p, nodes[Int(other)])
                if table[h] == nil { table[h] = other }
                other = nodes[Int(nodes[Int(other)].next)].next
            }
            keys.table = table
        }
        let h = keyHash(p, nodes[Int(key)])
        guard let candidate = keys.table![h] else {
            keys.table![h] = key
            return
        }
        if sameKey(p, nodes[Int(key)], nodes[Int(candidate)]) {
            reportDuplicate(p, key, candidate)
        } else if let earlier = earlierKey(p, equalTo: key, from: firstKey) {
            // Two different keys with one seeded 64-bit hash: too rare to index, but still exact.
            reportDuplicate(p, key, earlier)
        }
    }

    private func earlierKey(_ p: UnsafeBufferPointer<UInt8>, equalTo key: Int32, from firstKey: Int32) -> Int32? {
        let k = nodes[Int(key)]
        var other = firstKey
        while other < key {
            let o = nodes[Int(other)]
            if sameKey(p, k, o) { return other }
            other = nodes[Int(o.next)].next
        }
        return nil
    }

    private mutating func reportDuplicate(_ p: UnsafeBufferPointer<UInt8>, _ key: Int32, _ earlier: Int32) {
        // Past the limit, `report` drops the message: not building it keeps 50 000 duplicates linear.
        guard diagnostics.count < JSONParser.maxDiagnostics else { return }
        let k = nodes[Int(key)], o = nodes[Int(earlier)]
        let name = String(decoding: UnsafeBufferPointer(rebasing: p[Int(k.start) + 1..<Int(k.end) - 1]), as: UTF8.self)
        var firstLine = 1
        for b in UnsafeBufferPointer(rebasing: p[0..<Int(o.start)]) where b == 0x0A { firstLine += 1 }
        report(Diagnostic(.error, "duplicate-key", Text.get("json.duplicate-key", Sanitize.inline(name)), offset: Int(k.start),
                          help: Text.get("json.duplicate-key.help", String(firstLine))))
    }

    /// Keys are equal when their bytes are equal after unescaping, as `keyHash` hashes them
    /// (no Unicode normalisation: `"\u00e9"` and `"e\u0301"` are two keys, as in I-JSON).
    private func sameKey(_ p: UnsafeBufferPointer<UInt8>, _ a: JSONNode, _ b: JSONNode) -> Bool {
        if a.flag || b.flag { return unescaped(p, a).utf8.elementsEqual(unescaped(p, b).utf8) }
        let la = Int(a.end - a.start), lb = Int(b.end - b.start)
        guard la == lb else { return false }
        return memcmp(p.baseAddress! + Int(a.start), p.baseAddress! + Int(b.start), la) == 0
    }

    private func keyHash(_ p: UnsafeBufferPointer<UInt8>, _ k: JSONNode) -> Int {
        var hasher = Hasher()
        if k.flag {
            var s = unescaped(p, k)
            s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        } else {
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: p[Int(k.start) + 1..<Int(k.end) - 1])))
        }
        return hasher.finalize()
    }

    private func unescaped(_ p: UnsafeBufferPointer<UInt8>, _ k: JSONNode) -> String {
        JSONStringCodec.unescape(p[Int(k.start) + 1..<Int(k.end) - 1])
    }
}
