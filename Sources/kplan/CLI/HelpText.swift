import KPlanCore
import TermUI

/// `--help` in bokmål, laid out as man pages and most command-line tools do: overview, usage,
/// arguments, options, each help text wrapped at 80 columns beside a 24-column name.
enum HelpText {
    static let width = 80
    static let nameColumn = 24

    /// "BRUK: kplan check <filer> … [--strict]", wrapped at 80 columns between its parts.
    static func usage(_ spec: CommandSpec) -> String {
        var parts = ["kplan", spec.name]
        for a in spec.arguments {
            switch a.count {
            case .one: parts.append("<\(a.name)>")
            case .optional: parts.append("[<\(a.name)>]")
            case .oneOrMore: parts.append("<\(a.name)> …")
            case .any: parts.append("[<\(a.name)> …]")
            }
        }
        for o in spec.options {
            let part = o.value.map { "--\(o.name) <\($0)>" } ?? "--\(o.name)"
            parts.append((o.required ? part : "[\(part)]") + (o.repeats ? " …" : ""))
        }
        let head = Text.get("cli.help.usage") + " "
        let indent = String(repeating: " ", count: DisplayWidth.of(head))
        var lines = [head]
        for part in parts {
            let line = lines[lines.count - 1]
            if DisplayWidth.of(line) > DisplayWidth.of(head), DisplayWidth.of(line) + 1 + DisplayWidth.of(part) > width {
                lines.append(indent + part)
            } else {
                lines[lines.count - 1] += (line == head || line == indent ? "" : " ") + part
            }
        }
        return lines.joined(separator: "\n")
    }

    static func command(_ spec: CommandSpec) -> String {
        var out = paragraph(Text.get("cli.help.overview") + " " + spec.abstract) + "\n\n"
        if !spec.discussion.isEmpty { out += paragraph(spec.discussion) + "\n\n" }
        out += usage(spec) + "\n"
        if !spec.arguments.isEmpty {
            out += "\n" + Text.get("cli.help.arguments") + "\n"
            for a in spec.arguments { out += entry("<\(a.name)>", spec.help(for: a)) }
        }
        out += "\n" + Text.get("cli.help.options") + "\n"
        for o in spec.options {
            var help = o.help
            if let d = o.defaultValue, !d.isEmpty { help += " (" + Text.get("cli.help.default", d) + ")" }
            out += entry(o.value.map { "--\(o.name) <\($0)>" } ?? "--\(o.name)", help)
        }
        out += entry("-h, --help", Text.get("cli.help.help"))
        return out
    }

    static func root(abstract: String, discussion: String, commands: [CommandSpec], defaultCommand: String) -> String {
        var out = paragraph(Text.get("cli.help.overview") + " " + abstract) + "\n\n" + paragraph(discussion) + "\n\n"
        out += Text.get("cli.help.usage") + " " + Text.get("cli.help.root-usage") + "\n\n"
        out += Text.get("cli.help.commands") + "\n"
        for c in commands where !c.hidden {
            let name = c.name == defaultCommand ? "\(c.name) (\(Text.get("cli.help.default-command")))" : c.name
            out += entry(name, c.abstract)
        }
        return out + "\n" + Text.get("cli.help.more") + "\n"
    }

    /// Long lines wrapped; short ones kept as written, since some line up examples in columns.
    static func paragraph(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            DisplayWidth.of(String(line)) <= width ? String(line) : DisplayWidth.wrap(String(line), to: width).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// One name and its help, the help wrapped into the column right of the names.
    static func entry(_ name: String, _ help: String) -> String {
        let lines = DisplayWidth.wrap(help, to: width - nameColumn)
        let indent = String(repeating: " ", count: nameColumn)
        // A name too long for its column gets a line of its own, as in argument-parser and man.
        let fits = 2 + DisplayWidth.of(name) + 2 <= nameColumn
        var out = fits ? DisplayWidth.fit("  " + name, to: nameColumn) : "  " + name + "\n" + indent
        out += lines.joined(separator: "\n" + indent)
        return out + "\n"
    }
}
