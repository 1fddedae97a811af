import Foundation
import Testing

@Suite(.serialized) struct CommandTests {
    @Test func binaryExists() {
        #expect(FileManager.default.isExecutableFile(atPath: CLI.binary), "build kplan first: swift build")
    }

    @Test func fmtCheckPassesOnTheExamplePlans() throws {
        let r = try CLI.run(["fmt", "--check", CLI.examplePlan])
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
    }

    @Test func checkOfTheExamplePlanHasNoErrors() throws {
        let r = try CLI.run(["check", CLI.examplePlan])
        #expect(r.status == 0)
        #expect(r.stdout.contains("0 feil"))
    }

    @Test func checkJSONIsVersionedAndValid() throws {
        let r = try CLI.run(["check", "--format", "json", CLI.fixture("bad/broken-example.kplan.json")])
        #expect(r.status == 65)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["formatVersion"] as? String == "1.0")
        #expect(json["valid"] as? Bool == false)
        #expect(json["errorCount"] as? Int == 3)
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["trailing-comma", "unknown-code", "missing-reference"])
        #expect(findings[1]["line"] as? Int == 270)
        #expect(findings[1]["column"] as? Int == 21)
        #expect(findings[1]["path"] as? String == "/needs/0/occupation")
    }

    @Test func fmtNormalisesAndCheckReportsNonCanonicalFiles() throws {
        let dir = try CLI.tempDir()
        let path = dir + "/plan.kplan.json"
        var text = try String(contentsOfFile: CLI.examplePlan, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"fte\": 6.0,", with: "\"fte\": 6,")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let check = try CLI.run(["fmt", "--check", path])
        #expect(check.status == 1)
        #expect(check.stdout == path + "\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
        let fmt = try CLI.run(["fmt", path])
        #expect(fmt.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(contentsOf: URL(fileURLWithPath: CLI.examplePlan)))
    }

    @Test func newMakesAValidSkeletonAndRefusesToOverwrite() throws {
        let dir = try CLI.tempDir()
        let path = dir + "/testvik-2026-2029.kplan.json"
        let r = try CLI.run(["new", path, "--municipality", "Testvik kommune", "--number", "4698", "--from", "2026", "--to", "2029"])
        #expect(r.status == 0)
        let check = try CLI.run(["check", path])
        #expect(check.status == 0)
        #expect(try CLI.run(["fmt", "--check", path]).status == 0)
        let again = try CLI.run(["new", path, "--municipality", "X", "--number", "4698", "--from", "2026", "--to", "2029"])
        #expect(again.status == 74)
        #expect(again.stderr.contains("finnes allerede"))
    }

    @Test func usageErrorsExitTwo() throws {
        let r = try CLI.run(["new", "/tmp/x.json", "--municipality", "a", "--number", "12", "--from", "2026", "--to", "2029"])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("kplan: kommunenummer «12» må ha fire sifre\n"))
        #expect(try CLI.run(["check"]).status == 2)
        #expect(try CLI.run(["chek", "a.json", "b.json"]).status == 2)
    }

    @Test func showPrintsFiguresInNorwegian() throws {
        let r = try CLI.run(["show", CLI.examplePlan])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Fjordvik kommune (4699, Vestland)"))
        #expect(r.stdout.contains("2026     2 180 000 kr   2 180 000 kr          0 kr   1 410 000 kr     770 000 kr"))
        #expect(r.stdout.contains("✓ B1 Flere sykepleiere i hjemmetjenesten       6,4 av 6,0 innen 2029"))
        // Long names wrap in their column; nothing is cut.
        #expect(r.stdout.contains("""
            Annen helse- og sosialfaglig        5,0     5,97     0,97        0,0
            utdanning (vgs/fagskole)

            """))
        #expect(r.stdout.contains("""
            ✓ B2 Helsefagarbeidere til nytt bofellesskap   8,4 av 8,0 innen 2028
                 for personer med demens

            """))
        #expect(!r.stdout.contains("…"))
    }

    @Test func rulesListsEveryRuleWithItsSource() throws {
        let r = try CLI.run(["rules"])
        #expect(r.status == 0)
        for id in ["budget-deficit", "grant-requires-decision", "k2025-area-uncovered", "waiver-invalid"] {
            #expect(r.stdout.contains(id))
        }
        #expect(r.stdout.contains("kilde: Kap. 761 post 68"))
    }

    @Test func statusSubmitIsRefusedWithWarningsAndNothingIsWritten() throws {
        let dir = try CLI.tempDir()
        let path = dir + "/plan.kplan.json"
        try FileManager.default.copyItem(atPath: CLI.examplePlan, toPath: path)
        let before = try snapshot(dir)
        let r = try CLI.run(["status", path, "submit"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("status kan ikke settes til «sendt til behandling»"))
        #expect(r.stderr.contains("warning[demand-not-covered]"))
        #expect(try snapshot(dir) == before)
    }

    @Test func statusSubmitAndApproveWhenClean() throws {
        let dir = try CLI.tempDir()
        let path = dir + "/plan.kplan.json"
        var text = try String(contentsOfFile: CLI.examplePlan, encoding: .utf8)
        text = text.replacingOccurrences(of: "  \"waivers\": []", with: """
          "waivers": [
            {
              "rule": "demand-not-covered",
              "target": "",
              "reason": "Resten av veksten dekkes av velferdsteknologi og endret oppgavedeling, vurderes ved revisjon",
              "decidedBy": "Kommunalsjef helse og omsorg",
              "date": "2026-03-01"
            }
          ]
        """)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["status", path, "submit"]).status == 0)
        let approve = try CLI.run(["status", path, "approve", "--body", "Kommunestyret", "--case", "2026/101", "--date", "2026-06-18"])
        #expect(approve.status == 0, "\(approve.stderr)")
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(saved.contains("\"status\": \"approved\""))
        #expect(saved.contains("\"kind\": \"plan-approval\""))
        #expect(saved.contains("\"case\": \"2026/101\""))
        #expect(try CLI.run(["check", path]).status == 0)

        // A new revision: a draft again, with the approval kept among the decisions.
        let revise = try CLI.run(["status", path, "revise"])
        #expect(revise.status == 0, "\(revise.stderr)")
        #expect(revise.stdout == "\(path): status er nå «utkast»\n")
        let revised = try String(contentsOfFile: path, encoding: .utf8)
        #expect(revised == saved.replacingOccurrences(of: "\"status\": \"approved\"", with: "\"status\": \"draft\""))
        let again = try CLI.run(["status", path, "revise"])
        #expect(again.status == 0)
        #expect(again.stdout == "\(path): status er allerede «utkast»; ingenting er endret\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == revised)
        #expect(try CLI.run(["check", path]).status == 0)
    }
}

/// Every bad-input class: the message, FILE:LINE:COL, the exit code, and that nothing was written.
@Suite(.serialized) struct BadInputTests {
    /// (fixture, expected position and message, exit code of fmt, exit code of check).
    static let cases: [(String, String, Int32, Int32)] = [
        ("trailing-comma.json", ":2:13: error[trailing-comma]: komma etter siste element", 65, 65),
        ("duplicate-key.json", ":4:3: error[duplicate-key]: nøkkelen «a» står to ganger i samme objekt", 65, 65),
        ("bom.json", ":1:1: error[bom]: filen starter med et byte order mark", 65, 65),
        ("leading-zero.json", ":2:13: error[leading-zero]: tallet «0120» har ledende null", 65, 65),
        ("invalid-utf8.json", ":2:22: error[invalid-utf8]: ugyldig UTF-8", 65, 65),
        ("unterminated-string.json", ":2:12: error[unterminated-string]: teksten avsluttes aldri", 65, 65),
        ("control-character.json", ":2:18: error[control-character]: kontrolltegn U+0009 i tekst", 65, 65),
        ("too-deep.json", ":1:65: error[too-deep]: for dyp nøsting (over 64 nivåer)", 65, 65),
        ("conflict-markers.json", ":3:1: error[conflict-marker]: uløst git-konflikt: linjen starter med «<<<<<<<»", 65, 65),
        ("empty.json", ":1:1: error[empty-file]: filen er tom", 65, 65),
        ("single-quotes.json", ":2:3: error[syntax]: JSON krever doble anførselstegn", 65, 65),
        ("invalid-escape.json", ":2:14: error[invalid-escape]: ugyldig escape «\\q»", 65, 65),
        ("broken-example.kplan.json", ":270:21: error[unknown-code]: ukjent yrke «sykepleir»", 65, 65),
        ("unknown-key.kplan.json", ":281:7: error[unknown-key]: ukjent felt «rationle» i behov", 65, 1),
        ("unknown-code.kplan.json", ":568:15: error[unknown-code]: ukjent tiltakstype «videreutdaning»", 65, 1),
        ("wrong-type.kplan.json", ":751:23: error[wrong-type]: forventet tall, fant tekst", 65, 1),
        ("missing-field.kplan.json", ":412:5: error[missing-field]: mangler feltet «responsible» i tiltak", 65, 1),
        ("too-precise.kplan.json", ":107:16: error[too-precise]: «62.555» har for mange desimaler; bruk høyst to", 65, 1),
    ]

    @Test(arguments: cases.map(\.0))
    func fmtAndCheckReportAndWriteNothing(_ name: String) throws {
        let (_, expected, fmtStatus, checkStatus) = Self.cases.first { $0.0 == name }!
        let dir = try CLI.tempDir()
        let path = dir + "/" + name
        try FileManager.default.copyItem(atPath: CLI.fixture("bad/" + name), toPath: path)
        let before = try snapshot(dir)
        let fmt = try CLI.run(["fmt", path])
        #expect(fmt.status == fmtStatus)
        #expect(fmt.stderr.contains(path + expected), "\(fmt.stderr)")
        let check = try CLI.run(["check", path])
        #expect(check.status == checkStatus)
        #expect(check.stdout.contains(path + expected))
        let edit = try CLI.run(["render", path])
        #expect(edit.status == 65, "the UI refuses a file with errors")
        #expect(try snapshot(dir) == before)
    }

    @Test func fullDiskFailsClearlyAndLeavesTheFile() throws {
        let dir = try CLI.tempDir()
        let path = dir + "/plan.kplan.json"
        let text = try String(contentsOfFile: CLI.examplePlan, encoding: .utf8).replacingOccurrences(of: "\"fte\": 6.0,", with: "\"fte\": 6,")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let before = try snapshot(dir)
        // A file-size limit of 16 KiB stands in for a full disk: the write fails part way.
        let (status, out) = shell("ulimit -f 32; '\(CLI.binary)' fmt plan.kplan.json; echo \"exit=$?\"", cwd: dir)
        #expect(status == 0)
        #expect(out.contains("kunne ikke lagre: filen blir større enn tillatt; den gamle filen er urørt"), "\(out)")
        #expect(out.contains("exit=74"))
        #expect(try snapshot(dir) == before, "the plan is untouched and no temporary file is left")
    }

    @Test func missingFileIsAnIOError() throws {
        let r = try CLI.run(["check", "/nonexistent/plan.kplan.json"])
        #expect(r.status == 74)
        #expect(r.stderr.contains("filen finnes ikke"))
    }

    @Test func newerFormatIsRefused() throws {
        let dir = try CLI.tempDir()
        let path = dir + "/new.kplan.json"
        let text = try String(contentsOfFile: CLI.examplePlan, encoding: .utf8).replacingOccurrences(of: "\"kplan/1\"", with: "\"kplan/7\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try CLI.run(["fmt", path])
        #expect(r.status == 65)
        #expect(r.stderr.contains(":2:13: error[unsupported-format]: filen er i formatet «kplan/7», som er nyere enn denne kplan"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }

    @Test func badPolicyPackIsReportedLikeABadPlan() throws {
        let dir = try CLI.tempDir()
        let path = dir + "/pack.json"
        try "{\n  \"format\": \"kplan-policy/1\",\n  \"id\": \"x\",\n".write(toFile: path, atomically: true, encoding: .utf8)
        let r = try CLI.run(["check", "--policy", path, CLI.examplePlan])
        #expect(r.status == 65)
        #expect(r.stderr.contains(path + ":4:1: error[syntax]"))
    }

    /// Scripts/bench reads these keys; a missing one would stop the benchmark, not a test.
    @Test func benchPrintsEveryFigureTheScriptReads() throws {
        let warm = try CLI.run(["bench", "--runs", "1", CLI.examplePlan])
        #expect(warm.status == 0)
        let keys = ["parse", "load", "engine", "encode", "check", "frame", "move", "edit", "number", "rename", "export", "diff"]
        for key in keys { #expect(warm.stdout.contains(" \(key)_ms=") || warm.stdout.hasPrefix("\(key)_ms="), "\(key)") }
        let cold = try CLI.run(["bench", "--cold", CLI.examplePlan])
        #expect(cold.status == 0)
        #expect(cold.stdout.hasPrefix("cold_check_ms=") && !cold.stdout.contains("parse_ms"))
        // One phase alone, for a profiler and for the growth rounds: only its figure.
        for phase in ["load", "engine", "edit", "number", "rename"] {
            let one = try CLI.run(["bench", "--only", phase, "--runs", "2", CLI.examplePlan])
            #expect(one.status == 0)
            #expect(one.stdout.hasPrefix("\(phase)_ms=") && one.stdout.filter { $0 == "=" }.count == 1, "\(phase): \(one.stdout)")
        }
        let unknown = try CLI.run(["bench", "--only", "parser", CLI.examplePlan])
        #expect(unknown.status == 2 && unknown.stderr.contains("parser"))
    }
}

@Suite struct MappedFileGuardTests {
    /// SIGBUS is what reading a mapped file that another program truncated raises. It is sent
    /// here while `check` waits on a pipe, after it has installed its handler.
    @Test func aBusErrorWhileCheckingIsAMessageAndExit74NotACrash() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.binary)
        p.arguments = ["check", "/dev/stdin"]
        let input = Pipe(), err = Pipe()
        p.standardInput = input
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        // Blocked in read(2) (syscall 0 on x86-64) means past the handler's installation.
        let deadline = ContinuousClock.now + .seconds(30)
        var waiting = false
        while !waiting, ContinuousClock.now < deadline {
            let syscall = (try? String(contentsOfFile: "/proc/\(p.processIdentifier)/syscall", encoding: .utf8)) ?? ""
            waiting = syscall.hasPrefix("0 ")
            if !waiting { usleep(1_000) }
        }
        #expect(waiting)
        kill(p.processIdentifier, SIGBUS)
        // Without the handler the runtime's crash handler can hang on a signal that is no
        // fault, so give up after a while rather than hang the suite.
        let end = ContinuousClock.now + .seconds(30)
        while p.isRunning, ContinuousClock.now < end { usleep(1_000) }
        if p.isRunning {
            Issue.record("kplan check did not exit after SIGBUS")
            kill(p.processIdentifier, SIGKILL)
        }
        p.waitUntilExit()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        try? input.fileHandleForWriting.close()
        #expect(p.terminationReason == .exit)
        #expect(p.terminationStatus == 74)
        #expect(message == "kplan: filen ble avkortet av et annet program mens den ble lest; kjør kontrollen på nytt\n")
    }
}
