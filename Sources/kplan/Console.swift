import Foundation
import KPlanCore

/// Output at the edge: stdout for results, stderr for problems.
enum Console {
    static func out(_ s: String) {
        FileHandle.standardOutput.write(Data(s.utf8))
    }

    static func out(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    static func err(_ s: String) {
        FileHandle.standardError.write(Data(s.utf8))
    }

    static func fail(_ message: String, _ status: Int32) -> ExitCode {
        err("kplan: " + message + "\n")
        return ExitCode(status)
    }

    static func printDiagnostics(_ diagnostics: [Diagnostic], file: String, bytes: [UInt8]) {
        let renderer = DiagnosticRenderer(fileName: file, bytes: bytes)
        for d in diagnostics { err(renderer.render(d)) }
    }
}

/// The policy packs for a command: the bundled ones plus any `--policy FILE`.
struct PolicyOptions {
    static let option = OptionSpec.option("policy", "fil", help: Text.get("cli.policy.option.policy"),
                                          repeats: true)
    let policy: [String]

    init(_ a: ParsedArguments) { policy = a.values("policy") }

    func policySet() throws -> PolicySet {
        var set = PolicySet.bundled
        for path in policy {
            let bytes: [UInt8]
            do { bytes = try PlanStore.read(path) } catch { throw Console.fail(error.description, ExitStatus.io) }
            let (pack, diagnostics) = PolicyPackDecoder.decode(bytes)
            if !diagnostics.isEmpty || pack == nil {
                Console.printDiagnostics(DiagnosticRenderer.sorted(diagnostics), file: path, bytes: bytes)
                throw ExitCode(ExitStatus.invalidInput)
            }
            set = set.adding(pack!)
        }
        return set
    }
}


enum ExamplePlan {
    static let relativePath = "Plans/fjordvik-2026-2029.kplan.json"

    /// The example plan in the current folder, or in the source tree this binary was built from.
    static var path: String {
        if FileManager.default.fileExists(atPath: relativePath) { return relativePath }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(relativePath).path
    }
}
