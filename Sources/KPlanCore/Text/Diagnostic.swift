/// One problem found in a file: a syntax error, a decoding error or an engine finding.
/// Positions are byte offsets; line and column are worked out only when shown.
public struct Diagnostic: Sendable, Equatable {
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        case error, warning, note

        var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    /// Stable kebab-case id (`trailing-comma`, `unknown-code`, `budget-deficit` …).
    public var id: String
    public var message: String
    /// JSON pointer of the value concerned ("" for the whole document).
    public var path: String
    /// Byte offset in the source, when there is one.
    public var offset: Int?
    /// A suggestion shown under the source excerpt.
    public var help: String?

    public init(_ severity: Severity, _ id: String, _ message: String, path: String = "", offset: Int? = nil, help: String? = nil) {
        self.severity = severity
        self.id = id
        self.message = message
        self.path = path
        self.offset = offset
        self.help = help
    }
}
