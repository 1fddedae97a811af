/// A fixed-point decimal with two decimals, stored as a whole number of hundredths.
/// FTE (årsverk) and percentages use it: never floating point in the stored model.
public struct Hundredths: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var raw: Int

    public init(raw: Int) { self.raw = raw }
    public init(_ whole: Int) { raw = whole * 100 }

    public static let zero = Hundredths(raw: 0)

    public static func + (a: Hundredths, b: Hundredths) -> Hundredths { Hundredths(raw: a.raw + b.raw) }
    public static func - (a: Hundredths, b: Hundredths) -> Hundredths { Hundredths(raw: a.raw - b.raw) }
    public static func += (a: inout Hundredths, b: Hundredths) { a.raw += b.raw }
    public static func < (a: Hundredths, b: Hundredths) -> Bool { a.raw < b.raw }

    /// `self × count`, exact.
    public func times(_ count: Int) -> Hundredths { Hundredths(raw: raw * count) }

    /// `self × other`, rounded half away from zero to hundredths.
    public func times(_ other: Hundredths) -> Hundredths {
        Hundredths(raw: Self.divideRounded(raw * other.raw, 100))
    }

    /// `self × numerator / denominator`, rounded half away from zero.
    public func scaled(by numerator: Int, over denominator: Int) -> Hundredths {
        precondition(denominator != 0)
        return Hundredths(raw: Self.divideRounded(raw * numerator, denominator))
    }

    public static func divideRounded(_ n: Int, _ d: Int) -> Int {
        let q = n / d, r = n % d
        if 2 * abs(r) >= abs(d) { return q + ((n < 0) != (d < 0) ? -1 : 1) }
        return q
    }

    /// Parses the text of a JSON number with at most two decimals ("82.5", "6", "13.95").
    public init?(json text: String) {
        var copy = text
        guard let v = copy.withUTF8({ Hundredths(json: $0) }) else { return nil }
        self = v
    }

    /// Parses JSON number bytes directly: the decoder's hot path, with no String made.
    public init?(json bytes: UnsafeBufferPointer<UInt8>) {
        var i = 0
        var negative = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        var whole = 0
        var digits = 0
        while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 {
            let (m, o1) = whole.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(bytes[i] - 48))
            if o1 || o2 { return nil }
            whole = a
            digits += 1
            i += 1
        }
        guard digits > 0 else { return nil }
        var fraction = 0
        if i < bytes.count {
            guard bytes[i] == UInt8(ascii: "."), bytes.count - i - 1 >= 1, bytes.count - i - 1 <= 2 else { return nil }
            i += 1
            var places = 0
            while i < bytes.count {
                guard bytes[i] >= 48, bytes[i] <= 57 else { return nil }
                fraction = fraction * 10 + Int(bytes[i] - 48)
                places += 1
                i += 1
            }
            if places == 1 { fraction *= 10 }
        }
        let (product, overflow) = whole.multipliedReportingOverflow(by: 100)
        guard !overflow else { return nil }
        raw = (product + fraction) * (negative ? -1 : 1)
    }

    /// Norwegian display: decimal comma, one or two decimals ("82,5", "6,0").
    public var description: String {
        let sign = raw < 0 ? "−" : ""
        let m = raw.magnitude
        let cents = m % 100
        let fraction = cents % 10 == 0 ? "\(cents / 10)" : (cents < 10 ? "0\(cents)" : "\(cents)")
        return "\(sign)\(m / 100),\(fraction)"
    }
}
