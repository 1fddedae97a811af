import Foundation

/// The keys an object may have, in canonical order, and which of them must be present.
public struct ObjectSchema: Sendable {
    public let name: String
    public let keys: [String]
    let keyBytes: [[UInt8]]
    let required: [Bool]

    /// `optional` names keys that may be left out (they get a default).
    public init<K: CaseIterable & RawRepresentable & CodingKey>(_ name: String, _ keys: K.Type, optional: Set<String> = []) where K.RawValue == Int {
        self.init(name, keys: K.allCases.map(\.stringValue), optional: optional)
    }

    public init(_ name: String, keys: [String], optional: Set<String> = []) {
        self.name = name
        self.keys = keys
        keyBytes = keys.map { Array($0.utf8) }
        required = keys.map { !optional.contains($0) }
    }
}

/// Tape indices of an object's values, by the schema's key order (-1 where absent).
public struct Fields {
    public let object: Int32
    let schema: ObjectSchema
    var values: [Int32]
    public subscript(_ index: Int) -> Int32? { values[index] < 0 ? nil : values[index] }
}

/// Walks a parsed document and turns it into typed values, collecting every error with a
/// JSON pointer and a byte offset instead of stopping at the first.
public struct DecodeContext {
    public let document: JSONDocument
    public private(set) var diagnostics: [Diagnostic] = []
    private var path: [PathComponent] = []
    /// Code lists decoded so far, each once (see `codes`).
    private var codeLists: [[String]] = []

    enum PathComponent {
        case key(String)
        /// A matched key, by its node: its text is read only when a pointer is needed, so
        /// entering a field costs no reference counting.
        case keyNode(Int32)
        case index(Int)
    }

    public init(document: JSONDocument) {
        self.document = document
        path.reserveCapacity(8)
    }

    /// Takes over the diagnostics of a context that decoded part of the same document.
    public mutating func absorb(_ other: DecodeContext) {
        diagnostics.append(contentsOf: other.diagnostics)
    }

    // MARK: Paths

    public var pointer: String {
        var s = ""
        for c in path {
            switch c {
            case .key(let k): s += "/" + k.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
            case .keyNode(let node): s += "/" + document.string(node).replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
            case .index(let i): s += "/\(i)"
            }
        }
        return s
    }

    public mutating func at<T>(_ key: String, _ body: (inout DecodeContext) -> T) -> T {
        path.append(.key(key))
        defer { path.removeLast() }
        return body(&self)
    }

    /// Runs `body` with an object's key (by its node) on the path.
    public mutating func at<T>(keyNode: Int32, _ body: (inout DecodeContext) -> T) -> T {
        path.append(.keyNode(keyNode))
        defer { path.removeLast() }
        return body(&self)
    }

    public mutating func at<T>(index: Int, _ body: (inout DecodeContext) -> T) -> T {
        path.append(.index(index))
        defer { path.removeLast() }
        return body(&self)
    }

    public mutating func error(_ id: String, _ node: Int32?, _ key: String, _ args: String..., help: String? = nil) {
        let offset = node.map { Int(document.node($0).start) }
        diagnostics.append(Diagnostic(.error, id, Text.format(key, args), path: pointer, offset: offset, help: help))
    }

    /// Decodes one field of an object with its key on the path; nil when absent or invalid.
    public mutating func read<K: RawRepresentable, T>(_ f: Fields, _ key: K, _ decode: (inout DecodeContext, Int32) -> T?) -> T?
    where K.RawValue == Int {
        guard let node = f[key.rawValue] else { return nil }
        path.append(.keyNode(node - 1))
        defer { path.removeLast() }
        return decode(&self, node)
    }

    // MARK: Objects and arrays

    /// Matches an object's keys against a schema; unknown keys and missing required keys are errors.
    public mutating func fields(_ node: Int32, _ schema: ObjectSchema) -> Fields? {
        guard expect(node, .object) else { return nil }
        var values = [Int32](repeating: -1, count: schema.keys.count)
        var child = node + 1
        let n = document.node(node)
        var k: Int32 = 0
        var hint = 0
        var suggested: Set<String> = []
        while k < n.count {
            let keyNode = child
            let valueNode = document.node(keyNode).next
            child = document.node(valueNode).next
            k += 2
            if let index = match(keyNode, schema, from: hint) {
                hint = index + 1
                if values[index] < 0 { values[index] = valueNode }
            } else {
                let name = document.string(keyNode)
                let suggestion = Suggest.closest(to: name, in: schema.keys.filter { key in
                    guard let i = schema.keys.firstIndex(of: key) else { return false }
                    return values[i] < 0
                })
                if let suggestion { suggested.insert(suggestion) }
                at(name) { ctx in
                    ctx.error("unknown-key", keyNode, "decode.unknown-key", Sanitize.inline(name), schema.name,
                              help: suggestion.map { Text.get("decode.did-you-mean", $0) })
                }
            }
        }
        // A misspelt key is one defect: its did-you-mean already names the missing key.
        for (i, key) in schema.keys.enumerated() where values[i] < 0 && schema.required[i] && !suggested.contains(key) {
            let offset = Int(n.start)
            diagnostics.append(Diagnostic(.error, "missing-field", Text.get("decode.missing-field", key, schema.name),
                                          path: pointer + "/" + key, offset: offset))
        }
        return Fields(object: node, schema: schema, values: values)
    }

    /// The schema index of a key, trying from `from` on first: in a canonical file every key
    /// is the one after the last, so the first comparison hits.
    private func match(_ keyNode: Int32, _ schema: ObjectSchema, from: Int) -> Int? {
        let n = document.node(keyNode)
        if n.hasEscapes {
            let s = document.string(keyNode)
            return schema.keys.firstIndex(of: s)
        }
        let start = Int(n.start) + 1
        let length = Int(n.end - n.start) - 2
        return document.bytes.withUnsafeBufferPointer { buf -> Int? in
            let base = buf.baseAddress! + start
            let count = schema.keyBytes.count
            for step in 0..<count {
                let i = (from + step) % count
                let key = schema.keyBytes[i]
                if key.count == length, key.withUnsafeBufferPointer({ memcmp(base, $0.baseAddress!, length) }) == 0 { return i }
            }
            return nil
        }
    }

    /// Decodes each element of an array; a wrong type gives one error and an empty array.
    public mutating func array<T>(_ node: Int32, _ element: (inout DecodeContext, Int32) -> T?) -> [T] {
        guard expect(node, .array) else { return [] }
        var result: [T] = []
        result.reserveCapacity(Int(document.node(node).count))
        var index = 0
        for child in document.children(node) {
            path.append(.index(index))
            if let v = element(&self, child) { result.append(v) }
            path.removeLast()
            index += 1
        }
        return result
    }

    /// An array of codes, sharing its storage with an equal list decoded before. A plan tags
    /// thousands of items with the same few lists of areas, and the engine reads every one: a
    /// list of its own per item is a cache miss each on a large plan, a shared one is not.
    /// Lists are compared one by one, so only the first `sharedCodeLists` distinct ones are
    /// kept: a plan with more has no tagging pattern to speak of.
    public mutating func codes(_ node: Int32, _ list: CodeList) -> [String] {
        let decoded = array(node) { $0.code($1, list) }
        guard !decoded.isEmpty else { return decoded }
        if let same = codeLists.first(where: { $0 == decoded }) { return same }
        if codeLists.count < Self.sharedCodeLists { codeLists.append(decoded) }
        return decoded
    }

    static let sharedCodeLists = 32

    // MARK: Scalars

    @discardableResult
    public mutating func expect(_ node: Int32, _ kind: JSONKind) -> Bool {
        let actual = document.node(node).kind
        if actual == kind { return true }
        error("wrong-type", node, "decode.wrong-type", kind.norwegianName, actual.norwegianName)
        return false
    }

    public mutating func string(_ node: Int32) -> String? {
        guard expect(node, .string) else { return nil }
        return document.string(node)
    }

    public mutating func optionalString(_ node: Int32) -> String?? {
        if document.node(node).kind == .null { return .some(nil) }
        guard let s = string(node) else { return nil }
        return .some(s)
    }

    public mutating func bool(_ node: Int32) -> Bool? {
        guard expect(node, .bool) else { return nil }
        return document.node(node).boolValue
    }

    /// A whole number (no fraction, no exponent) that fits in an Int.
    public mutating func int(_ node: Int32) -> Int? {
        guard expect(node, .number) else { return nil }
        let n = document.node(node)
        if n.flag {
            error("not-integer", node, "decode.not-integer", document.rawText(node))
            return nil
        }
        var value = 0
        var negative = false
        for i in Int(n.start)..<Int(n.end) {
            let b = document.bytes[i]
            if b == UInt8(ascii: "-") { negative = true; continue }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(b - UInt8(ascii: "0")))
            if o1 || o2 {
                error("number-too-large", node, "decode.number-too-large", document.rawText(node))
                return nil
            }
            value = s
        }
        return negative ? -value : value
    }

    /// A decimal with at most two decimals, kept exact as hundredths.
    public mutating func hundredths(_ node: Int32) -> Hundredths? {
        guard expect(node, .number) else { return nil }
        let n = document.node(node)
        guard let value = document.bytes.withUnsafeBufferPointer({ Hundredths(json: UnsafeBufferPointer(rebasing: $0[Int(n.start)..<Int(n.end)])) }) else {
            error("too-precise", node, "decode.too-precise", document.rawText(node))
            return nil
        }
        return value
    }

    /// A string that must be one of the given codes; unknown codes get a did-you-mean.
    public mutating func code(_ node: Int32, _ codes: CodeList) -> String? {
        guard expect(node, .string) else { return nil }
        if let known = codes.match(document, node) { return known }
        let s = document.string(node)
        checkCode(s, node, codes)
        return s
    }

    public mutating func checkCode(_ s: String, _ node: Int32, _ codes: CodeList) {
        guard !codes.contains(s) else { return }
        let suggestion = Suggest.closest(to: s, in: codes.codes)
        error("unknown-code", node, "decode.unknown-code", codes.kindName, Sanitize.inline(s),
              help: suggestion.map { Text.get("decode.did-you-mean", $0) } ?? Text.get("decode.valid-codes", codes.codes.prefix(12).joined(separator: ", ")))
    }
}

/// A set of valid codes with the Norwegian name of what they are ("yrke", "strategi" …).
public struct CodeList: Sendable {
    public let kindName: String
    public let codes: [String]
    private let set: Set<String>
    private let utf8: [[UInt8]]

    public init(_ kindName: String, _ codes: [String]) {
        self.kindName = kindName
        self.codes = codes
        set = Set(codes)
        utf8 = codes.map { Array($0.utf8) }
    }

    public func contains(_ code: String) -> Bool { set.contains(code) }

    /// The list's own string for a string node whose bytes are one of the codes. Comparing
    /// bytes instead of hashing a new string, and sharing the list's storage, took a tenth
    /// off decoding: a plan repeats a handful of codes on every item.
    func match(_ document: JSONDocument, _ node: Int32) -> String? {
        let n = document.node(node)
        guard !n.hasEscapes else { return nil }
        let start = Int(n.start) + 1, length = Int(n.end - n.start) - 2
        return document.bytes.withUnsafeBufferPointer { buf -> String? in
            let base = buf.baseAddress! + start
            for (i, code) in utf8.enumerated() where code.count == length && length > 0 {
                if code.withUnsafeBufferPointer({ memcmp($0.baseAddress!, base, length) }) == 0 { return codes[i] }
            }
            return nil
        }
    }
}
