/// A parsed JSON value as a tree, for the diff (which compares two whole plans and is
/// not on the editing hot path). Object keys keep their order.
public indirect enum JSONValue: Equatable, Sendable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    /// The number's source text (kplan writes integers and two-decimal values).
    case number(String)
    case bool(Bool)
    case null

    public init(_ doc: JSONDocument, _ node: Int32) {
        let n = doc.node(node)
        switch n.kind {
        case .object:
            self = .object(doc.members(node).map { (doc.string($0.key), JSONValue(doc, $0.value)) })
        case .array: self = .array(doc.children(node).map { JSONValue(doc, $0) })
        case .string: self = .string(doc.string(node))
        case .number: self = .number(doc.rawText(node))
        case .bool: self = .bool(n.boolValue)
        case .null: self = .null
        }
    }

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.object(let x), .object(let y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case (.array(let x), .array(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.null, .null): return true
        default: return false
        }
    }

    public subscript(_ key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    public var text: String {
        switch self {
        case .string(let s): return s
        case .number(let n): return n
        case .bool(let b): return b ? Text.get("ui.yes") : Text.get("ui.no")
        case .null: return "—"
        case .array(let items): return items.map(\.text).joined(separator: ", ")
        case .object(let pairs): return pairs.map { "\($0.0): \($0.1.text)" }.joined(separator: ", ")
        }
    }

    /// Numbers as a Norwegian reader writes them: decimal comma, grouped thousands.
    public var display: String {
        switch self {
        case .number(let n):
            if let i = Int(n) { return abs(i) >= 10_000 ? Format.grouped(i) : n }
            return n.replacingOccurrences(of: ".", with: ",")
        case .string(let s): return "«" + Sanitize.inline(s) + "»"
        case .array(let items): return items.isEmpty ? "—" : items.map { $0.display }.joined(separator: ", ")
        default: return text
        }
    }
}
