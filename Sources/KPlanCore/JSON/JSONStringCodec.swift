/// JSON string escaping. Writing follows Python's `json.dumps(..., ensure_ascii=False)`
/// exactly (only `"`, `\` and control characters are escaped) so Python can serve as an
/// independent oracle for the canonical format.
public enum JSONStringCodec {
    /// Unescapes the bytes between the quotes of a string the parser accepted.
    public static func unescape<C: Collection>(_ raw: C) -> String where C.Element == UInt8, C.Index == Int {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var i = raw.startIndex
        var pendingHigh: UInt32?
        func flushHigh() {
            if pendingHigh != nil { bytes.append(contentsOf: [0xEF, 0xBF, 0xBD]); pendingHigh = nil }
        }
        while i < raw.endIndex {
            let b = raw[i]
            guard b == UInt8(ascii: "\\"), i + 1 < raw.endIndex else {
                flushHigh()
                bytes.append(b)
                i += 1
                continue
            }
            let c = raw[i + 1]
            i += 2
            var unit: UInt32?
            switch c {
            case UInt8(ascii: "b"): unit = 0x08
            case UInt8(ascii: "f"): unit = 0x0C
            case UInt8(ascii: "n"): unit = 0x0A
            case UInt8(ascii: "r"): unit = 0x0D
            case UInt8(ascii: "t"): unit = 0x09
            case UInt8(ascii: "u"):
                var v: UInt32 = 0
                var k = 0
                while k < 4, i < raw.endIndex, let d = hexValue(raw[i]) { v = v << 4 | d; i += 1; k += 1 }
                unit = v
            default: unit = UInt32(c)
            }
            guard let u = unit else { continue }
            if u >= 0xD800, u < 0xDC00 {
                flushHigh()
                pendingHigh = u
                continue
            }
            var scalarValue = u
            if u >= 0xDC00, u < 0xE000 {
                if let high = pendingHigh {
                    scalarValue = 0x10000 + ((high - 0xD800) << 10) + (u - 0xDC00)
                    pendingHigh = nil
                } else {
                    scalarValue = 0xFFFD
                }
            } else {
                flushHigh()
            }
            let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
            bytes.append(contentsOf: String(scalar).utf8)
        }
        flushHigh()
        return String(decoding: bytes, as: UTF8.self)
    }

    static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Appends `s` as a quoted JSON string.
    public static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(b)
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(b)
            case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case 0x08: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "f"))
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
