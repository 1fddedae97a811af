import Foundation

/// Norwegian number formats: `1 234 567 kr`, `82,5`, `−30 000 kr`.
public enum Format {
    /// Digits in groups of three. Written as bytes: an export formats a million amounts, and
    /// appending characters cost ten times as much.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude).utf8, minus = "−".utf8
        let n = digits.count
        return String(unsafeUninitializedCapacity: minus.count + n + n / 3) { out in
            var at = 0
            if value < 0 {
                for b in minus { out[at] = b; at += 1 }
            }
            for (i, d) in digits.enumerated() {
                if i > 0, (n - i) % 3 == 0 { out[at] = 0x20; at += 1 }
                out[at] = d
                at += 1
            }
            return at
        }
    }

    /// "a", "a eller b", "a, b eller c": choices as a sentence says them.
    public static func alternatives(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " " + Text.get("word.or") + " " + last
    }

    public static func kroner(_ value: Int) -> String { grouped(value) + " kr" }

    /// `24.11.2026 kl. 01:46`, in `timeZone`. Not `Date.formatted`: that follows the
    /// process's locale, which on a server is English ("24 Nov at 1:46 AM").
    public static func dateTime(_ date: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let day = "\(two(c.day)).\(two(c.month)).\(c.year ?? 0)", time = "\(two(c.hour)):\(two(c.minute))"
        return Text.get("format.date-time", day, time)
    }

    /// `2027-10-01` as Norwegian documents write it, `01.10.2027`; anything that is not such a
    /// date as it is.
    /// A day, month, hour or minute in two digits.
    private static func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : String($0) } ?? "00" }

    /// `date` as the plan stores dates, 2026-11-24, on the calendar of `timeZone`.
    public static func isoDate(_ date: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day))"
    }

    public static func date(_ iso: String) -> String {
        guard ISODate.isValid(iso) else { return iso }
        let parts = iso.split(separator: "-")
        return "\(parts[2]).\(parts[1]).\(parts[0])"
    }

    public static func signedKroner(_ value: Int) -> String { (value > 0 ? "+" : "") + kroner(value) }

    public static func fte(_ value: Hundredths) -> String { value.description }

    public static func percent(_ value: Hundredths) -> String { value.description + " %" }

    /// Pads or cuts `s` to exactly `width` characters (plain text output; one column each).
    public static func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let n = s.count
        if n > width { return String(s.prefix(max(0, width - 1))) + "…" }
        let fill = String(repeating: " ", count: width - n)
        return right ? fill + s : s + fill
    }
}
