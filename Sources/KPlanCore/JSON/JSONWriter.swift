/// Writes JSON in the one canonical layout: 2-space indent, `"key": value`, one value per
/// line, `[]`/`{}` for empty containers — byte for byte what Python's
/// `json.dumps(obj, ensure_ascii=False, indent=2)` writes for the same object.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var depth = 0
    private var first = true
    private var afterKey = false

    public init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        if depth == 0 { return }
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(0x0A)
        for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
        first = false
    }

    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        depth += 1
        first = true
    }

    public mutating func endObject() { close(UInt8(ascii: "}")) }

    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        depth += 1
        first = true
    }

    public mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if !first {
            bytes.append(0x0A)
            for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
        }
        bytes.append(bracket)
        first = false
    }

    public mutating func key(_ name: String) {
        separate()
        JSONStringCodec.appendQuoted(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(0x20)
        afterKey = true
    }

    public mutating func string(_ value: String) {
        separate()
        JSONStringCodec.appendQuoted(TextNormalization.nfc(value), to: &bytes)
    }

    public mutating func int(_ value: Int) {
        separate()
        appendDecimal(value)
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    }

    /// A number already written as JSON (kept as the source wrote it).
    public mutating func raw(_ number: String) {
        separate()
        bytes.append(contentsOf: number.utf8)
    }

    /// A fixed-point number in hundredths, written as Python writes the equal float:
    /// at least one decimal, at most two (82.5, 6.0, 13.95).
    public mutating func hundredths(_ value: Int) {
        separate()
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        appendDecimal(Int(magnitude / 100))
        bytes.append(UInt8(ascii: "."))
        let cents = Int(magnitude % 100)
        bytes.append(UInt8(ascii: "0") + UInt8(cents / 10))
        if cents % 10 != 0 { bytes.append(UInt8(ascii: "0") + UInt8(cents % 10)) }
    }

    private mutating func appendDecimal(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            appendDigits(value.magnitude)
        } else {
            appendDigits(UInt(value))
        }
    }

    private mutating func appendDigits(_ value: UInt) {
        if value >= 10 { appendDigits(value / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// The finished document with its one final newline.
    public mutating func finish() -> [UInt8] {
        bytes.append(0x0A)
        return bytes
    }
}
