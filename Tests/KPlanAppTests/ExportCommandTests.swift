import Foundation
import Testing
import KPlanCore
import TermUI
@testable import KPlanApp

/// `:export` and `:saksframlegg` in the editor: the document as it is on screen, unsaved
/// edits included, in the format the file name asks for.
@MainActor
@Suite struct ExportCommandTests {
    let path: String
    let dir: String

    init() throws {
        path = try RuntimeTests().copyOfExample()
        dir = (path as NSString).deletingLastPathComponent
    }

    func state() throws -> AppState {
        let loaded = try PlanFile.load(path)
        return AppState(plan: try #require(loaded.plan), path: path, disk: loaded.disk, size: Size(width: 200, height: 30))
    }

    @Test func theFileNameChoosesTheFormatAndDefaultsToAPDFBesideThePlan() throws {
        var s = try state()
        #expect(runCommand(&s, "export") == [.export(.plan, .pdf, path: dir + "/plan.pdf")])
        #expect(runCommand(&s, "saksframlegg") == [.export(.saksframlegg, .pdf, path: dir + "/plan-saksframlegg.pdf")])
        #expect(runCommand(&s, "export  notat.md") == [.export(.plan, .markdown, path: "notat.md")])
        #expect(runCommand(&s, "export utskrift.TXT") == [.export(.plan, .text, path: "utskrift.TXT")])
        #expect(runCommand(&s, "saksframlegg sak.ms") == [.export(.saksframlegg, .ms, path: "sak.ms")])
        #expect(runCommand(&s, "export plan.kplan.json").isEmpty)
        #expect(s.status == "kan ikke eksportere til «plan.kplan.json»: filnavnet må slutte på .pdf, .txt, .md eller .ms")
        #expect(s.statusIsError)
        #expect(runCommand(&s, "exports").isEmpty)
        #expect(s.status?.hasPrefix("ukjent kommando «exports»") == true)
    }

    @Test func anExportHasTheEditsNotYetSaved() throws {
        var s = try state()
        let out = dir + "/utskrift.txt"
        let terminal = TestBackend(size: s.size, events: try RuntimeTests().events(
            "2<Enter><Down><Enter><C-u>Eksportert før lagring<Enter>:export \(out)<Enter>qn"))
        #expect(Runtime.run(&s, terminal) == 0)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("B1 Eksportert før lagring"))
        #expect(text.hasPrefix("Fjordvik kommune · Strategisk kompetanseplan"))
        #expect(terminal.frames.contains { $0.text.contains("eksporterte plandokumentet til \(out) (med endringene som ikke er lagret)") })
        #expect(try PlanFile.load(path).plan?.needs[0].title != "Eksportert før lagring", "nothing was saved")
    }

    @Test func theCaseDraftGoesToAPDFBesideThePlan() throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/groff"), ".ci/run installs groff")
        var s = try state()
        let terminal = TestBackend(size: s.size, events: try RuntimeTests().events(":saksframlegg<Enter>q"))
        #expect(Runtime.run(&s, terminal) == 0)
        let pdf = try Data(contentsOf: URL(fileURLWithPath: dir + "/plan-saksframlegg.pdf"))
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        let shown = terminal.frames.map(\.text)
        let during = try #require(shown.firstIndex { $0.contains("eksporterer saksframlegget til \(dir)/plan-saksframlegg.pdf …") })
        let after = try #require(shown.firstIndex { $0.contains("eksporterte saksframlegget til \(dir)/plan-saksframlegg.pdf") })
        #expect(during < after, "the status line says what is going on while groff runs")
        #expect(!terminal.frames.contains { $0.text.contains("ikke er lagret") })
    }

    @Test func aFailedExportSaysWhyAndWritesNothing() throws {
        var s = try state()
        let out = dir + "/mangler/utskrift.txt"
        let terminal = TestBackend(size: s.size, events: try RuntimeTests().events(":export \(out)<Enter>q"))
        #expect(Runtime.run(&s, terminal) == 0)
        #expect(!FileManager.default.fileExists(atPath: out))
        let status = try #require(terminal.frames.last?.text.split(separator: "\n").last.map(String.init))
        #expect(status.contains("\(out): kunne ikke lagre: mappen finnes ikke"), "\(status)")
    }
}
