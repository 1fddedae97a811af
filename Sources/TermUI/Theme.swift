/// Semantic styles by role (`list.selected`, `diag.error` …). A role not in the theme
/// falls back to its parent (`list.selected` → `list`) and finally to plain.
public struct Theme: Sendable {
    public var name: String
    public var styles: [String: Style]
    /// Attribute-only styles used when colours are off (`NO_COLOR`, `--color never`, mono terminals).
    public var mono: [String: Style]

    public init(name: String, styles: [String: Style], mono: [String: Style]) {
        self.name = name; self.styles = styles; self.mono = mono
    }

    public func style(_ role: String, colors: Bool = true) -> Style {
        let table = colors ? styles : mono
        var key = Substring(role)
        while true {
            if let s = table[String(key)] { return s }
            guard let dot = key.lastIndex(of: ".") else { break }
            key = key[..<dot]
        }
        return colors ? style(role, colors: false) : .plain
    }

    /// Used when no theme file can be read: attributes only, so meaning never rests on colour.
    public static let builtinMono = Theme(name: "mono", styles: [:], mono: [
        "title": Style(attributes: [.bold]), "list.selected": Style(attributes: [.reverse]),
        "tab.active": Style(attributes: [.reverse, .bold]), "status": Style(attributes: [.reverse]),
        "diag.error": Style(attributes: [.bold]), "diag.warning": Style(attributes: [.bold]), "muted": Style(attributes: [.dim]),
        "field.focus": Style(attributes: [.reverse]), "header": Style(attributes: [.bold, .underline]),
        "modal": Style(), "modal.border": Style(attributes: [.bold]), "bar": Style(attributes: [.reverse]),
    ])
}

/// Actions bound to keys. Several keys may trigger one action; a user file can rebind or
/// unbind any of them, and the help screen is generated from the same table.
public struct Keymap: Sendable {
    public struct Binding: Sendable {
        public var action: String
        public var keys: [Key]
        /// Context the binding belongs to ("global", "list", …), for the help screen.
        public var group: String

        public init(action: String, keys: [Key], group: String) {
            self.action = action; self.keys = keys; self.group = group
        }
    }

    public private(set) var bindings: [Binding]
    private var index: [Key: String] = [:]

    public init(_ bindings: [Binding]) {
        self.bindings = bindings
        reindex()
    }

    public func action(for key: Key) -> String? { index[key] }

    public func keys(for action: String) -> [Key] { bindings.first { $0.action == action }?.keys ?? [] }

    /// What `apply` could not do as asked, or did at another binding's cost.
    public struct Problems: Sendable, Equatable {
        /// A key the file gives `action`, taken from the action it had by default.
        public struct Taken: Sendable, Equatable {
            public var key: String, action: String, from: String
        }

        /// Actions and key names that do not exist.
        public var unknown: [String] = []
        public var taken: [Taken] = []
    }

    /// Replaces the keys of the named actions; an empty list unbinds. A key the file gives an
    /// action is the file's choice, so a default binding of the same key gives it up (and
    /// that is reported, as unknown actions and key names are).
    public mutating func apply(_ overrides: [String: [String]]) -> Problems {
        var problems = Problems()
        var chosen: Set<String> = []
        for (action, names) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let i = bindings.firstIndex(where: { $0.action == action }) else { problems.unknown.append(action); continue }
            var keys: [Key] = []
            for n in names {
                if let k = Key(name: n) { keys.append(k) } else { problems.unknown.append(action + ": " + n) }
            }
            bindings[i].keys = keys
            chosen.insert(action)
        }
        for b in bindings where chosen.contains(b.action) {
            for k in b.keys {
                for j in bindings.indices where !chosen.contains(bindings[j].action) && bindings[j].keys.contains(k) {
                    bindings[j].keys.removeAll { $0 == k }
                    problems.taken.append(.init(key: k.name, action: b.action, from: bindings[j].action))
                }
            }
        }
        reindex()
        return problems
    }

    private mutating func reindex() {
        index = [:]
        for b in bindings {
            for k in b.keys where index[k] == nil { index[k] = b.action }
        }
    }
}
