import Foundation
import Testing
@testable import KPlanCore

enum Paths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examplePlan = root.appendingPathComponent("Plans/fjordvik-2026-2029.kplan.json").path
    static func fixture(_ name: String) -> String {
        root.appendingPathComponent("Tests/KPlanCoreTests/Fixtures/\(name)").path
    }
    static var plans: [String] {
        let dir = root.appendingPathComponent("Plans").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".kplan.json") }.sorted()
            .map { dir + "/" + $0 }
    }
}

func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

func readBytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

/// Line and column of the first occurrence of `needle` in `text`, found by plain string
/// search, independently of the code under test.
func position(of needle: String, in text: String, occurrence: Int = 1) -> (line: Int, column: Int)? {
    var line = 1
    var count = 0
    for l in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if let r = l.range(of: needle) {
            count += 1
            if count == occurrence { return (line, l.distance(from: l.startIndex, to: r.lowerBound) + 1) }
        }
        line += 1
    }
    return nil
}

struct Located: Equatable, CustomStringConvertible {
    var id: String
    var line: Int
    var column: Int
    var description: String { "\(id)@\(line):\(column)" }
}

func located(_ diagnostics: [Diagnostic], in source: [UInt8]) -> [Located] {
    let r = DiagnosticRenderer(fileName: "x", bytes: source)
    return diagnostics.map { d in
        let loc = r.location(d)
        return Located(id: d.id, line: loc?.line ?? 0, column: loc?.column ?? 0)
    }
}

/// A small, complete plan the rule tests change one thing at a time.
enum Sample {
    static var plan: Plan {
        var p = PlanFile.skeleton(municipality: "Testvik kommune", number: "4698", county: "Vestland", from: 2026, to: 2029)
        p.owner.name = "Test Testesen"
        p.decisions = [Decision(id: "V1", kind: "leve-hele-livet", title: "Plan for Leve hele livet", body: "Kommunestyret",
                                caseNumber: "2021/1", date: "2021-11-18")]
        p.workingGroup = [Member(name: "A", role: "leder", represents: "Kommunalsjef"),
                          Member(name: "B", role: "tillitsvalgt", represents: "NSF"),
                          Member(name: "C", role: "verneombud", represents: "Hovedverneombud")]
        p.followUp = FollowUp(reporting: "Årsmelding", revisionDate: "2027-10-01")
        p.baseline.workforce = [Workforce(occupation: "sykepleier", fte: Hundredths(20), headcount: 25)]
        p.baseline.population = [PopulationYear(year: 2025, age67to79: 1000, age80to89: 400, age90plus: 100),
                                 PopulationYear(year: 2029, age67to79: 1000, age80to89: 400, age90plus: 100)]
        p.needs = [Need(id: "B1", title: "Sykepleiere", service: "hjemmetjeneste", occupation: "sykepleier", fte: Hundredths(2),
                        year: 2028, strategy: "anskaffe", k2025: ["rekruttere"], reform: ["lhl.helsehjelp"], rationale: "Vekst")]
        let areas = ["rekruttere", "brukermedvirkning", "forskning-opplaering", "ledelse"]
        p.measures = areas.enumerated().map { i, area in
            Measure(id: "T\(i + 1)", title: "Tiltak \(i + 1)", kind: i == 0 ? "rekruttering" : "samarbeid", strategy: "anskaffe",
                    needs: i == 0 ? ["B1"] : [], k2025: [area], reform: [], responsible: "Leder", targetGroup: "Ansatte",
                    goal: "Mål", implementation: "Plan", indicator: "Andel", from: "2026-01", to: "2027-12",
                    fteGain: i == 0 ? Hundredths(2) : .zero)
        }
        p.budget.costs = [CostLine(id: "K1", measure: "T1", category: "rekrutteringstiltak", amounts: YearAmounts([2026: 100_000]))]
        p.budget.funding = [FundingLine(id: "F1", source: "egen-ramme", measure: nil, status: .planned, amounts: YearAmounts([2026: 100_000]))]
        return p
    }
}
