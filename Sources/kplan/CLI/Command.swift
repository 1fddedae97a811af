import Foundation
import KPlanCore

/// A subcommand: its spec, how it takes its values from a checked command line, and its work.
protocol Command {
    static var spec: CommandSpec { get }
    init(_ arguments: ParsedArguments) throws(UsageError)
    func run() throws
}

/// Ends a command with this exit status; whatever had to be said has been written.
struct ExitCode: Error {
    let status: Int32
    init(_ status: Int32) { self.status = status }
}

/// Reads the command line and runs the command it names.
enum CommandLineRunner {
    static let abstract = Text.get("cli.root.abstract")
    static let discussion = Text.get("cli.root.discussion")
    static var commands: [any Command.Type] { [
        EditCommand.self, ShowCommand.self, CheckCommand.self, FmtCommand.self, NewCommand.self, StatusCommand.self,
        RulesCommand.self, ExportCommand.self, DiffCommand.self, TextConvCommand.self, GitSetupCommand.self,
        MergeDriverCommand.self, RenderCommand.self, GenerateCommand.self, BenchCommand.self,
    ] }
    /// Words that name no command open a plan, so `kplan plan.kplan.json` edits it.
    static var defaultCommand: any Command.Type { EditCommand.self }

    static func run(_ words: [String]) -> Int32 {
        var words = words[...]
        var command = defaultCommand
        if let first = words.first {
            if first == "-h" || first == "--help" {
                Console.out(rootHelp)
                return ExitStatus.ok
            }
            if first == "help" {
                return help(Array(words.dropFirst()))
            }
            if first == "--generate-completion-script" {
                let shell = words.dropFirst().first ?? ""
                guard let script = CompletionScript.script(for: shell, commands: commands.map { $0.spec }) else {
                    report(UsageError(message: Text.get("cli.usage.bad-choice", shell, first, Format.alternatives(CompletionScript.shells))))
                    return ExitStatus.usage
                }
                Console.out(script)
                return ExitStatus.ok
            }
            if let named = commands.first(where: { $0.spec.name == first }) {
                command = named
                words = words.dropFirst()
            } else if let typo = misspelledCommand(first) {
                report(UsageError(message: Text.get("cli.usage.unknown-command", first) + "; " + Text.get("decode.did-you-mean", typo)))
                return ExitStatus.usage
            }
        }
        do {
            switch try ArgumentReader.read(Array(words), for: command.spec) {
            case .help:
                Console.out(HelpText.command(command.spec))
                return ExitStatus.ok
            case .run(let parsed):
                try command.init(parsed).run()
                return ExitStatus.ok
            }
        } catch let usage as UsageError {
            report(usage)
            return ExitStatus.usage
        } catch let exit as ExitCode {
            return exit.status
        } catch {
            Console.err("kplan: \(error)\n")
            return ExitStatus.io
        }
    }

    /// A word close to a command's name that is no file: `kplan chek plan.json` is a typo,
    /// not a plan called "chek".
    static func misspelledCommand(_ word: String) -> String? {
        guard !word.hasPrefix("-"), !word.contains("."), !word.contains("/"), !FileManager.default.fileExists(atPath: word) else { return nil }
        return Suggest.closest(to: word, in: commands.filter { !$0.spec.hidden }.map { $0.spec.name })
    }

    static var rootHelp: String {
        HelpText.root(abstract: abstract, discussion: discussion, commands: commands.map { $0.spec }, defaultCommand: defaultCommand.spec.name)
    }

    static func help(_ words: [String]) -> Int32 {
        guard let name = words.first else {
            Console.out(rootHelp)
            return ExitStatus.ok
        }
        guard let command = commands.first(where: { $0.spec.name == name }) else {
            report(UsageError(message: Text.get("cli.usage.unknown-command", name)))
            return ExitStatus.usage
        }
        Console.out(HelpText.command(command.spec))
        return ExitStatus.ok
    }

    /// As compilers and git do: what is wrong, the usage line, where to read more.
    static func report(_ error: UsageError) {
        var text = "kplan: " + error.message + "\n"
        if let spec = error.command {
            text += HelpText.usage(spec) + "\n" + Text.get("cli.usage.see-help", "kplan " + spec.name) + "\n"
        } else {
            text += Text.get("cli.usage.see-help", "kplan") + "\n"
        }
        Console.err(text)
    }
}
