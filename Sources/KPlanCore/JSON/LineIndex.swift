import Foundation

/// Maps byte offsets to 1-based line and column. Built only when a position must be
/// shown, so a clean load never pays for it.
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

    /// 1-based line and column; the column counts Unicode scalars, as editors do.
    public func location(of offset: Int, in bytes: [UInt8]) -> SourceLocation {
        let line = lineNumber(of: offset)
        let start = lineStarts[line - 1]
        var column = 1
        var i = start
        let stop = min(offset, bytes.count)
        while i < stop {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(offset: offset, line: line, column: column)
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
