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
                  .flag("cold", help: Text.get("cli.bench.option.cold"))],
        hidden: true)

    let file: String
    let runs: Int
    let cold: Bool

    init(_ a: ParsedArguments) throws(UsageError) {
        file = a.required("fil")
        runs = try a.integer("runs")
        cold = a.flag("cold")
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
            let ms = Self.time { _ = PlanCheck.run(bytes, decoder: decoder, engine: engine) } * 1000
            Console.out(String(format: "cold_check_ms=%.1f\n", ms))
            return
        }
        var parse: [Double] = [], decode: [Double] = [], check: [Double] = [], encode: [Double] = [], full: [Double] = []
        for _ in 0..<max(1, runs) {
            parse.append(Self.time { _ = JSONParser.parse(bytes) })
            var plan: Plan?
            decode.append(Self.time { plan = decoder.decode(bytes).plan })
            guard let plan else { throw Console.fail(Text.get("cli.bench.invalid", file), ExitStatus.invalidInput) }
            check.append(Self.time { _ = engine.check(plan) })
            encode.append(Self.time { _ = PlanEncoder.encode(plan) })
            full.append(Self.time { _ = PlanCheck.run(bytes, decoder: decoder, engine: engine) })
        }
        // The terminal UI: first frame of the measure list, a cursor move, and an edit
        // (which re-checks the plan) — each up to a finished frame.
        guard let plan = decoder.decode(bytes).plan else { return }
        var firstFrame: [Double] = [], move: [Double] = [], edit: [Double] = []
        for _ in 0..<max(1, runs) {
            var state: AppState?
            firstFrame.append(Self.time {
                var s = AppState(plan: plan, path: file, disk: nil, size: Size(width: 120, height: 40))
                s.screen = .measures
                _ = view(s)
                state = s
            })
            guard var s = state else { continue }
            move.append(Self.time {
                _ = update(&s, .key(.down))
                _ = view(s)
            })
            _ = update(&s, .key(.enter))
            _ = update(&s, .key(.down))
            _ = update(&s, .key(.enter))
            edit.append(Self.time {
                _ = update(&s, .key(.char("x")))
                _ = update(&s, .key(.enter))
                _ = view(s)
            })
        }
        // Export to plain text, and a diff of two versions that differ in one field.
        var export: [Double] = [], diff: [Double] = []
        var changed = plan
        if !changed.measures.isEmpty { changed.measures[changed.measures.count / 2].goal += " (endret)" }
        for _ in 0..<max(1, runs) {
            export.append(Self.time { _ = PlainTextRenderer.render(PlanDocument.plan(plan, report: engine.check(plan))) })
            diff.append(Self.time { _ = PlanDiffer.diff(plan, changed) })
        }
        func median(_ xs: [Double]) -> String { String(format: "%.1f", xs.sorted()[xs.count / 2] * 1000) }
        Console.out("parse_ms=\(median(parse)) load_ms=\(median(decode)) engine_ms=\(median(check)) encode_ms=\(median(encode)) check_ms=\(median(full)) "
                    + "frame_ms=\(median(firstFrame)) move_ms=\(median(move)) edit_ms=\(median(edit)) export_ms=\(median(export)) diff_ms=\(median(diff))\n")
    }

    static func time(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
