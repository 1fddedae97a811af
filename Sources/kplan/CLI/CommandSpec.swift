import KPlanCore

/// What a command accepts, declared once: the argument reader checks input against it, and the
/// help text is written from it. Plain data, read without reflection, so a process pays
/// nothing for commands it does not run.
struct CommandSpec: Sendable {
    let name: String
    var arguments: [ArgumentSpec] = []
    var options: [OptionSpec] = []
    /// Everything from the first argument on is passed on as it is, `--` included (for
    /// `kplan diff REV -- FILE`, whose words git reads).
    var passthrough = false
    /// Left out of the command list (tools for git and for benchmarks).
    var hidden = false

    // The texts are the string table's, under keys made from the names: cli.check.abstract,
    // cli.check.discussion (if any), cli.check.argument.filer.
    var abstract: String { Text.get("cli.\(name).abstract") }
    var discussion: String { Text.has("cli.\(name).discussion") ? Text.get("cli.\(name).discussion") : "" }
    func help(for argument: ArgumentSpec) -> String { Text.get("cli.\(name).argument.\(argument.name)") }
}

struct ArgumentSpec: Sendable {
    enum Count: Sendable { case one, optional, oneOrMore, any }
    let name: String
    var count = Count.one

    init(_ name: String, _ count: Count = .one) {
        self.name = name
        self.count = count
    }
}

struct OptionSpec: Sendable {
    let name: String
    /// The value's placeholder in help ("fil"); nil for a flag, which takes no value.
    let value: String?
    let help: String
    var defaultValue: String?
    var choices: [String] = []
    var required = false
    var repeats = false

    static func flag(_ name: String, help: String) -> OptionSpec {
        OptionSpec(name: name, value: nil, help: help)
    }

    static func option(_ name: String, _ value: String, help: String, default defaultValue: String? = nil,
                       choices: [String] = [], required: Bool = false, repeats: Bool = false) -> OptionSpec {
        OptionSpec(name: name, value: value, help: help, defaultValue: defaultValue, choices: choices, required: required, repeats: repeats)
    }

    /// An option whose values are the cases of an enum, with the first case as its default.
    static func choice<E: RawRepresentable & CaseIterable>(_ name: String, _ type: E.Type, help: String,
                                                           default defaultValue: E) -> OptionSpec where E.RawValue == String {
        let choices = E.allCases.map(\.rawValue)
        return option(name, choices.joined(separator: "|"), help: help, default: defaultValue.rawValue, choices: choices)
    }
}
