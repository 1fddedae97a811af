import CByteScan
import Foundation

/// A strict JSON parser (RFC 8259) that records byte positions and reports every problem it
/// can recover from: trailing commas, duplicate keys, a byte order mark, leading zeros,
/// invalid UTF-8, bad escapes and raw control characters do not stop it, so one run shows
/// them all. Structural errors stop it; git conflict markers are then named in plain words.
public enum JSONParser {
    public static let maxDepth = 64
    public static let maxDiagnostics = 100
    /// 512 MiB: offsets fit an Int32, and no container can have more children than a tape
    /// node counts (JSONNode.maxCount). A plan of 350 000 needs and measures fits.
    public static let maxBytes = 1 << 29

    /// The document is nil only when the structure could not be read to the end.
    /// `splitAbove`: files at least this large are parsed in two halves at once (see
    /// JSONParser+Split); the result is the same.
    public static func parse(_ bytes: [UInt8], maxBytes: Int = maxBytes,
                             splitAbove: Int = splitMinimum) -> (JSONDocument?, [Diagnostic]) {
        parse(SourceBytes(bytes), maxBytes: maxBytes, splitAbove: splitAbove)
    }

    public static func parse(_ bytes: SourceBytes, maxBytes: Int = maxBytes,
                             splitAbove: Int = splitMinimum) -> (JSONDocument?, [Diagnostic]) {
        guard bytes.count <= maxBytes else {
            let size = Format.grouped(bytes.count >> 20), limit = Format.grouped(maxBytes >> 20)
            return (nil, [Diagnostic(.error, "too-large", Text.format("json.too-large", [size, limit]), offset: 0)])
        }
        if bytes.count >= splitAbove, let nodes = bytes.withUnsafeBufferPointer({ parseInTwo($0) }) {
            return (JSONDocument(bytes: bytes, nodes: nodes), [])
        }
        var state = State(count: bytes.count)
        let ok = bytes.withUnsafeBufferPointer { buf -> Bool in
            state.run(buf)
        }
        if !ok {
            let markers = ConflictMarkers.find(in: bytes)
            if !markers.isEmpty { return (nil, markers) }
            return (nil, state.diagnostics)
        }
        return (JSONDocument(bytes: bytes, nodes: state.nodes), state.diagnostics)
    }

    struct Fatal: Error {}

    /// An open container's progress, kept outside the call stack so that a split parse can
    /// stop inside it and go on after the other half is spliced in (JSONParser+Split).
    struct OpenContainer {
        let index: Int
        let object: Bool
        var children: Int32 = 0
        var keys = State.KeySet()
        var close: UInt8 { object ? UInt8(ascii: "}") : UInt8(ascii: "]") }
    }

    struct State {
        var nodes: [JSONNode] = []
        var diagnostics: [Diagnostic] = []
        var i = 0
        let count: Int
        var depth = 0
        /// Where a split parse stops: the start of an array element (never reached otherwise).
        var stopAt = -1
        /// The containers open where it stopped, innermost first.
        var suspended: [OpenContainer] = []

        /// `parsing`: how many of the bytes this state will read, which sizes the tape.
        init(count: Int, parsing: Int? = nil) {
            self.count = count
            nodes.reserveCapacity((parsing ?? count) / 12 + 4)
        }

        mutating func error(_ id: String, _ offset: Int, _ key: String, _ args: String...) {
            report(Diagnostic(.error, id, Text.format(key, args), offset: offset))
        }

        /// Keeps the first `maxDiagnostics` problems and says that more were left out, as
        /// compilers do: a binary file has one per byte, which helps nobody (and the fuzzer
        /// found a 10 KB file whose 7 000 messages took ten seconds to show).
        mutating func report(_ d: Diagnostic) {
            guard diagnostics.count < JSONParser.maxDiagnostics else { return }
            diagnostics.append(d)
            if diagnostics.count == JSONParser.maxDiagnostics {
                diagnostics.append(Diagnostic(.error, "too-many-errors", Text.get("json.too-many-errors", String(JSONParser.maxDiagnostics)),
                                              offset: d.offset))
            }
        }

        mutating func run(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
            if count >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF {
                error("bom", 0, "json.bom")
                i = 3
            }
            skipSpace(p)
            if i >= count {
                error("empty-file", 0, "json.empty")
                return false
            }
            do {
                try value(p)
                skipSpace(p)
                if i < count {
                    error("syntax", i, "json.trailing-text", describe(p, i))
                    return false
                }
                return true
            } catch {
                return false
            }
        }

        @inline(__always)
        mutating func skipSpace(_ p: UnsafeBufferPointer<UInt8>) {
            while i < count {
                let b = p[i]
                if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { i += 1 } else { break }
            }
        }

        mutating func value(_ p: UnsafeBufferPointer<UInt8>) throws {
            guard i < count else {
                error("syntax", count, "json.unexpected-end")
                throw Fatal()
            }
            switch p[i] {
            case UInt8(ascii: "{"): try container(p, object: true)
            case UInt8(ascii: "["): try container(p, object: false)
            case UInt8(ascii: "\""): try string(p)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number(p)
            case UInt8(ascii: "t"): try literal(p, "true", .bool, flag: true)
            case UInt8(ascii: "f"): try literal(p, "false", .bool, flag: false)
            case UInt8(ascii: "n"): try literal(p, "null", .null, flag: false)
            case UInt8(ascii: "'"):
                error("syntax", i, "json.single-quote")
                throw Fatal()
            default:
                error("syntax", i, "json.unexpected-char", describe(p, i))
                throw Fatal()
            }
        }

        mutating func container(_ p: UnsafeBufferPointer<UInt8>, object: Bool) throws {
            let open = i
            depth += 1
            if depth > JSONParser.maxDepth {
                error("too-deep", open, "json.too-deep", String(JSONParser.maxDepth))
                throw Fatal()
            }
            var c = OpenContainer(index: nodes.count, object: object)
            nodes.append(JSONNode(kind: object ? .object : .array, flag: false, start: Int32(open), end: 0, next: 0, count: 0))
            i += 1
            skipSpace(p)
            if i < count, p[i] == c.close {
                i += 1
            } else {
                do {
                    try members(p, &c, afterValue: false)
                } catch let stop as Stopped {
                    suspended.append(c)
                    throw stop
                }
            }
            finish(c)
        }

        /// The members (or elements) of an open container up to and including its closing
        /// bracket. `afterValue`: a member's value has just been read, which is where a
        /// split parse resumes.
        mutating func members(_ p: UnsafeBufferPointer<UInt8>, _ c: inout OpenContainer, afterValue: Bool) throws {
            var resuming = afterValue
            while true {
                if !resuming {
                    skipSpace(p)
                    if c.object {
                        guard i < count, p[i] == UInt8(ascii: "\"") else {
                            if i < count, p[i] == UInt8(ascii: "'") { error("syntax", i, "json.single-quote") }
                            else if i >= count { error("syntax", count, "json.unclosed-object") }
                            else { error("syntax", i, "json.expected-key", describe(p, i)) }
                            throw Fatal()
                        }
                        let keyIndex = Int32(nodes.count)
                        try string(p)
                        checkDuplicate(p, keyIndex, firstKey: Int32(c.index + 1), &c.keys)
                        skipSpace(p)
                        guard i < count, p[i] == UInt8(ascii: ":") else {
                            error("syntax", min(i, count), "json.expected-colon", i < count ? describe(p, i) : Text.get("json.end-of-file"))
                            throw Fatal()
                        }
                        i += 1
                        skipSpace(p)
                        c.children += 1
                    } else if i == stopAt {
                        throw Stopped()
                    }
                    try value(p)
                    c.children += 1
                }
                resuming = false
                skipSpace(p)
                guard i < count else {
                    error("syntax", count, c.object ? "json.unclosed-object" : "json.unclosed-array")
                    throw Fatal()
                }
                if p[i] == UInt8(ascii: ",") {
                    let comma = i
                    i += 1
                    skipSpace(p)
                    if i < count, p[i] == c.close {
                        error("trailing-comma", comma, "json.trailing-comma")
                        i += 1
                        return
                    }
                    continue
                }
                if p[i] == c.close {
                    i += 1
                    return
                }
                error("syntax", i, c.object ? "json.expected-comma-object" : "json.expected-comma-array", describe(p, i))
                throw Fatal()
            }
        }

        mutating func finish(_ c: OpenContainer) {
            depth -= 1
            nodes[c.index].end = Int32(i)
            nodes[c.index].next = Int32(nodes.count)
            nodes[c.index].count = c.children
        }

        mutating func string(_ p: UnsafeBufferPointer<UInt8>) throws {
            let start = i
            var escapes = false
            i += 1
            while true {
                // Up to whatever needs attention, sixteen bytes at a time (CByteScan).
                if let base = p.baseAddress { i = kp_plain_string_end(base, i, count) }
                guard i < count else {
                    error("unterminated-string", start, "json.unterminated-string")
                    throw Fatal()
                }
                let b = p[i]
                if b == UInt8(ascii: "\"") {
                    i += 1
                    break
                } else if b == UInt8(ascii: "\\") {
                    escapes = true
                    escape(p)
                } else if b == 0x0A || b == 0x0D {
                    error("unterminated-string", start, "json.unterminated-string")
                    throw Fatal()
                } else if b < 0x20 {
                    error("control-character", i, "json.control-character", String(format: "U+%04X", b))
                    i += 1
                } else {
                    utf8(p)
                }
            }
            nodes.append(JSONNode(kind: .string, flag: escapes, start: Int32(start), end: Int32(i), next: Int32(nodes.count + 1), count: 0))
        }

        mutating func escape(_ p: UnsafeBufferPointer<UInt8>) {
            let at = i
            guard i + 1 < count else { i += 1; return }
            let c = p[i + 1]
            switch c {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                 UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                i += 2
            case UInt8(ascii: "u"):
                guard let unit = hex4(p, i + 2) else {
                    error("invalid-escape", at, "json.invalid-unicode-escape")
                    i += 2
                    return
                }
                i += 6
                if unit >= 0xD800, unit < 0xDC00 {
                    if i + 1 < count, p[i] == UInt8(ascii: "\\"), p[i + 1] == UInt8(ascii: "u"),
                       let low = hex4(p, i + 2), low >= 0xDC00, low < 0xE000 {
                        i += 6
                    } else {
                        error("invalid-escape", at, "json.lone-surrogate")
                    }
                } else if unit >= 0xDC00, unit < 0xE000 {
                    error("invalid-escape", at, "json.lone-surrogate")
                }
            default:
                error("invalid-escape", at, "json.invalid-escape", Sanitize.inline(String(decoding: [c], as: UTF8.self)))
                i += 2
            }
        }

        func hex4(_ p: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32? {
            guard at + 4 <= count else { return nil }
            var v: UInt32 = 0
            for k in at..<at + 4 {
                let b = p[k]
                let d: UInt8
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
                default: return nil
                }
                v = v << 4 | UInt32(d)
            }
            return v
        }

        /// Validates one UTF-8 sequence at `i` (a non-ASCII lead byte) and steps over it.
        mutating func utf8(_ p: UnsafeBufferPointer<UInt8>) {
            let b0 = p[i]
            var need = 0
            var minimum: UInt32 = 0
            var scalar: UInt32 = 0
            switch b0 {
            case 0xC2...0xDF: need = 1; minimum = 0x80; scalar = UInt32(b0 & 0x1F)
            case 0xE0...0xEF: need = 2; minimum = 0x800; scalar = UInt32(b0 & 0x0F)
            case 0xF0...0xF4: need = 3; minimum = 0x10000; scalar = UInt32(b0 & 0x07)
            default:
                error("invalid-utf8", i, "json.invalid-utf8")
                i += 1
                return
            }
            guard i + need < count else {
                error("invalid-utf8", i, "json.invalid-utf8")
                i += 1
                return
            }
            for k in 1...need {
                let b = p[i + k]
                guard b & 0xC0 == 0x80 else {
                    error("invalid-utf8", i, "json.invalid-utf8")
                    i += k
                    return
                }
                scalar = scalar << 6 | UInt32(b & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (scalar >= 0xD800 && scalar < 0xE000) {
                error("invalid-utf8", i, "json.invalid-utf8")
            }
            i += need + 1
        }

        mutating func number(_ p: UnsafeBufferPointer<UInt8>) throws {
            let start = i
            var fraction = false
            if p[i] == UInt8(ascii: "-") { i += 1 }
            guard i < count, isDigit(p[i]) else {
                error("invalid-number", start, "json.invalid-number", text(p, start))
                throw Fatal()
            }
            if p[i] == UInt8(ascii: "0"), i + 1 < count, isDigit(p[i + 1]) {
                error("leading-zero", start, "json.leading-zero", text(p, start))
            }
            while i < count, isDigit(p[i]) { i += 1 }
            if i < count, p[i] == UInt8(ascii: ".") {
                fraction = true
                i += 1
                guard i < count, isDigit(p[i]) else {
                    error("invalid-number", start, "json.invalid-number", text(p, start))
                    throw Fatal()
                }
                while i < count, isDigit(p[i]) { i += 1 }
            }
            if i < count, p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") {
                fraction = true
                i += 1
                if i < count, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") { i += 1 }
                guard i < count, isDigit(p[i]) else {
                    error("invalid-number", start, "json.invalid-number", text(p, start))
                    throw Fatal()
                }
                while i < count, isDigit(p[i]) { i += 1 }
            }
            nodes.append(JSONNode(kind: .number, flag: fraction, start: Int32(start), end: Int32(i), next: Int32(nodes.count + 1), count: 0))
        }

        @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

        mutating func literal(_ p: UnsafeBufferPointer<UInt8>, _ word: StaticString, _ kind: JSONKind, flag: Bool) throws {
            let n = word.utf8CodeUnitCount
            guard i + n <= count, memcmp(p.baseAddress! + i, word.utf8Start, n) == 0 else {
                error("syntax", i, "json.unexpected-char", describe(p, i))
                throw Fatal()
            }
            nodes.append(JSONNode(kind: kind, flag: flag, start: Int32(i), end: Int32(i + n), next: Int32(nodes.count + 1), count: 0))
            i += n
        }

        /// A short quote of the source at `at` for messages: one character, or a word.
        func describe(_ p: UnsafeBufferPointer<UInt8>, _ at: Int) -> String {
            guard at < count else { return Text.get("json.end-of-file") }
            var end = at
            while end < count, end - at < 12 {
                let b = p[end]
                let isWord = (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || b >= 0x80
                if end > at, !isWord { break }
                end += 1
                if !isWord { break }
            }
            let s = String(decoding: UnsafeBufferPointer(rebasing: p[at..<end]), as: UTF8.self)
            return "«" + Sanitize.inline(s) + "»"
        }

        func text(_ p: UnsafeBufferPointer<UInt8>, _ start: Int) -> String {
            var end = start
            while end < count, end - start < 24 {
                let b = p[end]
                if b == UInt8(ascii: ",") || b == UInt8(ascii: "}") || b == UInt8(ascii: "]") || b <= 0x20 { break }
                end += 1
            }
            return Sanitize.inline(String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self))
        }
    }
}

/// Git leaves `<<<<<<<`, `=======` and `>>>>>>>` lines in a file with an unresolved merge.
enum ConflictMarkers {
    static func find(in bytes: SourceBytes) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var lineStart = 0
        let markers: [[UInt8]] = [Array("<<<<<<<".utf8), Array("|||||||".utf8), Array("=======".utf8), Array(">>>>>>>".utf8)]
        while lineStart < bytes.count {
            for marker in markers where bytes.count - lineStart >= marker.count {
                if bytes[lineStart..<lineStart + marker.count].elementsEqual(marker) {
                    let key = marker[0] == UInt8(ascii: "<") ? "json.conflict-start" : "json.conflict-marker"
                    result.append(Diagnostic(.error, "conflict-marker", Text.get(key, String(decoding: marker, as: UTF8.self)),
                                             offset: lineStart, help: Text.get("json.conflict.help")))
                    break
                }
            }
            guard let nl = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            lineStart = nl + 1
        }
        return result
    }
}
