import Foundation

/// A table of line starts, for work that needs many lines by number (marking conflicts in
/// a merged file). Messages locate their few positions with `LineCursor` instead.
public struct LineIndex: Sendable {
    public let lineStarts: [Int]

    public init(_ bytes: [UInt8]) {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 24 + 1)
        // memchr finds newlines many bytes at a time; a byte loop made this a tenth of `check`.
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var at = 0
            while at < raw.count, let hit = memchr(base + at, 0x0A, raw.count - at) {
                at = base.distance(to: UnsafeRawPointer(hit)) + 1
                starts.append(at)
            }
        }
        lineStarts = starts
    }

    public func lineNumber(of offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    /// The text of a line without its newline.
    public func lineText(_ line: Int, in bytes: [UInt8]) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, end <= bytes.count, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }
}

public struct SourceLocation: Sendable, Equatable {
    public var offset: Int
    public var line: Int
    public var column: Int
}
