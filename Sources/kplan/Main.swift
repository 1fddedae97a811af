import Foundation

/// Entry point. The command line is read by CLI/ (usage errors exit 2, as the README's
/// command-line contract says).
@main
enum Main {
    static func main() {
        // A file-size limit must make a save fail with a message, not kill the process.
        signal(SIGXFSZ, SIG_IGN)
        exit(CommandLineRunner.run(Array(CommandLine.arguments.dropFirst())))
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
