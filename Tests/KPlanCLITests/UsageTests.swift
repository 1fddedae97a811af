import Foundation
import Testing

/// The command line's own messages: bokmål, the usage line and where to read more, exit 2,
/// and nothing written. Help goes to stdout and exits 0.
@Suite struct UsageTests {
    static let checkUsage = "BRUK: kplan check <filer> … [--format <text|json>] [--strict] [--policy <fil>] …\nSe «kplan check --help» for mer.\n"

    @Test(arguments: [
        (["check", "--bogus", "a.json"], "kplan: ukjent valg «--bogus»\n" + checkUsage),
        (["check", "--formt", "json", "a.json"], "kplan: ukjent valg «--formt»; mente du «--format»?\n" + checkUsage),
        (["check", "--format", "yaml", "a.json"], "kplan: «yaml» er ikke en gyldig verdi for --format; velg text eller json\n" + checkUsage),
        (["check", "--format"], "kplan: --format mangler verdi; skriv --format <text|json>\n" + checkUsage),
        (["check"], "kplan: mangler <filer>\n" + checkUsage),
        (["check", "--strict=ja", "a.json"], "kplan: --strict tar ingen verdi\n" + checkUsage),
        (["check", "-x", "a.json"], "kplan: ukjent valg «-x»\n" + checkUsage),
        (["check", "--format", "json", "--format=text", "a.json"], "kplan: --format er gitt mer enn én gang\n" + checkUsage),
        (["rules", "mer"], "kplan: uventet argument «mer»\nBRUK: kplan rules\nSe «kplan rules --help» for mer.\n"),
        (["chek", "a.json"], "kplan: ukjent kommando «chek»; mente du «check»?\nSe «kplan --help» for mer.\n"),
        (["help", "nope"], "kplan: ukjent kommando «nope»\nSe «kplan --help» for mer.\n"),
        (["generate", "--needs", "mange", "/nonexistent/g.json"],
         "kplan: «mange» er ikke et heltall (--needs)\nBRUK: kplan generate <fil> [--needs <antall>] [--measures <antall>]\n"
            + "      [--years <antall>] [--seed <tall>]\nSe «kplan generate --help» for mer.\n"),
    ])
    func usageMistakesAreExplainedInNorwegianAndExitTwo(_ args: [String], _ expected: String) throws {
        let r = try CLI.run(args)
        #expect(r.status == 2)
        #expect(r.stderr == expected)
        #expect(r.stdout.isEmpty)
    }

    @Test func aMissingRequiredOptionWritesNoFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kplan-usage-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("ny.kplan.json").path
        let r = try CLI.run(["new", path, "--number", "4698", "--from", "2026", "--to", "2029"])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("kplan: mangler --municipality <navn>\n"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func commandHelpIsNorwegianAndListsEveryOption() throws {
        let r = try CLI.run(["check", "--help"])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        #expect(r.stdout.hasPrefix("OVERSIKT: Kontroller planen mot KS-metoden"))
        #expect(r.stdout.contains("\n" + Self.checkUsage.split(separator: "\n")[0] + "\n"))
        #expect(r.stdout.contains("\nARGUMENTER:\n  <filer>               Planfiler (*.kplan.json).\n"))
        #expect(r.stdout.contains("\nVALG:\n  --format <text|json>  Utdataformat: text eller json. (standard: text)\n  --strict              "))
        #expect(r.stdout.contains("  --policy <fil>        Legg til en policy-pakke fra fil (erstatter en innebygd\n                        pakke med samme id).\n"))
        #expect(r.stdout.hasSuffix("  -h, --help            Vis denne hjelpen.\n"))
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(try CLI.run(["help", "check"]).stdout == r.stdout)
    }

    /// Help texts come from the string table under keys made from the names, so a command or
    /// argument without its entry would stop kplan: every command's help is asked for here.
    @Test(arguments: ["edit", "show", "check", "fmt", "new", "status", "rules", "export", "diff", "textconv", "git-setup",
                      "merge-driver", "render", "generate", "bench"])
    func everyCommandHasItsHelpTexts(_ command: String) throws {
        let r = try CLI.run([command, "--help"])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        #expect(r.stdout.hasPrefix("OVERSIKT: "))
        #expect(r.stdout.contains("\nBRUK: kplan \(command)"))
    }

    @Test func rootHelpListsTheVisibleCommands() throws {
        let r = try CLI.run(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("\nKOMMANDOER:\n  edit (standard)       Rediger planen i terminalen"))
        #expect(r.stdout.contains("\n  check                 Kontroller planen"))
        #expect(!r.stdout.contains("merge-driver") && !r.stdout.contains("bench"))
        #expect(r.stdout.hasSuffix("Se «kplan help <kommando>» for mer om hver kommando.\n"))
        #expect(try CLI.run(["help"]).stdout == r.stdout)
    }

    @Test func optionsTakeTheirValueAttachedOrApartAndDashDashEndsThem() throws {
        let apart = try CLI.run(["check", "--format", "json", CLI.examplePlan])
        let attached = try CLI.run(["check", "--format=json", CLI.examplePlan])
        #expect(apart.status == 0)
        #expect(apart.stdout == attached.stdout)
        #expect(apart.stdout.hasPrefix("{"))
        let dashed = try CLI.run(["check", "--", "--not-an-option.json"])
        #expect(dashed.status == 74)
        #expect(dashed.stderr.contains("--not-an-option.json"))
    }
}

@Suite struct CompletionTests {
    /// Completes with the generated bash function as bash would, for the words given.
    func complete(_ words: [String]) throws -> [String] {
        let script = try CLI.run(["--generate-completion-script", "bash"])
        #expect(script.status == 0)
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try script.stdout.write(toFile: dir + "/kplan.bash", atomically: true, encoding: .utf8)
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        p.arguments = ["-c", "source kplan.bash; COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); _kplan; printf '%s\\n' \"${COMPREPLY[@]}\""]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return text.split(separator: "\n").map(String.init).filter { $0 != "kplan.bash" }
    }

    @Test func bashCompletesCommandsOptionsAndChoices() throws {
        #expect(try complete(["kplan", "ch"]) == ["check"])
        #expect(try complete(["kplan", "check", "--format", ""]) == ["text", "json"])
        #expect(try complete(["kplan", "export", "--do"]) == ["--document"])
        #expect(try complete(["kplan", "status", "--c"]) == ["--case"])
    }

    @Test func everyShellGetsAScriptAndAnUnknownShellIsAUsageError() throws {
        for shell in ["bash", "zsh", "fish"] {
            let r = try CLI.run(["--generate-completion-script", shell])
            #expect(r.status == 0)
            #expect(r.stdout.contains("check"))
            #expect(!r.stdout.contains("merge-driver"))
        }
        let bad = try CLI.run(["--generate-completion-script", "tcsh"])
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("kplan: «tcsh» er ikke en gyldig verdi for --generate-completion-script; velg bash, zsh eller fish\n"))
    }
}
