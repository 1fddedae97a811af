import Testing
@testable import KPlanCore

/// The string table's placeholders: arguments, and the singular or plural word for a number.
@Suite struct TextTests {
    @Test func aNumberGetsTheWordForItsCount() {
        #expect(Text.get("render.summary", "0", "1", "1") == "0 feil, 1 advarsel, 1 merknad")
        #expect(Text.get("render.summary", "2", "0", "12") == "2 feil, 0 advarsler, 12 merknader")
        #expect(Text.get("diff.summary", "1", "1", "0", "0", "0") == "1 endring: 1 lagt til, 0 fjernet, 0 endret, 0 flyttet")
    }

    /// Every placeholder in the table is `{n}` or `{n|one|other}`, so none can reach a user as it
    /// stands. Braces around anything but a number are text (a JSON example in the help).
    @Test func everyPlaceholderIsWellFormed() {
        var bad: [String] = []
        for (key, template) in Text.tables.fallback {
            var rest = Substring(template)
            while let open = rest.firstIndex(of: "{") {
                guard let close = rest[open...].firstIndex(of: "}") else { bad.append(key); break }
                let parts = rest[rest.index(after: open)..<close].split(separator: "|", omittingEmptySubsequences: false)
                let numbered = parts[0].first?.isNumber == true
                if numbered, Int(parts[0]) == nil || !(parts.count == 1 || (parts.count == 3 && !parts[1].isEmpty && !parts[2].isEmpty)) {
                    bad.append(key)
                }
                rest = rest[rest.index(after: close)...]
            }
        }
        #expect(bad.isEmpty, "\(bad.sorted())")
    }
}
