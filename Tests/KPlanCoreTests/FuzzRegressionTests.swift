import Foundation
@testable import KPlanCore
import KPlanFuzzCheck
import Testing

/// Every input the fuzzer (Scripts/fuzz) found a broken promise with stays fixed, and the
/// seeds the fuzzer starts from keep every promise too.
@Suite struct FuzzRegressionTests {
    static var inputs: [String] {
        let dirs = ["fuzz", "bad", "rules"].map(Paths.fixture) + [Paths.root.appendingPathComponent("Plans").path]
        return dirs.flatMap { dir in
            ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
                .map { dir + "/" + $0 }
        }
    }

    @Test func foundInputsAreKept() throws {
        let found = try FileManager.default.contentsOfDirectory(atPath: Paths.fixture("fuzz"))
        #expect(found.contains("duplicate-ids-diff.kplan.json"))
        #expect(found.contains("long-line-many-errors.json"))
    }

    /// Found by the fuzzer as a timeout: one 10 KB line of invalid UTF-8 gave 7 461 errors,
    /// each shown with the whole line. Now the parser stops counting at 100 and says so, and
    /// an excerpt shows a window of the line around the problem.
    @Test func manyErrorsOnOneLongLineStayBounded() throws {
        let bytes = try readBytes(Paths.fixture("fuzz/long-line-many-errors.json"))
        let (_, syntax) = JSONParser.parse(bytes)
        #expect(syntax.count == JSONParser.maxDiagnostics + 1)
        #expect(syntax.last?.id == "too-many-errors")
        #expect(syntax.last?.message == "for mange feil: bare de første 100 er vist; rett dem og kjør på nytt (er dette en JSON-fil?)")
        let renderer = DiagnosticRenderer(fileName: "f.json", bytes: bytes)
        for d in syntax {
            for line in renderer.render(d).split(separator: "\n") { #expect(line.count < 200) }
        }
    }

    /// The excerpt of a long line: a window around the column, marked with … on the cut
    /// sides, and the caret under the problem.
    @Test func excerptOfALongLineIsAWindowAroundTheProblem() {
        let line = String(repeating: "a", count: 500) + "X" + String(repeating: "b", count: 500)
        let bytes = Array(line.utf8)
        let renderer = DiagnosticRenderer(fileName: "f.json", bytes: bytes)
        let (shown, caret) = renderer.sourceExcerpt(offset: 500)
        #expect(shown.hasPrefix("…a") && shown.hasSuffix("b…"))
        #expect(Array(shown)[caret] == "X")
        #expect(shown.count <= 162)
        let (short, shortCaret) = DiagnosticRenderer(fileName: "f", bytes: Array("{ \"a\": x }".utf8)).sourceExcerpt(offset: 7)
        #expect(short == "{ \"a\": x }")
        #expect(shortCaret == 7)
    }

    @Test(arguments: inputs)
    func pipelineKeepsItsPromises(path: String) throws {
        #expect(PipelineProperty.violation(try readBytes(path)) == nil, "\(path)")
    }
}
