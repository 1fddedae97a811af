import Foundation
import Testing
import KPlanCore
import TermUI
@testable import KPlanApp

enum AppFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examplePath = root.appendingPathComponent("Plans/fjordvik-2026-2029.kplan.json").path

    static func example() throws -> (Plan, DiskVersion) {
        let loaded = try PlanFile.load(examplePath)
        return (try #require(loaded.plan), loaded.disk)
    }

    static func state(size: Size = Size(width: 120, height: 40), screen: ScreenID = .overview) throws -> AppState {
        let (plan, disk) = try example()
        var s = AppState(plan: plan, path: examplePath, disk: disk, size: size)
        s.screen = screen
        return s
    }
}

/// Feeds a key script to the reducer; returns every effect it asked for.
@discardableResult
func press(_ s: inout AppState, _ script: String) throws -> [Effect] {
    var effects: [Effect] = []
    for key in try KeyScript.parse(script) { effects += update(&s, .key(key)) }
    return effects
}

/// Compares a frame with its golden file in Snapshots/; `UPDATE_SNAPSHOTS=1` records it.
func expectSnapshot(_ grid: Grid, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let dir = AppFixture.root.appendingPathComponent("Tests/KPlanAppTests/Snapshots")
    let file = dir.appendingPathComponent(name + ".txt")
    let actual = grid.text
    if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try actual.write(to: file, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("missing snapshot \(name).txt; run with UPDATE_SNAPSHOTS=1 and review it", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        var diff: [String] = []
        for i in 0..<max(e.count, a.count) where (i < e.count ? e[i] : nil) != (i < a.count ? a[i] : nil) {
            diff.append("line \(i + 1):\n- \(i < e.count ? e[i] : "")\n+ \(i < a.count ? a[i] : "")")
        }
        Issue.record(Comment(rawValue: "snapshot \(name) differs:\n" + diff.prefix(8).joined(separator: "\n")), sourceLocation: sourceLocation)
    }
}
