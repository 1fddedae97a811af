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
        guard s.utf8.withContiguousStorageIfAvailable(hasUnsafe) ?? s.unicodeScalars.contains(where: isUnsafe) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if scalar == "\n" || scalar == "\t" || scalar == "\r" { out.append(" ") }
            else if isUnsafe(scalar) { out.append("\u{FFFD}") }
            else { out.append(scalar) }
        }
        return String(out)
    }

    /// Whether valid UTF-8 holds a scalar that `isUnsafe` rejects, read byte by byte: every
    /// plan string passes through here on its way to a screen or a document, and decoding
    /// scalars cost three times as much.
    static func hasUnsafe(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = utf8.count
        while i < n {
            let b = utf8[i]
            if b < 0x80 {
                if b < 0x20 || b == 0x7F { return true }
            } else if b == 0xC2, i + 1 < n {
                if utf8[i + 1] < 0xA0 { return true }  // U+0080–U+009F
            } else if b == 0xD8, i + 1 < n {
                if utf8[i + 1] == 0x9C { return true }  // U+061C
            } else if b == 0xE2, i + 2 < n {
                let (c1, c2) = (utf8[i + 1], utf8[i + 2])
                if c1 == 0x80, c2 == 0x8E || c2 == 0x8F || (0xAA...0xAE).contains(c2) { return true }  // U+200E–F, U+202A–E
                if c1 == 0x81, (0xA6...0xA9).contains(c2) { return true }  // U+2066–9
            }
            i += 1
        }
        return false
    }
}
