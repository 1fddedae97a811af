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
