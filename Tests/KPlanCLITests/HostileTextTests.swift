import Foundation
import Testing

/// A plan whose strings carry terminal escapes, BEL, NUL, bidi overrides and a 10 000
/// character title: no raw control character reaches any output, and groff requests in
/// plan text stay text.
@Suite struct HostileTextTests {
    @Test func everyOutputIsSafe() throws {
        let dir = try CLI.tempDir()
        let path = dir + "/hostile.kplan.json"
        var text = try String(contentsOfFile: CLI.examplePlan, encoding: .utf8)
        let hostile = "\\u001b]0;pwned\\u0007\\u001b[2J\\u202eEvil\\u0000 .so /etc/passwd " + String(repeating: "x", count: 10_000)
        text = text.replacingOccurrences(of: "\"title\": \"Menn i helse\"", with: "\"title\": \"\(hostile)\"")
        text = text.replacingOccurrences(of: "\"goal\": \"Tre nye helsefagarbeidere innen 2028\"", with: "\"goal\": \"\\n.so /etc/passwd\\n\\\\X'tty: link'\"")
        text = text.replacingOccurrences(of: "\"title\": \"Leder\"", with: "\"title\": \"\\u202eLeder\"")
        // An id is not checked for control characters, and the diff and textconv name items by it.
        text = text.replacingOccurrences(of: "\"id\": \"V1\"", with: "\"id\": \"V1\\u001b[2J\\u0007\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let outputs: [[String]] = [
            ["show", path], ["check", path], ["diff", CLI.examplePlan, path], ["export", path], ["export", path, "--format", "markdown"],
            ["export", path, "--format", "ms"], ["export", path, "--document", "saksframlegg"], ["textconv", path],
            ["render", path, "--screen", "tiltak", "--size", "100x30", "--keys", "<Down><Down><Down><Enter>"],
        ]
        for args in outputs {
            let r = try CLI.run(args)
            #expect(r.status == 0 || r.status == 1, "\(args): \(r.stderr)")
            let bad = (r.stdout + r.stderr).unicodeScalars.filter {
                ($0.value < 0x20 && $0 != "\n" && $0 != "\u{0C}" && !(args.contains("ms") && $0 == "\t")) || $0.value == 0x7F || $0.value == 0x202E
            }
            #expect(bad.isEmpty, "\(args) printed control characters: \(bad.map { String(format: "U+%04X", $0.value) })")
        }
        let ms = try CLI.run(["export", path, "--format", "ms"]).stdout
        #expect(!ms.split(separator: "\n").contains { $0.hasPrefix(".so") }, "a plan line became a groff request")
    }
}
