import Foundation
import Testing
import KPlanCore
import TermUI
@testable import KPlanApp

/// The event loop over an in-memory terminal: keys in, frames out, files written.
@MainActor
@Suite struct RuntimeTests {
    func copyOfExample() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kplan-runtime-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/plan.kplan.json"
        try FileManager.default.copyItem(atPath: AppFixture.examplePath, toPath: path)
        return path
    }

    func events(_ script: String) throws -> [Event] { try KeyScript.parse(script).map { .key($0) } }

    @Test func editSaveAndQuitWritesACanonicalFile() throws {
        let path = try copyOfExample()
        let loaded = try PlanFile.load(path)
        var state = AppState(plan: try #require(loaded.plan), path: path, disk: loaded.disk, size: Size(width: 100, height: 30))
        let terminal = TestBackend(size: Size(width: 100, height: 30),
                                   events: try events("2<Enter><Down><Enter><C-u>Sykepleiere til hjemmetjenesten og Fjordtun<Enter><C-s>q"))
        #expect(Runtime.run(&state, terminal) == 0)
        let saved = try PlanFile.load(path)
        #expect(saved.plan?.needs[0].title == "Sykepleiere til hjemmetjenesten og Fjordtun")
        #expect(PlanEncoder.encode(try #require(saved.plan)) == saved.bytes)
        #expect(terminal.frames.last?.text.contains("lagret") == true)
    }

    @Test func aFileChangedOnDiskIsNeverOverwrittenAndOffersReloadOrCopy() throws {
        let path = try copyOfExample()
        let loaded = try PlanFile.load(path)
        var state = AppState(plan: try #require(loaded.plan), path: path, disk: loaded.disk, size: Size(width: 100, height: 30))
        // Someone else (a git pull) changes the file while it is open.
        var theirs = try #require(loaded.plan)
        theirs.title = "Endret av en annen"
        try PlanFile.save(theirs, to: path, expected: nil)
        let theirBytes = try Data(contentsOf: URL(fileURLWithPath: path))

        let terminal = TestBackend(size: Size(width: 100, height: 30), events: try events("2<Enter><Down><Enter>x<Enter>qj"))
        terminal.signalAfterEvents = 15
        #expect(Runtime.run(&state, terminal) == 143, "the quit after a refused save must not happen")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == theirBytes)
        #expect(state.document.isDirty)
        #expect(terminal.frames.last?.text.contains("Filen er endret på disken") == true)

        // k: keep mine in a copy beside the file.
        let keep = TestBackend(size: Size(width: 100, height: 30), events: try events("k"))
        keep.signalAfterEvents = 15
        _ = Runtime.run(&state, keep)
        let copy = String(path.dropLast(11)) + ".mine.kplan.json"
        #expect(try PlanFile.load(copy).plan?.needs[0].title.hasSuffix("x") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == theirBytes)

        // r: reload theirs, dropping the edits in memory.
        let reload = TestBackend(size: Size(width: 100, height: 30), events: try events("<C-s>r"))
        reload.signalAfterEvents = 15
        _ = Runtime.run(&state, reload)
        #expect(state.plan.title == "Endret av en annen")
        #expect(!state.document.isDirty)
    }

    @Test func resizeRedrawsAtTheNewSize() throws {
        var state = try AppFixture.state(size: Size(width: 100, height: 30))
        let terminal = TestBackend(size: Size(width: 100, height: 30), events: [.resize(Size(width: 50, height: 12)), .resize(Size(width: 80, height: 24))])
        terminal.signalAfterEvents = 1
        _ = Runtime.run(&state, terminal)
        #expect(terminal.frames.map(\.size.width) == [100, 50, 80])
        #expect(terminal.frames[1].text.contains("for liten"))
    }
}

@Suite struct ConfigTests {
    @Test(arguments: ["default", "light", "high-contrast", "mono"])
    func bundledThemesLoad(_ name: String) throws {
        let path = AppFixture.root.appendingPathComponent("Themes/\(name).json").path
        guard case .success(let theme) = ThemeLoader.load(path) else { Issue.record("theme \(name) did not load"); return }
        #expect(theme.name == name)
        #expect(theme.style("list.selected", colors: false).attributes.contains(.reverse))
        if name != "mono" { #expect(theme.style("diag.error").fg != .default) }
    }

    @Test func badThemeGetsPreciseErrors() {
        let text = "{\n  \"format\": \"kplan-theme/1\",\n  \"name\": \"x\",\n  \"roles\": {\"title\": {\"fg\": \"purpel\"}},\n  \"mono\": {}\n}\n"
        let (_, d) = ThemeLoader.decode(Array(text.utf8))
        #expect(d.map(\.id) == ["unknown-code"])
        #expect(d.first?.message == "ukjent farge «purpel»")
        #expect(d.first?.path == "/roles/title/fg")
    }

    @Test func userKeymapFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString).json").path
        try "{\"save\": [\"C-w\", \"w\"], \"delete\": [], \"fly\": [\"x\"]}".write(toFile: path, atomically: true, encoding: .utf8)
        let (map, problems) = KeymapLoader.load(path)
        #expect(map.action(for: .ctrl("w")) == "save")
        #expect(map.action(for: .char("w")) == "save")
        #expect(map.keys(for: "waive").isEmpty)
        #expect(map.action(for: .char("d")) == nil)
        #expect(problems == ["\(path): ukjent handling eller tast: fly", "\(path): tasten w er nå save og ikke lenger waive"])
    }
}

/// The recovery journal: written after every edit, gone after a save, offered on reopen.
@MainActor
@Suite struct JournalTests {
    /// Edits that clash with a newer plan file are offered with a word that saving them
    /// replaces the other changes.
    @Test func restoringOverANewerFileSaysSo() throws {
        let path = try RuntimeTests().copyOfExample()
        let loaded = try PlanFile.load(path)
        var mine = try #require(loaded.plan), theirs = mine
        mine.needs[0].title = "Min tittel"
        theirs.needs[0].title = "Deres tittel"
        _ = try Journal.record(mine, change: PlanChange(from: try #require(loaded.plan), to: mine), edits: 1, for: path,
                               written: nil, base: loaded.disk)
        try PlanFile.save(theirs, to: path, expected: nil)
        let entry = try #require(Journal.read(for: path))
        #expect(entry.plan == mine)
        var state = AppState(plan: theirs, path: path, disk: PlanStore.diskVersion(path), size: Size(width: 100, height: 30))
        state.offerRecovery(entry)
        guard case .confirm(let question, .restore) = state.mode else { Issue.record("no question: \(state.mode)"); return }
        #expect(question == "Fant 1 ulagret endring fra \(Format.dateTime(entry.written)) (etter et avbrudd). Planfilen er endret av "
                + "andre siden, og endringene dine kan ikke legges på deres versjon: gjenoppretter du dem, bygger de på filen slik den var, og "
                + "lagring erstatter de andres endringer. Gjenopprette dem? j = gjenopprett, n = forkast, k = lagre dem i "
                + copyPath(path) + " og åpne filen slik den er nå")
        #expect(view(state).text.contains("Planfilen er endret av"))

        // k: the edits go to a copy beside the plan, and the journal only once the copy is
        // written; the plan stays theirs, with nothing unsaved.
        let terminal = TestBackend(size: state.size, events: [])
        try FileManager.default.createDirectory(atPath: copyPath(path), withIntermediateDirectories: false)
        _ = Runtime.perform(update(&state, .key(.char("k"))), &state, terminal)
        #expect(state.status?.hasPrefix("\(copyPath(path)): kunne ikke lagre: ") == true, "\(state.status ?? "")")
        #expect(Journal.read(for: path)?.plan == mine, "a copy that could not be written leaves the journal")
        try FileManager.default.removeItem(atPath: copyPath(path))
        state.offerRecovery(try #require(Journal.read(for: path)))
        _ = Runtime.perform(update(&state, .key(.char("k"))), &state, terminal)
        #expect(try PlanFile.load(copyPath(path)).plan == mine)
        #expect(Journal.read(for: path) == nil)
        #expect(try PlanFile.load(path).plan == theirs)
        #expect(state.plan == theirs && !state.document.isDirty)
        #expect(state.status == "dine endringer er lagret i \(copyPath(path)); sammenlign med kplan diff")
    }

    /// The example plan opened with a journal of `edits` edits that retitle it, and asked
    /// whether to restore them.
    func offeredRetitledPlan(edits: Int) throws -> (path: String, retitled: Plan, state: AppState) {
        let path = try RuntimeTests().copyOfExample()
        let loaded = try PlanFile.load(path)
        var plan = try #require(loaded.plan)
        plan.title = "Endret"
        try Journal.write(plan, edits: edits, for: path)
        var state = AppState(plan: try #require(loaded.plan), path: path, disk: loaded.disk, size: Size(width: 100, height: 30))
        state.offerRecovery(try #require(Journal.read(for: path)))
        return (path, plan, state)
    }

    /// Without someone else's changes to replace, there is no copy to keep: k does nothing.
    @Test func aCopyIsOfferedOnlyOverANewerFile() throws {
        let (path, plan, offered) = try offeredRetitledPlan(edits: 1)
        var state = offered
        guard case .confirm(let question, .restore) = state.mode else { Issue.record("no question: \(state.mode)"); return }
        #expect(question.hasSuffix("j = gjenopprett, n = forkast"))
        _ = update(&state, .key(.char("k")))
        #expect(state.recovery == plan, "still asked")
        #expect(!FileManager.default.fileExists(atPath: copyPath(path)))
    }

    @Test func journalFollowsEditsAndSaves() throws {
        let path = try RuntimeTests().copyOfExample()
        let loaded = try PlanFile.load(path)
        var state = AppState(plan: try #require(loaded.plan), path: path, disk: loaded.disk, size: Size(width: 100, height: 30))
        let journal = Journal.path(for: path)
        #expect(journal.hasSuffix("/.plan.kplan.json.kplan-journal"))
        let terminal = TestBackend(size: state.size, events: try RuntimeTests().events("2<Enter><Down><Enter> (journal)<Enter>"))
        terminal.signalAfterEvents = 9
        #expect(Runtime.run(&state, terminal) == 137)
        let entry = try #require(Journal.read(for: path))
        #expect(entry.plan.needs[0].title == "Flere sykepleiere i hjemmetjenesten (journal)")
        #expect(entry.edits == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(loaded.bytes), "the plan file itself is untouched")

        // Reopen: the journal is offered; restoring and saving writes every edit and removes the journal.
        var reopened = AppState(plan: try #require(loaded.plan), path: path, disk: loaded.disk, size: Size(width: 100, height: 30))
        reopened.offerRecovery(entry)
        #expect(view(reopened).text.contains("Fant 1 ulagret endring fra \(Format.dateTime(entry.written))"))
        let again = TestBackend(size: reopened.size, events: try RuntimeTests().events("x j<C-s>q"))
        #expect(Runtime.run(&reopened, again) == 0)
        #expect(try PlanFile.load(path).plan?.needs[0].title == "Flere sykepleiere i hjemmetjenesten (journal)")
        #expect(!FileManager.default.fileExists(atPath: journal))
    }

    /// Every edit, undo and redo is a record of what it changed; the first names the plan
    /// file as it was loaded, which the records start from, and a copy of it follows (the
    /// plan is under `Journal.linkingFrom`).
    @Test func laterEditsAreAppended() throws {
        let path = try RuntimeTests().copyOfExample()
        let loaded = try PlanFile.load(path)
        var state = AppState(plan: try #require(loaded.plan), path: path, disk: loaded.disk, size: Size(width: 100, height: 30))
        let keys = "2<Enter><Down><Enter> (1)<Enter><Enter> (2)<Enter><Enter> (3)<Enter>u"
        let terminal = TestBackend(size: state.size, events: try RuntimeTests().events(keys))
        terminal.signalAfterEvents = 9
        #expect(Runtime.run(&state, terminal) == 137)
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: Journal.path(for: path))), as: UTF8.self)
        let header = text.prefix { $0 != "\n" }.split(separator: " ")
        #expect(header.count == 7 && header[0] == "kplan-journal/2" && header[1] == "1" && header[3] == "base" && header[6] == "inline")
        #expect(header[5] == String(loaded.disk.digest, radix: 16))
        let copy = text.utf8.dropFirst(header.joined(separator: " ").utf8.count + 1).prefix(loaded.disk.size)
        #expect(Array(copy) == Array(try Data(contentsOf: URL(fileURLWithPath: path))), "the file as loaded")
        #expect(text.components(separatedBy: "\nchange ").count == 5)
        let entry = try #require(Journal.read(for: path))
        #expect(entry.plan.needs[0].title == "Flere sykepleiere i hjemmetjenesten (1) (2)")
        #expect(entry.edits == 2)
    }

    @Test func declinedJournalIsRemoved() throws {
        let (path, _, offered) = try offeredRetitledPlan(edits: 3)
        var state = offered
        let loaded = try PlanFile.load(path)
        let terminal = TestBackend(size: state.size, events: try RuntimeTests().events("nq"))
        #expect(Runtime.run(&state, terminal) == 0)
        #expect(!FileManager.default.fileExists(atPath: Journal.path(for: path)))
        #expect(try PlanFile.load(path).plan?.title == loaded.plan?.title)
    }
}
