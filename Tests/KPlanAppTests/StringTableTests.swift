import Foundation
import Testing
import KPlanCore
import TermUI
@testable import KPlanApp

/// A key missing from the string table stops the program where it is asked for (Text.format),
/// on whatever screen or command that is. Every key the code spells out must be there.
@Suite struct StringTableTests {
    @Test func everyKeyTheCodeSpellsOutIsInTheTable() throws {
        let table = try JSONSerialization.jsonObject(with: Data(contentsOf: AppFixture.root
            .appendingPathComponent("Sources/KPlanCore/Resources/strings/nb.json"))) as? [String: String] ?? [:]
        let families = Set(table.keys.map { $0.prefix { $0 != "." } })
        // Literals of the same shape that are no keys: the themes' roles and git's configuration.
        let theme = try JSONSerialization.jsonObject(with: Data(contentsOf: AppFixture.root.appendingPathComponent("Themes/default.json")))
        let roles = Set(((theme as? [String: Any])?["roles"] as? [String: Any] ?? [:]).keys)
        #expect(roles.contains("status.error"), "the roles were read")
        let files = FileManager.default.enumerator(atPath: AppFixture.root.appendingPathComponent("Sources").path)?
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        #expect(files.count > 50, "the sources were found")
        // A quoted key in the code: lower-case words joined by dots, as the table's keys are.
        let keyPattern = try Regex(#""([a-z][a-z0-9-]*(?:\.[a-zA-Z0-9!_-]+)+)""#)
        var missing: [String] = []
        for file in files {
            let text = try String(contentsOf: AppFixture.root.appendingPathComponent("Sources/" + file), encoding: .utf8)
            for match in text.matches(of: keyPattern) {
                let key = String(match.output[1].substring ?? "")
                guard families.contains(key.prefix { $0 != "." }), table[key] == nil, !roles.contains(key), !key.hasPrefix("diff.kplan.") else { continue }
                missing.append(file + ": " + key)
            }
        }
        #expect(missing.isEmpty, "\(missing.sorted())")
    }

    /// Keys the code builds from a value: one for each value there is, and for each `:` command.
    @Test func everyBuiltKeyIsInTheTable() {
        var keys = PlanStatus.allCases.map { "status.\($0.rawValue)" } + MeasureStatus.allCases.map { "measure-status.\($0.rawValue)" }
            + FundingStatus.allCases.map { "funding-status.\($0.rawValue)" }
            + Diagnostic.Severity.allCases.map { "export.severity.\($0.rawValue)" }
            + Rules.all.map { "rule.\($0.id)" } + Rule.Group.allCases.map { "rules.group.\($0.rawValue)" }
        let bindings = DefaultKeymap.make().bindings
        keys += bindings.map { "ui.action.\($0.action)" } + bindings.map { "ui.help.group.\($0.group)" }
        keys += (1...9).map { "ui.screen.\($0)" } + editorCommands.map { "ui.command.\($0.name)" }
        let missing = keys.filter { !Text.has($0) }
        #expect(missing.isEmpty, "\(missing)")
    }
}
