import Foundation
import Testing

/// kplan diff against git revisions, and the textconv driver through plain `git diff`.
@Suite(.serialized) struct GitTests {
    func git(_ args: String, _ dir: String) -> (Int32, String) {
        shell("git -c user.email=t@t -c user.name=t " + args, cwd: dir)
    }

    @Test func withoutGitTheMessageSaysSoAndNothingIsWritten() throws {
        let dir = try CLI.tempDir()
        try FileManager.default.copyItem(atPath: CLI.examplePlan, toPath: dir + "/plan.kplan.json")
        #expect(git("init -q", dir).0 == 0)
        let noGit = ["PATH": dir + "/empty"]
        for args in [["diff"], ["diff", "HEAD", "--", "plan.kplan.json"], ["git-setup"]] {
            let r = try CLI.run(args, cwd: dir, env: noGit)
            #expect(r.status == 74, "\(args)")
            #expect(r.stderr == "kplan: fant ikke git; installer det (apt-get install git) eller legg det i PATH\n", "\(args)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/.gitattributes"))
        // Two files are compared without git.
        #expect(try CLI.run(["diff", "plan.kplan.json", "plan.kplan.json"], cwd: dir, env: noGit).status == 0)
    }

    @Test func diffBetweenRevisionsAndTextconv() throws {
        let dir = try CLI.tempDir()
        try FileManager.default.copyItem(atPath: CLI.examplePlan, toPath: dir + "/plan.kplan.json")
        #expect(git("init -q", dir).0 == 0)
        #expect(git("add plan.kplan.json", dir).0 == 0)
        #expect(git("commit -qm first", dir).0 == 0)
        var text = try String(contentsOfFile: dir + "/plan.kplan.json", encoding: .utf8)
        text = text.replacingOccurrences(of: "\"2027\": 180000", with: "\"2027\": 210000")
        try text.write(toFile: dir + "/plan.kplan.json", atomically: true, encoding: .utf8)
        #expect(git("commit -qam second", dir).0 == 0)

        let r = try CLI.run(["diff", "HEAD~1", "HEAD"], cwd: dir)
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("~ Tiltak T1 «Desentralisert sykepleierutdanning for helsefagarbeidere» (K1): budsjett 2027 vikarutgifter: 180 000 kr → 210 000 kr (+30 000 kr)\n"))
        #expect(r.stdout.hasSuffix("1 endring: 0 lagt til, 0 fjernet, 1 endret, 0 flyttet\n"))
        #expect(try CLI.run(["diff"], cwd: dir).status == 0, "the working tree equals HEAD")
        let bad = try CLI.run(["diff", "--", "--output=/tmp/x"], cwd: dir)
        #expect(bad.status == 0, "a file name that looks like an option is only a file name: \(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/x"))
        #expect(try CLI.run(["diff", "no-such-rev"], cwd: dir).status == 2)

        #expect(try CLI.run(["git-setup"], cwd: dir).status == 0)
        let (_, attributes) = shell("cat .gitattributes", cwd: dir)
        #expect(attributes.contains("*.kplan.json text eol=lf diff=kplan"))
        // The editor's journal and the file it keeps are never offered to git.
        for name in [".plan.kplan.json.kplan-journal", ".plan.kplan.json.kplan-journal-base"] {
            #expect(FileManager.default.createFile(atPath: dir + "/" + name, contents: Data("x".utf8)))
        }
        #expect(!git("status --porcelain --untracked-files=all", dir).1.contains("kplan-journal"))
        #expect(try CLI.run(["git-setup"], cwd: dir).status == 0)
        #expect(shell("grep -c kplan-journal .git/info/exclude", cwd: dir).1.trimmingCharacters(in: .whitespacesAndNewlines) == "2",
                "a second git-setup adds nothing")
        let (status, diff) = git("diff HEAD~1 HEAD", dir)
        #expect(status == 0)
        #expect(diff.contains("-Tiltak T1 «Desentralisert sykepleierutdanning for helsefagarbeidere» (K1) · budsjett 2027 vikarutgifter: 180 000 kr"))
        #expect(diff.contains("+Tiltak T1 «Desentralisert sykepleierutdanning for helsefagarbeidere» (K1) · budsjett 2027 vikarutgifter: 210 000 kr"))
    }

    @Test func mergeDriverMergesTwoBranchesThatEachAddAMeasure() throws {
        let dir = try CLI.tempDir()
        try FileManager.default.copyItem(atPath: CLI.examplePlan, toPath: dir + "/plan.kplan.json")
        #expect(git("init -q -b main", dir).0 == 0)
        #expect(try CLI.run(["git-setup"], cwd: dir).status == 0)
        #expect(git("add .", dir).0 == 0)
        #expect(git("commit -qm base", dir).0 == 0)
        func addMeasure(_ id: String, _ title: String) throws {
            var text = try String(contentsOfFile: dir + "/plan.kplan.json", encoding: .utf8)
            let anchor = "  \"trainingSlots\": ["
            let measure = """
                {
                  "id": "\(id)",
                  "title": "\(title)",
                  "kind": "samarbeid",
                  "strategy": "utvikle",
                  "needs": [],
                  "k2025": ["ledelse"],
                  "reform": [],
                  "responsible": "R",
                  "targetGroup": "M",
                  "goal": "G",
                  "implementation": "I",
                  "indicator": "E",
                  "from": "2026-01",
                  "to": "2026-12",
                  "status": "planned",
                  "startedBefore": false,
                  "fteGain": 0.0
                }
              ],

            """
            let end = try #require(text.range(of: "    }\n  ],\n" + anchor))
            text.replaceSubrange(end, with: "    },\n" + measure + anchor)
            try text.write(toFile: dir + "/plan.kplan.json", atomically: true, encoding: .utf8)
            #expect(try CLI.run(["fmt", "plan.kplan.json"], cwd: dir).status == 0)
        }
        #expect(git("checkout -qb a", dir).0 == 0)
        try addMeasure("T14", "Ukens fagdag")
        #expect(git("commit -qam a", dir).0 == 0)
        #expect(git("checkout -q main", dir).0 == 0)
        #expect(git("checkout -qb b", dir).0 == 0)
        try addMeasure("T15", "Mentorordning for nyutdannede")
        #expect(git("commit -qam b", dir).0 == 0)
        let (status, out) = git("merge -q a -m merged", dir)
        #expect(status == 0, "git's own text merge would conflict here (both add at the end of the list): \(out)")
        let merged = try String(contentsOfFile: dir + "/plan.kplan.json", encoding: .utf8)
        #expect(merged.contains("\"id\": \"T14\"") && merged.contains("\"id\": \"T15\""))
        #expect(try CLI.run(["fmt", "--check", "plan.kplan.json"], cwd: dir).status == 0)
    }

    @Test func diffOfTwoFiles() throws {
        let dir = try CLI.tempDir()
        var text = try String(contentsOfFile: CLI.examplePlan, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"title\": \"Menn i helse\"", with: "\"title\": \"Menn i helse – kull 2\"")
        try text.write(toFile: dir + "/b.kplan.json", atomically: true, encoding: .utf8)
        let r = try CLI.run(["diff", CLI.examplePlan, dir + "/b.kplan.json"])
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("~ Tiltak T4 «Menn i helse – kull 2»: tittel: «Menn i helse» → «Menn i helse – kull 2»\n"))
        let json = try CLI.run(["diff", "--format", "json", CLI.examplePlan, dir + "/b.kplan.json"])
        #expect(json.stdout.contains("\"kind\": \"changed\""))
        #expect(json.stdout.contains("\"list\": \"measures\""))
        #expect(json.stdout.contains("\"key\": \"T4\""))
        #expect(json.stdout.contains("\"field\": \"title\""))
    }
}
