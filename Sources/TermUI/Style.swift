/// A terminal colour. Themes may ask for any of these; the backend degrades to what the
/// terminal has (256 → 8 colours → attributes only).
public enum Color: Sendable, Hashable {
    case `default`
    /// 0–255 palette index (0–7 basic, 8–15 bright).
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)

    /// The nearest 256-colour palette entry of an RGB colour.
    public var paletteIndex: Int? {
        switch self {
        case .default: return nil
        case .indexed(let i): return Int(i)
        case .rgb(let r, let g, let b):
            func level(_ v: UInt8) -> Int { v < 48 ? 0 : v < 115 ? 1 : Int((Int(v) - 35) / 40) }
            let (lr, lg, lb) = (level(r), level(g), level(b))
            if lr == lg, lg == lb, r > 8, r < 238 { return 232 + min(23, (Int(r) - 8) / 10) }
            return 16 + 36 * lr + 6 * lg + lb
        }
    }

    /// The nearest of the 8 basic colours, for terminals with only 8.
    public var basicIndex: Int? {
        guard let i = paletteIndex else { return nil }
        if i < 16 { return i % 8 }
        if i >= 232 { return i < 244 ? 0 : 7 }
        let c = i - 16
        let r = c / 36, g = (c / 6) % 6, b = c % 6
        return (r >= 3 ? 1 : 0) | (g >= 3 ? 2 : 0) | (b >= 3 ? 4 : 0)
    }
}

public struct Attributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = Attributes(rawValue: 1)
    public static let dim = Attributes(rawValue: 2)
    public static let underline = Attributes(rawValue: 4)
    public static let reverse = Attributes(rawValue: 8)
}

public struct Style: Sendable, Hashable {
    public var fg: Color
    public var bg: Color
    public var attributes: Attributes

    public init(fg: Color = .default, bg: Color = .default, attributes: Attributes = []) {
        self.fg = fg; self.bg = bg; self.attributes = attributes
    }

    public static let plain = Style()
}
