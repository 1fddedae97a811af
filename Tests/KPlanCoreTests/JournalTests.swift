import Foundation
import Testing
@testable import KPlanCore

/// The recovery journal on disk: the plan, then one record per edit.
@Suite struct JournalTests {
    let dir: String
    let planPath: String
    let start = PlanGenerator.generate(needs: 30, measures: 40, years: 4, seed: 5)

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("kplan-journal-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        planPath = dir + "/p.kplan.json"
    }

    var journal: String { Journal.path(for: planPath) }

    /// Three edits after the whole plan: (plan after each, the change to it).
    func edits() throws -> [(Plan, PlanChange)] {
        var plan = start, steps: [(Plan, PlanChange)] = []
        for edit in [{ (p: inout Plan) in p.measures[3].title = "Endret tittel" },
                     { (p: inout Plan) in p.needs.remove(at: 7) },
                     { (p: inout Plan) in p.owner.name = "Kari Nordmann"; p.budget.costs[0].amounts = YearAmounts([2027: 99]) }] {
            var next = plan
            edit(&next)
            steps.append((next, try #require(PlanChange(from: plan, to: next))))
            plan = next
        }
        return steps
    }

    /// The journal after the whole plan and the three edits appended; the size after each.
    func written() throws -> [Int] {
        var written = try Journal.write(start, edits: 0, for: planPath, now: Date(timeIntervalSince1970: 1_000))
        var sizes = [try size()]
        for (n, (plan, change)) in try edits().enumerated() {
            written = try Journal.record(plan, change: change, edits: n + 1, for: planPath, written: written,
                                         now: Date(timeIntervalSince1970: TimeInterval(1_001 + n)))
            sizes.append(try size())
        }
        return sizes
    }

    func size() throws -> Int { try readBytes(journal).count }

    @Test func editsAreAppendedAndReadBack() throws {
        let sizes = try written()
        let entry = try #require(Journal.read(for: planPath))
        #expect(entry.plan == (try edits()).last?.0)
        #expect(entry.edits == 3)
        #expect(entry.written == Date(timeIntervalSince1970: 1_003))
        // Appended: each edit adds a record far smaller than the plan.
        for (a, b) in zip(sizes, sizes.dropFirst()) { #expect(b > a && b - a < sizes[0] / 4) }
    }

    /// A crash while a record is written leaves it torn: the edits before it are restored.
    @Test func aTornRecordAndWhatFollowsAreLeftOut() throws {
        let sizes = try written()
        let bytes = try readBytes(journal)
        let steps = try edits()
        for (cut, expected, edits) in [(sizes[3] - 1, steps[1].0, 2), (sizes[2] + 10, steps[1].0, 2), (sizes[1], steps[0].0, 1),
                                       (sizes[1] - 3, start, 0), (sizes[0], start, 0)] {
            try Data(bytes[..<cut]).write(to: URL(fileURLWithPath: journal))
            let entry = try #require(Journal.read(for: planPath))
            #expect(entry.plan == expected, "cut at \(cut)")
            #expect(entry.edits == edits)
        }
    }

    @Test func aDamagedRecordAndWhatFollowsAreLeftOut() throws {
        let sizes = try written()
        var bytes = try readBytes(journal)
        // A byte inside the second record's body: its digest no longer matches.
        let at = sizes[2] - 20
        bytes[at] = bytes[at] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
        try Data(bytes).write(to: URL(fileURLWithPath: journal))
        let entry = try #require(Journal.read(for: planPath))
        #expect(entry.plan == (try edits())[0].0)
        #expect(entry.edits == 1)
    }

    /// A record is applied only to the plan it was cut from.
    @Test func aRecordForAnotherPlanIsLeftOut() throws {
        var written = try Journal.write(start, edits: 0, for: planPath)
        let step = try edits()[0]
        // The first edit undone, appended where the edit itself belongs.
        written = try Journal.record(start, change: step.1.reversed, edits: 1, for: planPath, written: written)
        #expect(written.recordBytes > 0)
        let entry = try #require(Journal.read(for: planPath))
        #expect(entry.plan == start, "left out")
        #expect(entry.edits == 0)
    }

    @Test func aLongRunOfRecordsIsReplacedByTheWholePlan() throws {
        var written = try Journal.write(start, edits: 0, for: planPath)
        var plan = start
        var wholeWrites = 0
        for n in 0..<400 {
            var next = plan
            next.measures[n % plan.measures.count].goal = "Mål \(n)"
            let before = written.recordBytes
            written = try Journal.record(next, change: PlanChange(from: plan, to: next), edits: n + 1,
                                         for: planPath, written: written)
            if written.recordBytes <= before { wholeWrites += 1 }
            #expect(written.recordBytes < max(written.planBytes, 1 << 16) + 8192)
            plan = next
        }
        #expect(wholeWrites > 0)
        #expect(Journal.read(for: planPath)?.plan == plan)
        #expect(Journal.read(for: planPath)?.edits == 400)
    }

    /// A journal removed behind kplan's back cannot be appended to: the whole plan is written.
    @Test func aFailedAppendWritesTheWholePlan() throws {
        let written = try Journal.write(start, edits: 0, for: planPath)
        unlink(journal)
        let step = try edits()[0]
        let again = try Journal.record(step.0, change: step.1, edits: 1, for: planPath, written: written)
        #expect(again.recordBytes == 0)
        #expect(Journal.read(for: planPath)?.plan == step.0)
    }

    /// The first edit after opening or saving names the plan file, not a copy of the plan;
    /// with `linkingFrom` 0 a second name keeps the file, as for a large plan.
    func startFromTheFile(linkingFrom: Int = 0) throws -> (steps: [(Plan, PlanChange)], bytes: [UInt8]) {
        try PlanFile.save(start, to: planPath, expected: nil)
        let disk = PlanStore.diskVersion(planPath)
        let steps = try edits()
        var written = try Journal.record(steps[0].0, change: steps[0].1, edits: 1, for: planPath, written: nil, base: disk,
                                         linkingFrom: linkingFrom)
        written = try Journal.record(steps[1].0, change: steps[1].1, edits: 2, for: planPath, written: written)
        return (steps, try readBytes(journal))
    }

    /// Writes `plan` into the plan file rather than replacing it, as vim does.
    func writeInPlace(_ plan: Plan) throws {
        let handle = try #require(FileHandle(forWritingAtPath: planPath))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: PlanEncoder.encode(plan))
        try handle.close()
    }

    /// Someone else's change to the plan file, written by `write`, after the edits in `steps`:
    /// one the edits leave alone stays under them; with one they clash with, the edits are
    /// on the file as it was, and the entry says that they replace the newer file.
    func expectTheirsMergedOrMine(_ steps: [(Plan, PlanChange)], writing write: (Plan) throws -> Void) throws {
        var theirs = start
        theirs.measures[20].goal = "Deres mål"
        try write(theirs)
        var both = steps[1].0
        both.measures[20].goal = "Deres mål"
        let merged = try #require(Journal.read(for: planPath))
        #expect(merged.plan == both)
        #expect(!merged.replacesNewerFile)
        var clash = start
        clash.measures[3].title = "Deres tittel"
        try write(clash)
        let mine = try #require(Journal.read(for: planPath))
        #expect(mine.plan == steps[1].0)
        #expect(mine.replacesNewerFile)
    }

    /// A plan file under `Journal.linkingFrom` is copied into the journal, not kept by a second
    /// name, so an editor that writes into the file (vim) cannot change where the edits
    /// start: they go on its version when they can, and on the copy when they clash.
    @Test func aSmallPlanFileIsCopiedIntoTheJournal() throws {
        let (steps, bytes) = try startFromTheFile(linkingFrom: Journal.linkingFrom)
        #expect(PlanStore.diskVersion(planPath).size < Journal.linkingFrom)
        let header = String(decoding: bytes.prefix { $0 != 0x0A }, as: UTF8.self).split(separator: " ")
        #expect(header.count == 7 && header[3] == "base" && header[6] == "inline")
        #expect(!FileManager.default.fileExists(atPath: Journal.basePath(for: planPath)))
        #expect(Journal.read(for: planPath)?.plan == steps[1].0)
        try expectTheirsMergedOrMine(steps, writing: writeInPlace)
        // A copy cut short by a crash is no start.
        try Data(bytes.prefix(bytes.count / 2)).write(to: URL(fileURLWithPath: journal))
        #expect(Journal.read(for: planPath) == nil)
    }

    @Test func aJournalStartsFromThePlanFile() throws {
        let (steps, bytes) = try startFromTheFile()
        #expect(String(decoding: bytes.prefix { $0 != 0x0A }, as: UTF8.self).contains(" base "))
        #expect(bytes.count < PlanEncoder.encode(start).count / 2)
        let entry = try #require(Journal.read(for: planPath))
        #expect(entry.plan == steps[1].0, "restored")
        #expect(entry.edits == 2)
    }

    /// Someone else replaced the file since the journal began (a `git pull`): the edits go on
    /// their version when every one still applies there, and otherwise on the file as it was,
    /// which a second name beside the plan keeps.
    @Test func aPlanFileReplacedSinceGetsTheEditsOnTheirsOrOnTheOriginal() throws {
        let (steps, _) = try startFromTheFile()
        #expect(FileManager.default.fileExists(atPath: Journal.basePath(for: planPath)))
        try expectTheirsMergedOrMine(steps) { try PlanFile.save($0, to: planPath, expected: nil) }
        unlink(Journal.basePath(for: planPath))
        #expect(Journal.read(for: planPath) == nil)
    }

    @Test func theKeptFileGoesWithTheJournal() throws {
        _ = try startFromTheFile()
        #expect(FileManager.default.fileExists(atPath: Journal.basePath(for: planPath)))
        Journal.remove(for: planPath)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["p.kplan.json"])
        _ = try startFromTheFile()
        try Journal.write(start, edits: 3, for: planPath)
        #expect(!FileManager.default.fileExists(atPath: Journal.basePath(for: planPath)), "a journal with the whole plan needs none")
    }

    /// A file changed on disk before the first edit cannot be the journal's start, kept by a
    /// second name or copied: the whole plan is written instead.
    @Test(arguments: [0, Journal.linkingFrom])
    func aPlanFileChangedBeforeTheFirstEditIsNotTheStart(linkingFrom: Int) throws {
        try PlanFile.save(start, to: planPath, expected: nil)
        let disk = PlanStore.diskVersion(planPath)
        var theirs = start
        theirs.title = "Endret av en annen"
        try PlanFile.save(theirs, to: planPath, expected: nil)
        let step = try edits()[0]
        let written = try Journal.record(step.0, change: step.1, edits: 1, for: planPath, written: nil, base: disk,
                                         linkingFrom: linkingFrom)
        #expect(written.planBytes == PlanEncoder.encode(step.0).count)
        #expect(Journal.read(for: planPath)?.plan == step.0, "mine, whole")
        #expect(Journal.read(for: planPath)?.replacesNewerFile == true, "the file is theirs, not the one the edit started from")
    }

    /// When the records have grown as large as the plan and the whole plan is written, the
    /// journal still names the plan file the edits started from, so a file someone has
    /// changed since is still told apart.
    @Test func aWholePlanJournalStillKnowsTheFileItStartedFrom() throws {
        try PlanFile.save(start, to: planPath, expected: nil)
        var plan = start
        var written: Journal.Written?
        for n in 0..<1_000 {
            var next = plan
            next.measures[n % plan.measures.count].goal = "Mål \(n)"
            let change = try #require(PlanChange(from: plan, to: next))
            written = try Journal.record(next, change: change, edits: n + 1, for: planPath, written: written,
                                        base: written == nil ? PlanStore.diskVersion(planPath) : nil, linkingFrom: 0)
            plan = next
            if n > 0, written?.recordBytes == 0 { break }
        }
        #expect(written?.recordBytes == 0, "the whole plan was written")
        let header = String(decoding: try readBytes(journal).prefix { $0 != 0x0A }, as: UTF8.self).split(separator: " ")
        #expect(header.count == 7 && header[4] == "from" && Int(header[5]) == PlanStore.diskVersion(planPath).size)
        let untouched = try #require(Journal.read(for: planPath))
        #expect(untouched.plan == plan)
        #expect(!untouched.replacesNewerFile)
        var theirs = start
        theirs.title = "Endret av en annen"
        try PlanFile.save(theirs, to: planPath, expected: nil)
        let over = try #require(Journal.read(for: planPath))
        #expect(over.plan == plan)
        #expect(over.replacesNewerFile)
    }

    /// A journal written by kplan before records: the header line and the plan.
    @Test func aJournalWithoutRecordsIsStillRead() throws {
        var plan = start
        plan.title = "Fra før"
        try Data(Array("kplan-journal/1 4 1700000000\n".utf8) + PlanEncoder.encode(plan)).write(to: URL(fileURLWithPath: journal))
        let entry = try #require(Journal.read(for: planPath))
        #expect(entry.plan == plan)
        #expect(entry.edits == 4)
        #expect(entry.written == Date(timeIntervalSince1970: 1_700_000_000))
    }
}
