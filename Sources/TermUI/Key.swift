/// A key press, independent of the terminal library.
public enum Key: Sendable, Hashable {
    case char(Character)
    case ctrl(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case enter, tab, backTab, backspace, delete, escape
    case function(Int)

    /// The name used in keymaps, key scripts and the help screen.
    public var name: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "C-" + String(c)
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "BS"
        case .delete: return "Del"
        case .escape: return "Esc"
        case .function(let n): return "F\(n)"
        }
    }

    static let named: [String: Key] = [
        "Up": .up, "Down": .down, "Left": .left, "Right": .right, "Home": .home, "End": .end, "PgUp": .pageUp,
        "PgDn": .pageDown, "Enter": .enter, "Tab": .tab, "S-Tab": .backTab, "BS": .backspace, "Del": .delete,
        "Esc": .escape, "Space": .char(" "),
    ]

    /// Parses a key name as `name` writes it ("C-s", "Enter", "q", "F2").
    public init?(name: String) {
        if let k = Key.named[name] { self = k; return }
        if name.hasPrefix("C-"), name.count == 3, let c = name.last { self = .ctrl(c); return }
        if name.hasPrefix("F"), let n = Int(name.dropFirst()), (1...12).contains(n) { self = .function(n); return }
        if name.count == 1, let c = name.first { self = .char(c); return }
        return nil
    }
}

/// The key-script language of `kplan render --keys` and the tests: plain text is typed as
/// is, `<Name>` is a named key (`<Down>`, `<C-s>`, `<Enter>`), `<<` is a literal `<`.
public enum KeyScript {
    public enum ParseError: Error, Equatable { case unknownKey(String), unclosed }

    public static func parse(_ script: String) throws(ParseError) -> [Key] {
        var keys: [Key] = []
        var i = script.startIndex
        while i < script.endIndex {
            let c = script[i]
            if c == "<" {
                let next = script.index(after: i)
                if next < script.endIndex, script[next] == "<" {
                    keys.append(.char("<"))
                    i = script.index(after: next)
                    continue
                }
                guard let close = script[next...].firstIndex(of: ">") else { throw .unclosed }
                let name = String(script[next..<close])
                guard let k = Key(name: name) else { throw .unknownKey(name) }
                keys.append(k)
                i = script.index(after: close)
            } else {
                keys.append(c == "\n" ? .enter : .char(c))
                i = script.index(after: i)
            }
        }
        return keys
    }
}
