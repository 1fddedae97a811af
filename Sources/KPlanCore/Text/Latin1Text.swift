/// Text whose characters are each one scalar from U+0020–U+007E or U+00A0–U+00FF, as nearly
/// all Norwegian plan text is. None of those joins its neighbour into one character, so such
/// text can be measured and split from its UTF-8 bytes, where `String.count` walks grapheme
/// clusters at a few hundred instructions per short string.
enum Latin1Text {
    /// The number of characters, or nil when a character lies outside those ranges.
    static func count(_ utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0, n = 0
        while i < utf8.count {
            let b = utf8[i]
            if b >= 0x20, b <= 0x7E {
                i += 1
            } else if b == 0xC2 || b == 0xC3, i + 1 < utf8.count, utf8[i + 1] >= (b == 0xC2 ? 0xA0 : 0x80) {
                i += 2
            } else {
                return nil
            }
            n += 1
        }
        return n
    }

    /// The characters in bytes of text `count` accepted: one per byte that does not continue one.
    static func characters(inChecked bytes: some Sequence<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// `s.count`, from the bytes when the text allows it.
    static func characters(_ s: String) -> Int {
        (s.utf8.withContiguousStorageIfAvailable(count) ?? nil) ?? s.count
    }
}
