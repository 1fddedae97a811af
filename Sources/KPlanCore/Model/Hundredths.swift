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
        var digits = Substring(text)
        var negative = false
        if digits.first == "-" { negative = true; digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int(parts[0]), !parts[0].isEmpty, parts[0].allSatisfy(\.isASCII) else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let f = parts[1]
            guard !f.isEmpty, f.count <= 2, f.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(f) else { return nil }
            fraction = f.count == 1 ? v * 10 : v
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
