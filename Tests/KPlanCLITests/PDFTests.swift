import Foundation
import Testing

/// The PDF through groff, read back with pdftotext: headings, æøå, amounts and pages.
@Suite struct PDFTests {
    @Test func pdfRoundTrip() throws {
        let tools = ["/usr/bin/groff", "/usr/bin/pdftotext", "/usr/bin/pdfinfo", "/usr/bin/pdftohtml"]
        let missing = tools.filter { !FileManager.default.isExecutableFile(atPath: $0) }
        try #require(missing.isEmpty, "missing \(missing): .ci/run installs groff and poppler-utils")
        let dir = try CLI.tempDir()
        let pdf = dir + "/plan.pdf"
        let r = try CLI.run(["export", CLI.examplePlan, "--pdf", pdf])
        #expect(r.status == 0, "\(r.stderr)")
        let (_, text) = shell("pdftotext -layout plan.pdf -", cwd: dir)
        #expect(text.contains("Strategisk kompetanseplan for helse og omsorg 2026–2029"))
        #expect(text.contains("Budsjett per år"))
        #expect(text.contains("Økonomiplan 2026–2029"))
        #expect(text.contains("Fagbrev for assistenter som praksiskandidater"))
        #expect(text.contains("Kommunalsjef helse og omsorg"))
        #expect(text.contains("2 180 000"))
        #expect(text.contains("æ") && text.contains("ø") && text.contains("å"))
        let (_, info) = shell("pdfinfo plan.pdf", cwd: dir)
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        #expect((6...14).contains(pages), "\(pages) pages")
        #expect(info.contains("595") && info.contains("842"), "A4: \(info)")
        #expect(info.contains("Title:           Strategisk kompetanseplan for helse og omsorg 2026–2029\n"), "\(info)")
        #expect(info.contains("Author:          Fjordvik kommune\n"), "\(info)")

        // The outline a PDF reader shows beside the pages: sections, and needs and measures under them.
        let (_, xml) = shell("pdftohtml -xml -stdout -i plan.pdf", cwd: dir)
        #expect(xml.contains("<item page=\"2\">Nasjonale føringer planen svarer på</item>"), "\(xml.prefix(600))")
        #expect(xml.contains(">B1 Flere sykepleiere i hjemmetjenesten</item>"))
        #expect(xml.contains(">T3 Fagbrev for assistenter som praksiskandidater</item>"))

        let caseR = try CLI.run(["export", CLI.examplePlan, "--document", "saksframlegg", "--pdf", dir + "/sak.pdf"])
        #expect(caseR.status == 0)
        let (_, caseText) = shell("pdftotext sak.pdf -", cwd: dir)
        #expect(caseText.contains("Forslag til vedtak"))
    }

    /// A heading's outline entry is a PDF string: quotes, parentheses and letters outside ASCII
    /// arrive as written, and nothing in it, a backslash neither, can end the string or the request.
    @Test func outlineEntriesKeepEveryCharacter() throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftohtml"), ".ci/run installs poppler-utils")
        let dir = try CLI.tempDir()
        var text = try String(contentsOfFile: CLI.examplePlan, encoding: .utf8)
        let title = #"Flere (ekstra «gode») sykepleiere \ "nå" – Æ ) ("#
        text = text.replacingOccurrences(of: "\"Flere sykepleiere i hjemmetjenesten\"", with: "\"" + title.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"") + "\"")
        let planTitle = #"Plan (før) "2026" \ – ) ("#
        text = text.replacingOccurrences(of: "\"title\": \"Strategisk kompetanseplan for helse og omsorg 2026–2029\"", with: "\"title\": \""
            + planTitle.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"")
        try text.write(toFile: dir + "/plan.kplan.json", atomically: true, encoding: .utf8)
        let r = try CLI.run(["export", dir + "/plan.kplan.json", "--pdf", dir + "/plan.pdf"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        let (_, xml) = shell("pdftohtml -xml -stdout -i plan.pdf", cwd: dir)
        // A backslash is the one character the outline cannot carry (see GroffRenderer.bookmark).
        let escaped = title.replacingOccurrences(of: "\\", with: "?").replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "\"", with: "&#34;")
        #expect(xml.contains(">B1 " + escaped + "</item>"), "\(xml.split(separator: "\n").filter { $0.contains("B1") })")
        // The document's own title, which a reader shows, keeps every character, the backslash too.
        let (_, info) = shell("pdfinfo plan.pdf", cwd: dir)
        #expect(info.contains("Title:           " + planTitle + "\n"), "\(info)")
    }

    /// groff warns where it loses text: a table wider than the line, a text block taller than
    /// a page. A plan whose measure lists run over pages must typeset without either.
    @Test func longTablesTypesetWithoutWarnings() throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/groff"), ".ci/run installs groff")
        let dir = try CLI.tempDir()
        #expect(try CLI.run(["generate", dir + "/stor.kplan.json", "--needs", "1500", "--measures", "1500", "--seed", "3"]).status == 0)
        for document in ["plan", "saksframlegg"] {
            let source = dir + "/\(document).ms"
            let r = try CLI.run(["export", dir + "/stor.kplan.json", "--format", "ms", "--document", document, "--out", source])
            #expect(r.status == 0, "\(r.stderr)")
            let (status, warnings) = shell("groff -ms -t -k -Tpdf -dpaper=a4 -P-pa4 \(document).ms 2>&1 >/dev/null", cwd: dir)
            #expect(status == 0)
            #expect(warnings.isEmpty, "\(document): \(warnings.prefix(400))")
        }
        #expect(try String(contentsOfFile: dir + "/plan.ms", encoding: .utf8).contains("T{"), "the plan has entries to wrap")
    }
}
