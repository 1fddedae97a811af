import ArgumentParser
import Foundation

/// Entry point: argument-parser's usage errors exit 2 (its default is 64), as the
/// command-line contract in the README says.
@main
enum Main {
    static func main() {
        // A file-size limit must make a save fail with a message, not kill the process.
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try KPlan.parseAsRoot()
            try command.run()
        } catch {
            let code = KPlan.exitCode(for: error)
            if code == .validationFailure {
                var message = KPlan.fullMessage(for: error)
                if message.hasPrefix("Error: ") { message = "feil: " + message.dropFirst(7) }
                FileHandle.standardError.write(Data((message + "\n").utf8))
                exit(ExitStatus.usage)
            }
            KPlan.exit(withError: error)
        }
    }
}

/// sysexits-style exit codes.
enum ExitStatus {
    static let ok: Int32 = 0
    static let findings: Int32 = 1
    static let usage: Int32 = 2
    static let invalidInput: Int32 = 65
    static let io: Int32 = 74
}

struct KPlan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kplan",
        abstract: "Strategisk kompetanseplan for helse og omsorg: rediger, kontroller og eksporter planen.",
        discussion: "Uten kommando åpnes eksempelplanen (Plans/fjordvik-2026-2029.kplan.json) i terminalgrensesnittet.",
        subcommands: [EditCommand.self, ShowCommand.self, CheckCommand.self, FmtCommand.self, NewCommand.self, StatusCommand.self,
                      RulesCommand.self, ExportCommand.self, DiffCommand.self, TextConvCommand.self, GitSetupCommand.self, MergeDriverCommand.self, RenderCommand.self, GenerateCommand.self,
                      BenchCommand.self],
        defaultSubcommand: EditCommand.self
    )
}
