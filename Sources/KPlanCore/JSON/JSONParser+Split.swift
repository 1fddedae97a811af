/// A large plan parsed in two halves on two cores, with the same tape as one parse.
///
/// A raw newline cannot occur inside a JSON string, so the bytes `\n    {` always start a
/// value; in the canonical layout that value is an element of one of the root object's
/// arrays (the needs or the measures). One core parses from the start and stops there;
/// the other parses the elements from there to the end of their array. When the stop
/// confirms the guess (an array inside the root object) and neither half found anything
/// to report, the second tape is appended with its indices moved, and the first parse
/// goes on after the array. Anything else (another layout, any message) is parsed again
/// in one piece, so every message is exactly the one-piece parse's.
extension JSONParser {
    /// Below this the second thread costs more than it saves.
    public static let splitMinimum = 1 << 20
    /// The element of an array in the root object: the first state's depth where it stops.
    static let splitDepth = 2

    struct Stopped: Error {}

    static func parseInTwo(_ p: UnsafeBufferPointer<UInt8>) -> [JSONNode]? {
        splitPoint(p).flatMap { parseInTwo(p, at: $0) }
    }

    /// `at`: where the second half is guessed to start.
    static func parseInTwo(_ p: UnsafeBufferPointer<UInt8>, at: Int) -> [JSONNode]? {
        let (first, second) = Parallel.both({ () -> State? in
            // This tape gets the other's appended: sized for the whole file.
            var s = State(count: p.count)
            s.stopAt = at
            s.skipSpace(p)
            // Stopped at a depth of open containers equal to `depth`, one per level.
            do { try s.value(p) } catch is Stopped { return s } catch { return nil }
            return nil
        }, { () -> (State, Int32)? in
            var s = State(count: p.count, parsing: p.count - at)
            s.i = at
            s.depth = splitDepth
            guard let elements = try? s.elements(p) else { return nil }
            return (s, elements)
        })
        guard var s = first, let (rest, elements) = second, s.depth == splitDepth,
              s.diagnostics.isEmpty, rest.diagnostics.isEmpty else { return nil }
        let base = Int32(s.nodes.count)
        s.nodes.append(contentsOf: rest.nodes)
        s.nodes.withUnsafeMutableBufferPointer { nodes in
            for k in Int(base)..<nodes.count { nodes[k].next += base }
        }
        s.i = rest.i
        var open = s.suspended
        s.suspended = []
        open[0].children += elements
        do {
            for level in open.indices {
                // Each outer container is in the middle of the value that holds the next one.
                if level > 0 { open[level].children += 1 }
                try s.members(p, &open[level], afterValue: true)
                s.finish(open[level])
            }
        } catch {
            return nil
        }
        s.skipSpace(p)
        guard s.i == p.count, s.diagnostics.isEmpty else { return nil }
        return s.nodes
    }

    /// The first `\n    {` after the middle of the file: where the second half starts.
    static func splitPoint(_ p: UnsafeBufferPointer<UInt8>) -> Int? {
        let indent = Array("    {".utf8)
        var at = p.count / 2
        while let newline = p[at...].firstIndex(of: 0x0A) {
            at = newline + 1
            if p.count - at >= indent.count, p[at..<at + indent.count].elementsEqual(indent) { return at + indent.count - 1 }
        }
        return nil
    }
}

extension JSONParser.State {
    /// Array elements from `i` up to (not over) the array's closing bracket; how many.
    mutating func elements(_ p: UnsafeBufferPointer<UInt8>) throws -> Int32 {
        var n: Int32 = 0
        while true {
            try value(p)
            n += 1
            skipSpace(p)
            guard i < count else { throw JSONParser.Fatal() }
            if p[i] == UInt8(ascii: ",") {
                i += 1
                skipSpace(p)
                continue
            }
            if p[i] == UInt8(ascii: "]") { return n }
            throw JSONParser.Fatal()
        }
    }
}
