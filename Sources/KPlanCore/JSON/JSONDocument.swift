/// A parsed JSON text kept as its original bytes plus a flat "tape" of nodes.
///
/// The tape avoids one heap object per value: a container node is followed by its
/// children, and `next` jumps over a whole subtree. Strings and numbers stay as byte
/// ranges until the typed decoder asks for them, so positions are never lost and
/// nothing is converted that nobody reads.
public struct JSONDocument: Sendable {
    public let bytes: SourceBytes
    public internal(set) var nodes: [JSONNode]

    public init(bytes: SourceBytes, nodes: [JSONNode]) {
        self.bytes = bytes
        self.nodes = nodes
    }

    public var root: Int32 { 0 }

    public func node(_ index: Int32) -> JSONNode { nodes[Int(index)] }

    /// Children of a container as tape indices (for objects: key, value, key, value …).
    public func children(_ index: Int32) -> ChildSequence {
        ChildSequence(document: self, parent: index)
    }

    /// An object's members as (key node, value node) pairs, in file order.
    public func members(_ object: Int32) -> [(key: Int32, value: Int32)] {
        var result: [(key: Int32, value: Int32)] = []
        result.reserveCapacity(Int(nodes[Int(object)].count) / 2)
        var key: Int32?
        for child in children(object) {
            if let k = key {
                result.append((k, child))
                key = nil
            } else {
                key = child
            }
        }
        return result
    }

    /// Decoded text of a string node (unescaped).
    public func string(_ index: Int32) -> String {
        let n = nodes[Int(index)]
        let start = Int(n.start) + 1, end = Int(n.end) - 1
        if !n.hasEscapes {
            return bytes.withUnsafeBufferPointer { buf in
                String(decoding: UnsafeBufferPointer(rebasing: buf[start..<end]), as: UTF8.self)
            }
        }
        return JSONStringCodec.unescape(bytes[start..<end])
    }

    /// A string node of exactly four ASCII digits, as a number (the year keys of amounts).
    public func yearKey(_ index: Int32) -> Int? {
        let n = nodes[Int(index)]
        guard n.kind == .string, !n.hasEscapes, n.end - n.start == 6 else { return nil }
        var year = 0
        for i in Int(n.start) + 1..<Int(n.end) - 1 {
            let b = bytes[i]
            guard b >= 0x30, b <= 0x39 else { return nil }
            year = year * 10 + Int(b - 0x30)
        }
        return year
    }

    /// Whether a string node's raw bytes equal `literal` (used for keys, without allocating).
    public func stringEquals(_ index: Int32, _ literal: StaticString) -> Bool {
        let n = nodes[Int(index)]
        if n.hasEscapes { return string(index) == literal.description }
        let length = Int(n.end - n.start) - 2
        guard length == literal.utf8CodeUnitCount else { return false }
        return bytes.withUnsafeBufferPointer { buf in
            let base = buf.baseAddress! + Int(n.start) + 1
            return memcmp(base, literal.utf8Start, length) == 0
        }
    }

    public func stringEquals(_ index: Int32, to text: Substring) -> Bool {
        let n = nodes[Int(index)]
        if n.hasEscapes { return string(index) == text }
        let length = Int(n.end - n.start) - 2
        guard length == text.utf8.count else { return false }
        return bytes.withUnsafeBufferPointer { buf in
            text.utf8.elementsEqual(UnsafeBufferPointer(rebasing: buf[Int(n.start) + 1..<Int(n.end) - 1]))
        }
    }

    /// The raw source text of a node (numbers, for error messages).
    public func rawText(_ index: Int32) -> String {
        let n = nodes[Int(index)]
        return String(decoding: bytes[Int(n.start)..<Int(n.end)], as: UTF8.self)
    }

    public struct ChildSequence: Sequence {
        let document: JSONDocument
        let parent: Int32

        public func makeIterator() -> Iterator {
            let p = document.nodes[Int(parent)]
            return Iterator(nodes: document.nodes, current: parent + 1, remaining: p.isContainer ? p.count : 0)
        }

        public struct Iterator: IteratorProtocol {
            let nodes: [JSONNode]
            var current: Int32
            var remaining: Int32
            public mutating func next() -> Int32? {
                guard remaining > 0 else { return nil }
                remaining -= 1
                let here = current
                current = nodes[Int(here)].next
                return here
            }
        }
    }
}

public enum JSONKind: UInt8, Sendable {
    case object, array, string, number, bool, null

    /// The word a Norwegian user sees in type errors.
    public var norwegianName: String {
        switch self {
        case .object: return Text.get("json.kind.object")
        case .array: return Text.get("json.kind.array")
        case .string: return Text.get("json.kind.string")
        case .number: return Text.get("json.kind.number")
        case .bool: return Text.get("json.kind.bool")
        case .null: return Text.get("json.kind.null")
        }
    }
}

/// One token on the tape. 16 bytes: on a 100 000-measure plan the tape is the largest thing
/// a load writes, and every byte of it is a fresh page the kernel must fault in.
public struct JSONNode: Sendable, Equatable {
    /// Byte offset of the first byte of the token (the quote, the bracket, the digit).
    public var start: Int32
    /// Byte offset one past the last byte of the token (for containers: past the closing bracket).
    public var end: Int32
    /// Tape index of the node after this whole subtree.
    public var next: Int32
    /// Bits 0–27: the number of direct children; 28–30: the kind; 31: the flag.
    private var bits: UInt32

    /// The most children one container can have. JSONParser.maxBytes keeps every file below it.
    public static let maxCount = Int32((1 << 28) - 1)

    public init(kind: JSONKind, flag: Bool, start: Int32, end: Int32, next: Int32, count: Int32) {
        self.start = start
        self.end = end
        self.next = next
        bits = UInt32(kind.rawValue) << 28 | (flag ? 1 << 31 : 0) | UInt32(count)
    }

    public var kind: JSONKind { JSONKind(rawValue: UInt8(truncatingIfNeeded: bits >> 28) & 7) ?? .null }
    /// Strings: contains a backslash escape. Bools: the value. Numbers: has a fraction or exponent.
    public var flag: Bool { bits >> 31 != 0 }
    /// Number of direct children (object: keys + values).
    public var count: Int32 {
        get { Int32(bits & 0x0FFF_FFFF) }
        set { bits = bits & 0xF000_0000 | UInt32(newValue) }
    }

    public var isContainer: Bool { kind == .object || kind == .array }
    public var hasEscapes: Bool { flag }
    public var boolValue: Bool { flag }
}

import Foundation
