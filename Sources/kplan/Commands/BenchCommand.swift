import Foundation
import KPlanApp
import KPlanCore
import TermUI

/// In-process timings of the hot paths, for Scripts/bench (which sets them next to `jq empty`).
struct BenchCommand: Command {
    static let spec = CommandSpec(
        name: "bench",
        arguments: [ArgumentSpec("fil")],
        options: [.option("runs", "antall", help: Text.get("cli.bench.option.runs"), default: "5"),
                  .flag("cold", help: Text.get("cli.bench.option.cold")),
                  .option("only", Phase.allCases.map(\.rawValue).joined(separator: "|"), help: Text.get("cli.bench.option.only"),
                          choices: Phase.allCases.map(\.rawValue))],
        hidden: true)

    /// What is timed, in the order printed. Each runs `runs` times; the median is printed.
    enum Phase: String, CaseIterable {
        case parse, load, engine, encode, check, frame, move, edit, number, rename, export, diff

        var startsFromBytes: Bool { self == .parse || self == .load || self == .check }
    }

    let file: String
    let runs: Int
    let cold: Bool
    /// One phase alone, so that a profiler (perf record, callgrind) sees only it.
    let only: Phase?

    init(_ a: ParsedArguments) throws(UsageError) {
        file = a.required("fil")
        runs = try a.integer("runs")
        cold = a.flag("cold")
        only = a.value("only").flatMap(Phase.init(rawValue:))
    }

    func run() throws {
        let bytes: [UInt8]
        do { bytes = try PlanStore.read(file) } catch { throw Console.fail(error.description, ExitStatus.io) }
        let decoder = PlanDecoder(), engine = Engine()
        _ = Catalog.bundled
        _ = PolicySet.bundled
        // One check in a fresh process pays for its pages as `kplan check` does; repeated
        // checks in one process reuse what glibc kept from the last one, which it does only
        // for buffers under its 32 MB mmap threshold, that is, only for the smaller plans.
        if cold {
            let ms = Self.time { PlanCheck.run(bytes, decoder: decoder, engine: engine) }.seconds * 1000
            Console.out(String(format: "cold_check_ms=%.1f\n", ms))
            return
        }
        let phases = only.map { [$0] } ?? Phase.allCases
        // Phases that start from the bytes get no plan decoded before them: they would reuse
        // the memory its parse freed, and glibc keeps that only for the smaller plans.
        var input: Input?
        if !phases.allSatisfy(\.startsFromBytes) {
            guard let plan = decoder.decode(bytes).plan else { throw Console.fail(Text.get("cli.bench.invalid", file), ExitStatus.invalidInput) }
            var changed = plan
            if !changed.measures.isEmpty { changed.measures[changed.measures.count / 2].goal += " (endret)" }
            input = Input(plan: plan, changed: changed, file: file, disk: DiskVersion(bytes: bytes))
        }
        let medians = phases.map { phase in
            let times = (0..<max(1, runs)).map { _ in Self.timeOnce(phase, bytes, decoder, engine, input) }
            return "\(phase.rawValue)_ms=" + String(format: "%.1f", times.sorted()[times.count / 2] * 1000)
        }
        Console.out(medians.joined(separator: " ") + "\n")
    }

    /// The plan, and a version of it that differs in one field (for the diff).
    struct Input {
        let plan: Plan
        let changed: Plan
        let file: String
        /// The file as read, which the editor's journal starts from.
        let disk: DiskVersion
    }

    /// One run of a phase, in seconds. `input` is there for every phase that does not start
    /// from the bytes.
    static func timeOnce(_ phase: Phase, _ bytes: [UInt8], _ decoder: PlanDecoder, _ engine: Engine, _ input: Input?) -> Double {
        switch phase {
        case .parse: return time { JSONParser.parse(bytes) }.seconds
        case .load: return time { decoder.decode(bytes) }.seconds
        case .check: return time { PlanCheck.run(bytes, decoder: decoder, engine: engine) }.seconds
        default: break
        }
        guard let input else { preconditionFailure("\(phase) needs the decoded plan") }
        let plan = input.plan
        switch phase {
        case .parse, .load, .check: preconditionFailure("\(phase) starts from the bytes")
        case .engine: return time { engine.check(plan) }.seconds
        case .encode: return time { PlanEncoder.encode(plan) }.seconds
        // The terminal UI: first frame of the measure list, a cursor move, and an edit of each
        // `Engine.EditScope` up to a finished frame: a measure's title (the method rules run
        // again), its FTE gain (the id lookups and the coverage are kept) and its id (the
        // whole plan is checked again).
        case .frame: return time { view(measureList(input)) }.seconds
        case .move:
            var s = measureList(input)
            return time {
                _ = update(&s, .key(.down))
                return view(s)
            }.seconds
        case .edit:
            let title = plan.measures.first?.title ?? ""
            return timeEdit(input, field: 1, clear: false, typing: ("y", "x")) { $0.title == title + "yx" }
        case .number: return timeEdit(input, field: 16, clear: true, typing: ("6", "7")) { $0.fteGain == Hundredths(7) }
        case .rename:
            let id = plan.measures.first?.id ?? ""
            return timeEdit(input, field: 0, clear: false, typing: ("y", "x")) { $0.id == id + "yx" }
        // Export to plain text, and a diff of two versions that differ in one field.
        case .export: return time { PlanDocument.planText(plan, report: engine.check(plan)) }.seconds
        case .diff: return time { PlanDiffer.diff(plan, input.changed) }.seconds
        }
    }

    /// The measure list as the terminal UI first shows it (building it checks the plan).
    static func measureList(_ input: Input) -> AppState {
        var s = AppState(plan: input.plan, path: input.file, disk: input.disk, size: Size(width: 120, height: 40))
        s.screen = .measures
        return s
    }

    /// An edit of the first measure's field number `field` in its detail view, timed from the
    /// last key typed to a finished frame, with the edit appended to the recovery journal in
    /// between, as the editor does before it shows an edit as done. The journal beside the
    /// plan is removed afterwards. The timed edit is the second: a planner's first edit after
    /// opening or saving starts the journal, reading the plan file to see that it is still
    /// what the records start from; every later edit appends a record.
    /// The keys reach the field by its place in the editor, so `landed` checks that the
    /// edit changed the field it is meant to: a reordered editor would otherwise time another
    /// field without a word.
    static func timeEdit(_ input: Input, field: Int, clear: Bool, typing: (first: Character, timed: Character),
                         landed: (Measure) -> Bool) -> Double {
        var s = measureList(input)
        var journal = JournalKeeper(s)
        defer { Journal.remove(for: input.file) }
        let open = [Key.enter] + Array(repeating: .down, count: field) + [.enter] + (clear ? [.ctrl("u")] : [])
        let reopen = [Key.enter] + (clear ? [.ctrl("u")] : [])
        for key in open + [.char(typing.first), .enter] + reopen {
            _ = update(&s, .key(key))
            journal.keep(&s)
        }
        let seconds = time {
            _ = update(&s, .key(.char(typing.timed)))
            _ = update(&s, .key(.enter))
            journal.keep(&s)
            return view(s)
        }.seconds
        precondition(s.plan.measures.first.map(landed) ?? true, "the timed edit did not reach measure field \(field)")
        precondition(Journal.read(for: input.file)?.plan == s.plan, "the timed edit did not reach the journal")
        return seconds
    }

    /// Out of line so that callgrind can count the instructions of exactly the timed part
    /// (`--toggle-collect` on this function; Scripts/bench --instructions).
    ///
    /// The result is returned, so that it is freed after the clock stops and outside this
    /// function: no one waits for it. `kplan check` exits without freeing its plan and the
    /// terminal UI keeps it, while freeing a checked 100 000-measure plan, a cache miss per
    /// text, takes 90 ms, longer than its engine run.
    @inline(never)
    static func time<Result>(_ body: () -> Result) -> (seconds: Double, result: Result) {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = body()
        return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, result)
    }
}
