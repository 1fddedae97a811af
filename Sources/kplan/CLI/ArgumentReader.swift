import KPlanCore

/// A usage mistake: the message, and the command whose usage line and help to point to.
struct UsageError: Error {
    let message: String
    var command: CommandSpec? = nil
}

/// The words of a command line, checked against a command's spec.
struct ParsedArguments {
    let spec: CommandSpec
    private(set) var values: [String: [String]] = [:]
    private(set) var positionals: [String: [String]] = [:]

    /// An option's last value, else its default.
    func value(_ name: String) -> String? { values[name]?.last ?? option(name).defaultValue }
    func values(_ name: String) -> [String] { values[name] ?? [] }
    func flag(_ name: String) -> Bool { values[name] != nil }
    /// A required option or argument: the reader has already refused a command line without it.
    func required(_ name: String) -> String {
        if let v = positionals[name]?.first { return v }
        guard spec.options.contains(where: { $0.name == name }), let v = value(name) else {
            preconditionFailure("\(name) is not required in \(spec.name)")
        }
        return v
    }
    func argument(_ name: String) -> String? { positionals[name]?.first }
    func arguments(_ name: String) -> [String] { positionals[name] ?? [] }

    func choice<E: RawRepresentable>(_ name: String) -> E where E.RawValue == String {
        // The reader checked the value against the spec's choices, which are E's cases.
        guard let raw = value(name), let e = E(rawValue: raw) else { preconditionFailure("\(name) is not a choice of \(E.self)") }
        return e
    }

    func integer<I: FixedWidthInteger>(_ name: String, as type: I.Type = Int.self) throws(UsageError) -> I {
        let raw = value(name) ?? ""
        guard let v = I(raw) else { throw UsageError(message: Text.get("cli.usage.not-integer", raw, "--" + name), command: spec) }
        return v
    }

    private func option(_ name: String) -> OptionSpec {
        guard let o = spec.options.first(where: { $0.name == name }) else { preconditionFailure("no option \(name) in \(spec.name)") }
        return o
    }

    mutating func add(value: String, for name: String) { values[name, default: []].append(value) }
    mutating func add(argument: String, for name: String) { positionals[name, default: []].append(argument) }
}

/// GNU-style reading: `--name value`, `--name=value`, flags, `--` before arguments that begin
/// with a dash, and `-h`/`--help` anywhere before `--`.
enum ArgumentReader {
    enum Outcome {
        case run(ParsedArguments)
        case help
    }

    static func read(_ words: [String], for spec: CommandSpec) throws(UsageError) -> Outcome {
        var parsed = ParsedArguments(spec: spec)
        var loose: [String] = []
        var i = 0
        var optionsEnded = false
        while i < words.count {
            let word = words[i]
            i += 1
            if optionsEnded || !word.hasPrefix("-") || word == "-" {
                loose.append(word)
                if spec.passthrough { loose += words[i...]; break }
                continue
            }
            if word == "--" {
                if spec.passthrough { loose += words[(i - 1)...]; break }
                optionsEnded = true
                continue
            }
            if word == "-h" || word == "--help" { return .help }
            guard word.hasPrefix("--") else { throw UsageError(message: Text.get("cli.usage.unknown-option", word), command: spec) }
            let body = word.dropFirst(2)
            let name = String(body.prefix { $0 != "=" })
            let attached = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
            guard let option = spec.options.first(where: { $0.name == name }) else {
                let hint = Suggest.closest(to: name, in: spec.options.map(\.name)).map { "; " + Text.get("decode.did-you-mean", "--" + $0) } ?? ""
                throw UsageError(message: Text.get("cli.usage.unknown-option", "--" + name) + hint, command: spec)
            }
            guard let placeholder = option.value else {
                if attached != nil { throw UsageError(message: Text.get("cli.usage.flag-value", "--" + name), command: spec) }
                parsed.add(value: "", for: name)
                continue
            }
            let value: String
            if let attached {
                value = attached
            } else {
                guard i < words.count else {
                    throw UsageError(message: Text.get("cli.usage.missing-value", "--" + name, "<\(placeholder)>"), command: spec)
                }
                value = words[i]
                i += 1
            }
            if !option.choices.isEmpty, !option.choices.contains(value) {
                throw UsageError(message: Text.get("cli.usage.bad-choice", value, "--" + name, Format.alternatives(option.choices)), command: spec)
            }
            if !option.repeats, parsed.values(name).count == 1 {
                throw UsageError(message: Text.get("cli.usage.repeated", "--" + name), command: spec)
            }
            parsed.add(value: value, for: name)
        }
        for option in spec.options where option.required && parsed.values(option.name).isEmpty {
            throw UsageError(message: Text.get("cli.usage.missing-option", "--" + option.name, "<\(option.value ?? "")>"), command: spec)
        }
        try assign(loose, to: spec.arguments, in: &parsed)
        return .run(parsed)
    }

    /// Fills the arguments in order; one that takes several gets what the ones after it leave.
    private static func assign(_ words: [String], to arguments: [ArgumentSpec], in parsed: inout ParsedArguments) throws(UsageError) {
        var rest = words[...]
        for (k, argument) in arguments.enumerated() {
            let after = arguments[(k + 1)...].filter { $0.count == .one }.count
            switch argument.count {
            case .one:
                guard let w = rest.popFirst() else {
                    throw UsageError(message: Text.get("cli.usage.missing-argument", "<\(argument.name)>"), command: parsed.spec)
                }
                parsed.add(argument: w, for: argument.name)
            case .optional:
                if rest.count > after, let w = rest.popFirst() { parsed.add(argument: w, for: argument.name) }
            case .oneOrMore, .any:
                let take = max(0, rest.count - after)
                if argument.count == .oneOrMore, take == 0 {
                    throw UsageError(message: Text.get("cli.usage.missing-argument", "<\(argument.name)>"), command: parsed.spec)
                }
                for w in rest.prefix(take) { parsed.add(argument: w, for: argument.name) }
                rest = rest.dropFirst(take)
            }
        }
        if let extra = rest.first {
            throw UsageError(message: Text.get("cli.usage.extra-argument", extra), command: parsed.spec)
        }
    }
}
