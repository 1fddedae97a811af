import Foundation

public enum TextNormalization {
    /// Unicode NFC, with a fast path: text whose scalars are all below U+0300 (which
    /// covers æøå and the rest of Latin-1) is already in NFC; only text with combining
    /// marks or other scripts goes through Foundation.
    public static func nfc(_ s: String) -> String {
        // In UTF-8 every scalar from U+0300 up starts with a byte of 0xCC or more.
        if s.utf8.allSatisfy({ $0 < 0xCC }) { return s }
        return s.precomposedStringWithCanonicalMapping
    }
}

/// Text from a plan file is shown in terminals and documents: control characters and
/// bidirectional overrides must never reach them.
public enum Sanitize {
    public static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || v == 0x7F || (v >= 0x80 && v < 0xA0)
            || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
            || v == 0x200E || v == 0x200F || v == 0x061C
    }

    /// One-line text: newlines and tabs become spaces; other unsafe scalars become U+FFFD.
    public static func inline(_ s: String) -> String {
        if !s.unicodeScalars.contains(where: isUnsafe) { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if scalar == "\n" || scalar == "\t" || scalar == "\r" { out.append(" ") }
            else if isUnsafe(scalar) { out.append("\u{FFFD}") }
            else { out.append(scalar) }
        }
        return String(out)
    }
}
