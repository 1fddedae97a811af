import Foundation
import Testing

/// The real binary in a real terminal (tmux, 100×30, C.UTF-8).
@Suite(.serialized) struct TerminalTests {
    func repoWithExample() throws -> String {
        let dir = try CLI.tempDir()
        try FileManager.default.copyItem(atPath: CLI.examplePlan, toPath: dir + "/plan.kplan.json")
        let (status, out) = shell("git init -q && git -c user.email=t@t -c user.name=t add . && git -c user.email=t@t -c user.name=t commit -qm start", cwd: dir)
        #expect(status == 0, "\(out)")
        return dir
    }

    /// The example plan in a fresh git repository, open in the editor in tmux.
    func openEditor() throws -> (String, Tmux) {
        try #require(Tmux.available, "tmux is missing: .ci/run installs it")
        let dir = try repoWithExample()
        let t = Tmux()
        t.start("\(CLI.binary) edit plan.kplan.json", cwd: dir)
        t.wait(for: "Oversikt")
        return (dir, t)
    }

    @Test func addMeasureLinkNeedBudgetLineSaveAndQuit() throws {
        let (dir, t) = try openEditor()
        t.keys("3")
        t.wait(for: "Desentralisert")
        t.keys("a")
        t.wait(for: "T14")
        t.keys("Enter")
        t.wait(for: "Tittel:")
        t.type("Velferdsteknologi og e-helse: opplæring for ansatte i hjemmetjenesten")
        t.keys("Enter")
        t.wait(for: "endret Tittel")
        t.keys("Down", "Down", "Down", "Enter")
        t.wait(for: "Filter:")
        t.type("B1")
        t.keys("Space", "Enter")
        t.wait(for: "endret Svarer på behov")
        t.keys("5")
        t.wait(for: "Sum kostnader")
        t.keys("a")
        t.wait(for: "K19")
        t.keys("Enter")
        t.wait(for: "Filter:")
        t.type("T14")
        t.keys("Enter")
        t.wait(for: "endret Tiltak")
        t.keys("Down", "Down", "Enter")
        t.wait(for: "2026:")
        t.type("75000")
        t.keys("Enter")
        t.wait(for: "endret 2026")
        t.keys("C-s")
        t.wait(for: "lagret")
        t.keys("q")
        t.wait(for: "program exit") { !$0.contains("Oversikt") && !$0.contains("Sum kostnader") }

        let file = dir + "/plan.kplan.json"
        #expect(try CLI.run(["fmt", "--check", file]).status == 0)
        let check = try CLI.run(["check", file])
        #expect(check.stdout.contains("error[budget-deficit]: 2026: underskudd på 75 000 kr"))
        let (_, numstat) = shell("git diff --numstat", cwd: dir)
        let parts = numstat.split(whereSeparator: { $0 == "\t" || $0 == "\n" })
        #expect(parts.count >= 2 && parts[1] == "0", "the edit only adds lines: \(numstat)")
        let (_, diff) = shell("git diff -U0", cwd: dir)
        let added = diff.split(separator: "\n").filter { $0.hasPrefix("+") && !$0.hasPrefix("+++") }
        #expect(added.contains { $0.contains("\"title\": \"Velferdsteknologi og e-helse: opplæring for ansatte i hjemmetjenesten\"") })
        #expect(added.contains { $0.contains("\"id\": \"K19\"") })
        #expect(added.contains { $0.contains("\"2026\": 75000") })
        #expect(added.contains { $0.contains("\"B1\"") })
    }

    @Test func resizeBelowTheMinimumAndBack() throws {
        let (_, t) = try openEditor()
        t.resize(50, 12)
        t.wait(for: "for liten")
        t.keys("3")
        t.resize(100, 30)
        t.wait(for: "Budsjett per år")
        #expect(t.screen().contains("Budsjett per år"), "keys were ignored while too small: still on Oversikt")
        t.keys("q")
        t.wait(for: "program exit") { !$0.contains("Oversikt") }
    }

    /// `:export` from the editor: a PDF of the plan beside it, with the edit not yet saved.
    @Test func exportFromTheEditorWritesThePDF() throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext"), ".ci/run installs poppler-utils")
        let (dir, t) = try openEditor()
        appendToNeedTitle(t, " i PDF")
        t.type(":export")
        t.keys("Enter")
        t.wait(for: "eksporterte plandokumentet til plan.pdf")
        let (status, text) = shell("pdftotext plan.pdf -", cwd: dir)
        #expect(status == 0)
        #expect(text.contains("Flere sykepleiere i hjemmetjenesten i PDF"))
        t.keys("q")
        t.wait(for: "ulagrede endringer")
        t.keys("n")
        t.wait(for: "program exit") { !$0.contains("Behov") }
    }

    /// y on a field puts its text on the clipboard through the terminal: tmux keeps what an
    /// application sends with OSC 52 as a paste buffer.
    @Test func yankReachesTheTerminalsClipboard() throws {
        let (_, t) = try openEditor()
        t.tmux(["set-option", "-s", "set-clipboard", "on"])
        t.keys("2", "Enter", "Down", "y")
        t.wait(for: "kopierte «Tittel»")
        #expect(t.tmux(["show-buffer"]).1 == "Flere sykepleiere i hjemmetjenesten")
        t.keys("q")
        t.wait(for: "program exit") { !$0.contains("Behov") }
    }

    @Test func quitWithUnsavedChangesAsks() throws {
        let (dir, t) = try openEditor()
        let before = try Data(contentsOf: URL(fileURLWithPath: dir + "/plan.kplan.json"))
        appendToNeedTitle(t, " (endret)")
        t.keys("q")
        t.wait(for: "ulagrede endringer")
        t.keys("Escape")
        t.wait(for: "question gone") { !$0.contains("ulagrede endringer") && $0.contains("Behov") }
        t.keys("q")
        t.wait(for: "ulagrede endringer")
        t.keys("n")
        t.wait(for: "program exit") { !$0.contains("Behov") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/plan.kplan.json")) == before)
    }

    @Test func killedEditorLosesNothing() throws {
        let (dir, t) = try openEditor()
        editTitle(t, "Rekrutteringspakke – etter kill -9")
        appendToNeedTitle(t, " (to)")
        t.signalProgram("KILL")
        t.wait(for: "program killed") { !$0.contains("Oversikt") }
        let t2 = Tmux()
        t2.start("\(CLI.binary) edit plan.kplan.json", cwd: dir)
        t2.wait(for: "Fant 2 ulagrede endringer")
        t2.keys("j")
        t2.wait(for: "gjenopprettet")
        t2.keys("C-s")
        t2.wait(for: "lagret")
        t2.keys("q")
        t2.wait(for: "program exit") { !$0.contains("Oversikt") }
        let saved = try String(contentsOfFile: dir + "/plan.kplan.json", encoding: .utf8)
        #expect(saved.contains("\"title\": \"Rekrutteringspakke – etter kill -9\""))
        #expect(saved.contains("\"title\": \"Flere sykepleiere i hjemmetjenesten (to)\""))
        #expect(!FileManager.default.fileExists(atPath: dir + "/.plan.kplan.json.kplan-journal"))
    }

    /// The editor run from a shell script that records `stty -g` before and after it and its
    /// exit status, with one unsaved edit of measure T2's title made.
    func editorInScript() throws -> (dir: String, tmux: Tmux) {
        try #require(Tmux.available, "tmux is missing: .ci/run installs it")
        let dir = try repoWithExample()
        let script = """
        stty -g > before.txt
        \(CLI.binary) edit plan.kplan.json
        echo "exit=$?" > status.txt
        stty -g > after.txt
        echo FERDIG
        sleep 60
        """
        try script.write(toFile: dir + "/run.sh", atomically: true, encoding: .utf8)
        let t = Tmux()
        t.start("sh run.sh", cwd: dir)
        t.wait(for: "Oversikt")
        editTitle(t, "Rekrutteringspakke – før signalet")
        return (dir, t)
    }

    func editTitle(_ t: Tmux, _ title: String) {
        t.keys("3", "Enter", "Down", "Enter", "C-u")
        t.type(title)
        t.keys("Enter")
        t.wait(for: "endret Tittel")
        t.keys("Escape")
    }

    /// Appends to the title of need B1 (the cursor starts at the end of the field).
    func appendToNeedTitle(_ t: Tmux, _ suffix: String) {
        t.keys("2", "Enter", "Down", "Enter")
        t.wait(for: "Tittel:")
        t.type(suffix)
        t.keys("Enter")
        t.wait(for: "endret Tittel")
    }

    func read(_ dir: String, _ name: String) throws -> String {
        try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
    }

    /// SIGINT, SIGTERM and SIGHUP (a dropped connection) end the editor with the terminal as
    /// it was, the plan file untouched and the unsaved edit in the recovery journal.
    @Test(arguments: [("INT", 2), ("TERM", 15), ("HUP", 1)])
    func terminationSignalRestoresTheTerminalAndKeepsTheJournal(signal: String, number: Int) throws {
        let (dir, t) = try editorInScript()
        let original = try Data(contentsOf: URL(fileURLWithPath: CLI.examplePlan))
        t.signalProgram(signal)
        t.wait(for: "FERDIG")
        let before = try read(dir, "before.txt")
        #expect(!before.isEmpty)
        #expect(try read(dir, "after.txt") == before)
        #expect(try read(dir, "status.txt") == "exit=\(128 + number)\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/plan.kplan.json")) == original)
        #expect(try read(dir, ".plan.kplan.json.kplan-journal").contains("Rekrutteringspakke – før signalet"))
    }

    /// Ctrl-Z (the key in the editor, or SIGTSTP from outside) gives the shell its terminal
    /// back while kplan is stopped; SIGCONT brings the editor back with its edits, and keys
    /// typed at once work; the terminal is restored at the end.
    @Test(arguments: [true, false])
    func suspendAndContinue(byKey: Bool) throws {
        let (dir, t) = try editorInScript()
        let tty = t.tmux(["display", "-p", "-t", t.session, "#{pane_tty}"]).1.trimmingCharacters(in: .whitespacesAndNewlines)
        let before = try read(dir, "before.txt")
        if byKey { t.keys("C-z") } else { t.signalProgram("TSTP") }
        t.wait(for: "kplan stopped") { _ in t.programState() == "T" }
        #expect(shell("stty -g < \(tty)", cwd: dir).1 == before)
        t.wait(for: "the shell's screen") { !$0.contains("Oversikt") }
        t.signalProgram("CONT")
        t.wait(for: "Oversikt")
        appendToNeedTitle(t, " (etter fortsett)")
        t.signalProgram("TERM")
        t.wait(for: "FERDIG")
        #expect(try read(dir, "after.txt") == before)
        let journal = try read(dir, ".plan.kplan.json.kplan-journal")
        #expect(journal.contains("Rekrutteringspakke – før signalet"))
        #expect(journal.contains("hjemmetjenesten (etter fortsett)"))
    }

    /// A plan in a folder kplan may not write to (as root, kplan runs as nobody, since root
    /// ignores permissions): saving fails with a Norwegian message, the file is untouched,
    /// the edit stays in the editor and in the journal in the state folder, and reopening
    /// after kill -9 offers it.
    @Test func readOnlyFolderKeepsTheEditsInTheEditorAndTheJournal() throws {
        try #require(Tmux.available, "tmux is missing: .ci/run installs it")
        let dir = try CLI.tempDir()
        let folder = dir + "/plan", state = dir + "/state"
        for d in [folder, state] { try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true) }
        try FileManager.default.copyItem(atPath: CLI.examplePlan, toPath: folder + "/plan.kplan.json")
        var asUser = ""
        if getuid() == 0 {
            #expect(chown(state, 65534, 65534) == 0)
            asUser = "setpriv --reuid=65534 --regid=65534 --clear-groups "
        }
        chmod(folder, 0o555)
        defer { chmod(folder, 0o755) }
        let command = "\(asUser)env XDG_STATE_HOME=\(state) \(CLI.binary) edit plan/plan.kplan.json"
        let t = Tmux()
        t.start(command, cwd: dir)
        t.wait(for: "Oversikt")
        editTitle(t, "Rekrutteringspakke – lagret ikke")
        t.keys("C-s")
        t.wait(for: "mangler skrivetilgang")
        t.wait(for: "ulagret")
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/plan.kplan.json")) == (try Data(contentsOf: URL(fileURLWithPath: CLI.examplePlan))))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["plan.kplan.json"])
        let journals = try FileManager.default.contentsOfDirectory(atPath: state + "/kplan/journal")
        #expect(journals.count == 1)
        #expect(journals.first?.hasPrefix("plan.kplan.json-") == true)
        let journal = try read(state + "/kplan/journal", journals.first ?? "")
        #expect(journal.contains("Rekrutteringspakke – lagret ikke"))

        t.signalProgram("KILL")
        t.wait(for: "program killed") { !$0.contains("Oversikt") }
        let t2 = Tmux()
        t2.start(command, cwd: dir)
        t2.wait(for: "Fant 1 ulagret endring")
    }

    /// A full disk: the plan's folder is a tmpfs with room for the plan but not for a second
    /// copy. Saving fails with a Norwegian message, the file is untouched, and the edit stays
    /// in the editor and in the journal, which goes to the state folder on another disk.
    @Test func fullDiskKeepsTheEditsInTheEditorAndTheJournal() throws {
        try #require(Tmux.available, "tmux is missing: .ci/run installs it")
        try #require(getuid() == 0, "mounting a small tmpfs needs root; CI runs as root")
        let dir = try CLI.tempDir()
        let folder = dir + "/plan", state = dir + "/state"
        for d in [folder, state] { try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true) }
        let original = try Data(contentsOf: URL(fileURLWithPath: CLI.examplePlan))
        let pages = (original.count + 4095) / 4096
        let (mounted, why) = shell("mount -t tmpfs -o size=\((pages + 2) * 4096) tmpfs plan", cwd: dir)
        try #require(mounted == 0, "mount: \(why)")
        defer { _ = shell("umount plan", cwd: dir) }
        try original.write(to: URL(fileURLWithPath: folder + "/plan.kplan.json"))
        let t = Tmux()
        t.start("env XDG_STATE_HOME=\(state) \(CLI.binary) edit plan/plan.kplan.json", cwd: dir)
        t.wait(for: "Oversikt")
        editTitle(t, "Rekrutteringspakke – full disk")
        t.keys("C-s")
        t.wait(for: "disken er full")
        t.wait(for: "ulagret")
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/plan.kplan.json")) == original)
        // Nothing half-written: the plan alone (the journal, with its copy of the plan, is in
        // the state folder).
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["plan.kplan.json"])
        let journals = try FileManager.default.contentsOfDirectory(atPath: state + "/kplan/journal")
        #expect(journals.count == 1)
        #expect(try read(state + "/kplan/journal", journals.first ?? "").contains("Rekrutteringspakke – full disk"))
        // "Save and quit" must not quit when the save fails.
        t.keys("q")
        t.wait(for: "ulagrede endringer")
        t.keys("j")
        t.wait(for: "save refused, still open") { $0.contains("disken er full") && $0.contains("Oversikt") }
        t.keys("q")
        t.wait(for: "ulagrede endringer")
        t.keys("n")
        t.wait(for: "program exit") { !$0.contains("Oversikt") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/plan.kplan.json")) == original)
    }

    @Test func refusesWithoutATerminal() throws {
        let r = try CLI.run(["edit", CLI.examplePlan])
        #expect(r.status == 2)
        #expect(r.stderr.contains("kplan edit trenger en terminal"))
        let dumb = try CLI.run(["render", CLI.examplePlan, "--screen", "tiltak", "--size", "80x24", "--keys", "<Down>"])
        #expect(dumb.status == 0)
        #expect(dumb.stdout.contains("T2   Rekruttering"))
    }
}
