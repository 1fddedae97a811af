import Foundation
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
    }

    @Test(arguments: inputs)
    func pipelineKeepsItsPromises(path: String) throws {
        #expect(PipelineProperty.violation(try readBytes(path)) == nil, "\(path)")
    }
}
