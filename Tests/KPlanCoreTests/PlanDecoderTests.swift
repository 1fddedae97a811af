import Foundation
import Testing
@testable import KPlanCore

/// Typing errors: every one reported, with a JSON pointer, line:column and a did-you-mean.
@Suite struct PlanDecoderTests {
    let example: String

    init() throws { example = String(decoding: try readBytes(Paths.examplePlan), as: UTF8.self) }

    func decode(_ text: String) -> PlanDecoder.Result { PlanDecoder().decode(bytes(text)) }

    func replacing(_ old: String, _ new: String) -> String {
        guard let r = example.range(of: old) else { Issue.record("fixture text not found: \(old)"); return example }
        return example.replacingCharacters(in: r, with: new)
    }

    @Test func brokenExampleGetsOneErrorPerDefect() throws {
        let path = Paths.fixture("bad/broken-example.kplan.json")
        let source = try readBytes(path)
        let check = PlanCheck.run(source, decoder: PlanDecoder(), engine: Engine())
        let errors = check.diagnostics.filter { $0.severity == .error }
        let text = String(decoding: source, as: UTF8.self)
        let occupation = try #require(position(of: "\"sykepleir\"", in: text))
        let reference = try #require(position(of: "\"B19\"", in: text))
        #expect(located(errors, in: source) == [
            Located(id: "trailing-comma", line: 40, column: 6),
            Located(id: "unknown-code", line: occupation.line, column: occupation.column),
            Located(id: "missing-reference", line: reference.line, column: reference.column),
        ])
        #expect(errors[1].message == "ukjent yrke «sykepleir»")
        #expect(errors[1].help == "mente du «sykepleier»?")
        #expect(errors[1].path == "/needs/0/occupation")
        #expect(errors[2].message == "tiltak T2 viser til behov «B19», som ikke finnes. mente du «B1»?")
        #expect(check.diagnostics.count == errors.count, "warnings are held back while the file has decoding errors")
    }

    @Test func unknownKeyIsOneErrorWithSuggestion() throws {
        let text = replacing("\"rationale\": \"Flere eldre", "\"rationle\": \"Flere eldre")
        let r = decode(text)
        let pos = try #require(position(of: "\"rationle\"", in: text))
        #expect(located(r.diagnostics, in: bytes(text)) == [Located(id: "unknown-key", line: pos.line, column: pos.column)])
        #expect(r.diagnostics[0].message == "ukjent felt «rationle» i behov")
        #expect(r.diagnostics[0].help == "mente du «rationale»?")
        #expect(r.diagnostics[0].path == "/needs/0/rationle")
    }

    /// Amount keys are years: a bad key and a bad value are each reported at their place, a
    /// repeated year keeps its first amount, and years out of order are put in order.
    @Test func amountsByYear() throws {
        let text = replacing("""
                  "2026": 180000,
                  "2027": 180000,
                  "2028": 180000,
                  "2029": 90000
        """, """
                  "2028": 1,
                  "20x7": 2,
                  "2026": 3,
                  "2026": 4,
                  "2029": "5"
        """)
        let r = decode(text)
        #expect(r.diagnostics.map(\.id) == ["duplicate-key", "invalid-year", "wrong-type"])
        #expect(r.diagnostics.map(\.path) == ["", "/budget/costs/0/amounts/20x7", "/budget/costs/0/amounts/2029"])
        #expect(r.diagnostics[1].message == "beløp må stå per år (ÅÅÅÅ), fant «20x7»")
        let amounts = try #require(r.plan?.budget.costs.first?.amounts)
        #expect(amounts.entries.map(\.year) == [2026, 2028])
        #expect(amounts.entries.map(\.kroner) == [3, 1])
        let bad = try #require(position(of: "\"20x7\"", in: text))
        #expect(located([r.diagnostics[1]], in: bytes(text)) == [Located(id: "invalid-year", line: bad.line, column: bad.column)])
    }

    @Test func missingFieldPointsAtTheObject() throws {
        let text = replacing("      \"responsible\": \"Virksomhetsleder hjemmetjenesten\",\n", "")
        let r = decode(text)
        #expect(r.diagnostics.map(\.id) == ["missing-field"])
        #expect(r.diagnostics[0].message == "mangler feltet «responsible» i tiltak")
        #expect(r.diagnostics[0].path == "/measures/0/responsible")
        let measures = try #require(position(of: "\"measures\": [", in: text))
        #expect(located(r.diagnostics, in: bytes(text))[0].line == measures.line + 1)
    }

    @Test func wrongTypeSaysWhatWasExpected() throws {
        let text = replacing("\"from\": 2026,", "\"from\": \"2026\",")
        let r = decode(text)
        let pos = try #require(position(of: "\"2026\",", in: text))
        #expect(located(r.diagnostics, in: bytes(text)) == [Located(id: "wrong-type", line: pos.line, column: pos.column)])
        #expect(r.diagnostics[0].message == "forventet tall, fant tekst")
    }

    @Test func tooManyDecimalsIsRefusedNotRounded() {
        let r = decode(replacing("\"fte\": 6.0,", "\"fte\": 6.125,"))
        #expect(r.diagnostics.map(\.id) == ["too-precise"])
        #expect(r.diagnostics[0].message == "«6.125» har for mange desimaler; bruk høyst to")
    }

    @Test func newerFormatIsRefusedBeforeAnythingElse() {
        let r = decode(replacing("\"format\": \"kplan/1\"", "\"format\": \"kplan/2\"") .replacingOccurrences(of: "\"title\": \"Strategisk", with: "\"nyttFelt\": 1, \"title\": \"Strategisk"))
        #expect(r.plan == nil)
        #expect(r.diagnostics.map(\.id) == ["unsupported-format"])
        #expect(r.diagnostics[0].message == "filen er i formatet «kplan/2», som er nyere enn denne kplan (kplan/1); oppdater kplan før du åpner den")
    }

    @Test func allErrorsAreReportedNotJustTheFirst() {
        var text = replacing("\"occupation\": \"sykepleier\"", "\"occupation\": \"sykepleir\"")
        text = text.replacingOccurrences(of: "\"strategy\": \"mobilisere\"", with: "\"strategy\": \"mobilsere\"")
        text = text.replacingOccurrences(of: "\"date\": \"2021-11-18\"", with: "\"date\": \"2021-11-31\"")
        let r = decode(text)
        #expect(r.diagnostics.map(\.id).sorted() == ["invalid-date", "unknown-code", "unknown-code", "unknown-code"])
    }

    @Test func unknownCodeWithoutCloseMatchListsValidCodes() {
        let r = decode(replacing("\"kind\": \"grunnutdanning\"", "\"kind\": \"xyz\""))
        #expect(r.diagnostics.count == 1)
        #expect(r.diagnostics[0].help?.hasPrefix("gyldige verdier: grunnutdanning, videreutdanning") == true)
    }

    /// Equal lists of area codes share one storage, up to the decoder's limit of distinct
    /// lists, and all of them read as written.
    @Test func equalCodeListsShareStorage() throws {
        let codes = PolicySet.bundled.reformAreas.map(\.code)
        let lists = codes.map { [$0] } + codes.flatMap { a in codes.filter { $0 != a }.map { [a, $0] } }
        #expect(lists.count > DecodeContext.sharedCodeLists)
        var plan = PlanGenerator.generate(needs: 10, measures: 2 * lists.count, years: 4, seed: 1)
        for i in plan.measures.indices {
            plan.measures[i].k2025 = []
            plan.measures[i].reform = lists[i % lists.count]
        }
        let decoded = try #require(PlanDecoder().decode(PlanEncoder.encode(plan)).plan)
        #expect(decoded == plan)
        func storage(_ i: Int) -> UnsafeRawPointer? {
            decoded.measures[i].reform.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
        }
        let shared = lists.indices.filter { storage($0) == storage($0 + lists.count) }
        #expect(!shared.isEmpty)
        #expect(shared == Array(0..<DecodeContext.sharedCodeLists))
    }

    @Test func bundledCatalogAndPacksLoad() {
        #expect(Catalog.bundled.occupations.count >= 14)
        #expect(Catalog.bundled.programme("sykepleier-desentralisert")?.qualifies == "sykepleier")
        #expect(PolicySet.bundled.k2025Areas.map(\.code) == ["rekruttere", "brukermedvirkning", "forskning-opplaering", "ledelse"])
        #expect(PolicySet.bundled.reformAreas.count == 9)
        #expect(PolicySet.bundled.pack("post68-2026")?.rules.grant?.maxDevelopmentProjects == 5)
    }

    @Test func badPolicyPackGetsPreciseErrors() {
        let text = "{\n  \"format\": \"kplan-policy/1\",\n  \"id\": \"x\",\n  \"title\": \"X\",\n  \"kind\": \"grnt\",\n  \"sources\": [],\n  \"areas\": [],\n  \"rules\": {}\n}\n"
        let (_, d) = PolicyPackDecoder.decode(bytes(text))
        let at = located(d, in: bytes(text))
        #expect(at.first == Located(id: "unknown-code", line: 5, column: 11))
        #expect(d[0].help == "mente du «grant»?")
        #expect(d.filter { $0.id == "missing-field" }.count == 7)
    }
}

@Suite struct EmbeddedResourceTests {
    /// Package.swift names each resource to compile in; a file added to the folder but not
    /// there would silently not ship.
    @Test func everyResourceFileIsCompiledIn() throws {
        let dir = Paths.root.appendingPathComponent("Sources/KPlanCore/Resources")
        let files = try #require(FileManager.default.enumerator(atPath: dir.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }
        #expect(Set(files) == Set(Resources.files.keys))
        for name in files {
            #expect(Resources.bytes(name) == Array(try Data(contentsOf: dir.appendingPathComponent(name + ".json"))), "\(name)")
        }
    }
}
