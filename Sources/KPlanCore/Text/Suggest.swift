/// "Did you mean": the closest candidate by edit distance, if it is close enough to be a typo.
public enum Suggest {
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let w = folded(word)
        let limit = max(1, min(3, (w.count + 2) / 3))
        var best: (name: String, distance: Int)?
        var scratch = Scratch()
        for candidate in candidates {
            scratch.fold(candidate)
            // Only a candidate at most as far as the best so far can win, so most are ruled
            // out by their length or after a row or two, without allocating.
            let bound = min(limit, best?.distance ?? limit)
            guard let d = distance(w, scratch.candidate, atMost: bound, &scratch) else { continue }
            // Ties go to the alphabetically first candidate, so the answer never depends on set order.
            if let b = best, d == b.distance, candidate >= b.name { continue }
            best = (candidate, d)
        }
        return best?.name
    }

    static func folded(_ s: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        fold(s, into: &out)
        return out
    }

    /// Lower case, as `String.lowercased()` has it, but into a reused buffer.
    static func fold(_ s: String, into out: inout [Unicode.Scalar]) {
        out.removeAll(keepingCapacity: true)
        for c in s.unicodeScalars {
            if c.isASCII {
                let v = c.value
                out.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v | 0x20)! : c)
            } else {
                out.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
            }
        }
    }

    struct Scratch {
        var candidate: [Unicode.Scalar] = []
        var rows: [Int] = []

        mutating func fold(_ s: String) { Suggest.fold(s, into: &candidate) }
    }

    /// Damerau–Levenshtein (optimal string alignment: a swap of two letters counts once), or
    /// nil as soon as it must exceed `bound`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost bound: Int, _ scratch: inout Scratch) -> Int? {
        guard abs(a.count - b.count) <= bound else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let width = b.count + 1
        scratch.rows.removeAll(keepingCapacity: true)
        scratch.rows.append(contentsOf: repeatElement(0, count: 3 * width))
        return scratch.rows.withUnsafeMutableBufferPointer { rows -> Int? in
            // Three rows in one buffer: the one before last, the last, and the current.
            var prev2 = 0, prev = width, cur = 2 * width
            for j in 0...b.count { rows[prev + j] = j }
            for i in 1...a.count {
                rows[cur] = i
                var rowMin = i
                for j in 1...b.count {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var v = min(rows[prev + j] + 1, rows[cur + j - 1] + 1, rows[prev + j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        v = min(v, rows[prev2 + j - 2] + 1)
                    }
                    rows[cur + j] = v
                    rowMin = min(rowMin, v)
                }
                // Row minima never fall: every step comes from a cell of the row before that is no
                // larger, and a swap's cell two rows back is at least its diagonal neighbour's.
                if rowMin > bound { return nil }
                (prev2, prev, cur) = (prev, cur, prev2)
            }
            let d = rows[prev + b.count]
            return d <= bound ? d : nil
        }
    }
}
