import Foundation
import Testing
@testable import KPlanCore

@Suite struct CanonicalFormTests {
    @Test(arguments: Paths.plans)
    func loadThenSaveGivesIdenticalBytes(path: String) throws {
        let source = try readBytes(path)
        let result = PlanDecoder().decode(source)
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.message))")
        let plan = try #require(result.plan)
        #expect(PlanEncoder.encode(plan) == source)
    }

    /// Python's json.dumps(obj, ensure_ascii=False, indent=2) + "\n" is an independent oracle
    /// for the canonical layout (key order comes from the file, so it must agree byte for byte).
    /// The writer's reservation holds the whole file of a generated plan of any shape and
    /// size, so writing a large plan never copies its buffer to a larger one. (The example
    /// plan, with long texts in few items, may outgrow it: a few kilobytes copied.)
    @Test func theReservationHoldsAGeneratedPlan() {
        for (needs, measures, years) in [(0, 0, 1), (10, 3_000, 4), (3_000, 10, 8), (2_000, 2_000, 12)] {
            let plan = PlanGenerator.generate(needs: needs, measures: measures, years: years, seed: 5)
            let size = PlanEncoder.encode(plan).count
            #expect(size <= PlanEncoder.estimatedSize(plan), "\(needs) needs, \(measures) measures, \(years) years: \(size) bytes")
            if size > 100_000 { #expect(size * 3 >= PlanEncoder.estimatedSize(plan) * 2, "not wildly more than a large plan needs") }
        }
    }

    @Test func pythonAgreesWithTheWriter() throws {
        var plan = try #require(PlanDecoder().decode(try readBytes(Paths.examplePlan)).plan)
        plan.title = "Tekst med \"anførsel\", \\ skråstrek, tab\t, ny linje\n, kontroll \u{1}, emoji 👍🏽, e\u{301} og 日本"
        plan.needs[0].fte = Hundredths(raw: 1305)
        plan.measures[0].fteGain = Hundredths(raw: -50)
        let ours = PlanEncoder.encode(plan)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kplan-oracle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("plan.json")
        try Data(ours).write(to: input)
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c",
                            "import json,sys; d=json.load(open(sys.argv[1], encoding='utf-8')); sys.stdout.buffer.write((json.dumps(d, ensure_ascii=False, indent=2)+'\\n').encode('utf-8'))",
                            input.path]
        let pipe = Pipe()
        python.standardOutput = pipe
        try python.run()
        let theirs = pipe.fileHandleForReading.readDataToEndOfFile()
        python.waitUntilExit()
        #expect(python.terminationStatus == 0)
        #expect(Array(theirs) == ours)
        // Composed e + U+0301 is written in NFC as é.
        #expect(String(decoding: ours, as: UTF8.self).contains("é og"))
    }

    @Test func nonCanonicalInputIsNormalised() throws {
        var text = String(decoding: try readBytes(Paths.examplePlan), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"fte\": 6.0,", with: "\"fte\":6,")
        text = text.replacingOccurrences(of: "  \"title\": \"Strategisk", with: "\t\"title\": \"Strategisk")
        let plan = try #require(PlanDecoder().decode(bytes(text)).plan)
        #expect(PlanEncoder.encode(plan) == (try readBytes(Paths.examplePlan)))
    }

    @Test func writerLayout() {
        var w = JSONWriter()
        w.beginObject()
        w.key("a"); w.beginArray(); w.endArray()
        w.key("b"); w.beginObject(); w.endObject()
        w.key("c"); w.beginArray(); w.int(1); w.hundredths(650); w.hundredths(1395); w.hundredths(-5); w.null(); w.bool(false); w.endArray()
        w.endObject()
        let expected = "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1,\n    6.5,\n    13.95,\n    -0.05,\n    null,\n    false\n  ]\n}\n"
        #expect(String(decoding: w.finish(), as: UTF8.self) == expected)
    }

    @Test func hundredthsParseAndPrint() {
        #expect(Hundredths(json: "82.5")?.raw == 8250)
        #expect(Hundredths(json: "6")?.raw == 600)
        #expect(Hundredths(json: "-0.05")?.raw == -5)
        #expect(Hundredths(json: "1.234") == nil)
        #expect(Hundredths(json: "1e2") == nil)
        #expect(Hundredths(raw: 8250).description == "82,5")
        #expect(Hundredths(raw: 1305).description == "13,05")
        #expect(Hundredths(raw: 600).description == "6,0")
        #expect(Format.kroner(1_234_567) == "1 234 567 kr")
        #expect(Format.signedKroner(-30_000) == "−30 000 kr")
    }
}
