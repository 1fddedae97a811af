import TermUI

/// A one-line text field with a cursor; keys edit it, nothing else sees them.
public struct TextInput: Sendable, Equatable {
    public private(set) var characters: [Character]
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// Applies an editing key; returns false for keys a text field does not handle.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            characters.insert(c, at: cursor)
            cursor += 1
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = characters.count
        case .backspace:
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete, .ctrl("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .ctrl("k"): characters.removeSubrange(cursor...)
        case .ctrl("u"):
            characters.removeSubrange(..<cursor)
            cursor = 0
        case .ctrl("w"):
            var i = cursor
            while i > 0, characters[i - 1] == " " { i -= 1 }
            while i > 0, characters[i - 1] != " " { i -= 1 }
            characters.removeSubrange(i..<cursor)
            cursor = i
        default: return false
        }
        return true
    }

    /// Draws the field at (x, y) in `width` cells, scrolled so the cursor shows; returns the cursor's x.
    public func draw(_ grid: inout Grid, x: Int, y: Int, width: Int, style: Style) -> Int {
        guard width > 1 else { return x }
        var start = 0
        func cells(_ r: Range<Int>) -> Int { r.reduce(0) { $0 + DisplayWidth.of(characters[$1]) } }
        while cells(start..<cursor) > width - 1 { start += 1 }
        grid.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        var shown = ""
        var used = 0
        for c in characters[start...] {
            let w = DisplayWidth.of(c)
            if used + w > width { break }
            shown.append(c)
            used += w
        }
        grid.put(shown, x: x, y: y, style: style)
        return x + cells(start..<cursor)
    }
}
