import Foundation

/// The user-facing string table. Messages live in `Resources/strings/<lang>.json` so that
/// nynorsk and English can follow without touching code; `{0}`, `{1}` … are arguments, and
/// `{1|advarsel|advarsler}` is the singular or plural word for the number in argument 1.
public enum Text {
    /// Chosen once per process from `KPLAN_LANG` (default bokmål); unknown keys fall back to bokmål.
    static let tables: (primary: [String: String], fallback: [String: String]) = {
        let fallback = load("nb")
        let wanted = ProcessInfo.processInfo.environment["KPLAN_LANG"] ?? "nb"
        return (wanted == "nb" ? fallback : load(wanted), fallback)
    }()

    public static func get(_ key: String, _ args: String...) -> String {
        format(key, args)
    }

    public static func format(_ key: String, _ args: [String]) -> String {
        guard let template = tables.primary[key] ?? tables.fallback[key] else {
            preconditionFailure("missing string table entry \(key)")
        }
        guard !args.isEmpty, template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var out = ""
        out.reserveCapacity(template.utf8.count + 16)
        var chars = template.unicodeScalars.makeIterator()
        while let c = chars.next() {
            guard c == "{" else { out.unicodeScalars.append(c); continue }
            var digits = ""
            var closed = false
            while let d = chars.next() {
                if d == "}" { closed = true; break }
                digits.unicodeScalars.append(d)
            }
            if closed, let n = Int(digits), n < args.count {
                out += args[n]
            } else if closed, let word = countedWord(digits, args) {
                out += word
            } else {
                out += "{" + digits + (closed ? "}" : "")
            }
        }
        return out
    }

    /// For `1|advarsel|advarsler`: the word for one, or for any other number, of argument 1.
    static func countedWord(_ spec: String, _ args: [String]) -> Substring? {
        let parts = spec.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 3, let n = Int(parts[0]), n < args.count else { return nil }
        return args[n] == "1" ? parts[1] : parts[2]
    }

    public static func has(_ key: String) -> Bool { tables.fallback[key] != nil }

    static func load(_ language: String) -> [String: String] {
        guard let bytes = Resources.bytes("strings/" + language) else { return [:] }
        let (doc, diagnostics) = JSONParser.parse(bytes)
        guard let doc, diagnostics.isEmpty, doc.node(doc.root).kind == .object else {
            preconditionFailure("string table \(language).json is not a flat JSON object")
        }
        var table: [String: String] = [:]
        for m in doc.members(doc.root) { table[doc.string(m.key)] = doc.string(m.value) }
        return table
    }
}
