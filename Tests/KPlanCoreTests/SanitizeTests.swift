import Testing
@testable import KPlanCore

/// The byte-level check that lets safe text through unchanged agrees with the scalar rule.
@Suite struct SanitizeTests {
    @Test func byteCheckAgreesWithScalarRuleForEveryScalar() {
        var disagreements: [UInt32] = []
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            // Between safe neighbours, so that a check reading past its scalar would show.
            let text = "aé" + String(Character(scalar)) + "ø"
            let byBytes = text.utf8.withContiguousStorageIfAvailable(Sanitize.hasUnsafe)
            if byBytes != Sanitize.isUnsafe(scalar) { disagreements.append(v) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10).map { String($0, radix: 16) })")
    }

    @Test func inlineReplacesWhatMayNotReachATerminal() {
        #expect(Sanitize.inline("Pårørende\u{00A0}og ansatte") == "Pårørende\u{00A0}og ansatte")
        #expect(Sanitize.inline("linje\nto\tfane") == "linje to fane")
        #expect(Sanitize.inline("\u{1B}[31mrød\u{202E}snudd\u{85}") == "\u{FFFD}[31mrød\u{FFFD}snudd\u{FFFD}")
    }
}
