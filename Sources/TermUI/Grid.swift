/// One screen cell: a grapheme cluster and its style. A wide grapheme occupies its cell
/// and a continuation cell (width 0) to its right.
public struct Cell: Sendable, Equatable {
    public var text: String
    public var width: UInt8
    public var style: Style

    public static let blank = Cell(text: " ", width: 1, style: .plain)
    static let continuation = Cell(text: "", width: 0, style: .plain)
}

public struct Size: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = width; self.height = height }
}

public struct Rect: Sendable, Equatable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }

    public func inset(_ n: Int) -> Rect { Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n) }
    /// Splits off `n` rows at the top.
    public func top(_ n: Int) -> (Rect, Rect) {
        let h = min(max(0, n), height)
        return (Rect(x: x, y: y, width: width, height: h), Rect(x: x, y: y + h, width: width, height: height - h))
    }
    /// Splits off `n` rows at the bottom.
    public func bottom(_ n: Int) -> (Rect, Rect) {
        let h = min(max(0, n), height)
        return (Rect(x: x, y: y, width: width, height: height - h), Rect(x: x, y: y + height - h, width: width, height: h))
    }
    /// Splits off `n` columns at the left.
    public func left(_ n: Int) -> (Rect, Rect) {
        let w = min(max(0, n), width)
        return (Rect(x: x, y: y, width: w, height: height), Rect(x: x + w, y: y, width: width - w, height: height))
    }
}

/// The frame a view draws into. Views never touch the terminal; tests read `lines()`.
public struct Grid: Sendable, Equatable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal cursor goes (a focused text field), if anywhere.
    public var cursor: (x: Int, y: Int)?

    public init(_ size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: max(0, size.width * size.height))
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * size.width + x]
    }

    /// Writes `text` from (x, y), clipped to `clip` (default: the row), and returns the x after it.
    /// Text is sanitised first: control characters never reach a cell.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let bound = clip ?? bounds
        guard y >= bound.y, y < bound.maxY, y >= 0, y < size.height else { return x }
        let maxX = min(bound.maxX, size.width)
        var cx = x
        for c in text {
            var ch = c
            var w = DisplayWidth.of(c)
            if w == 0 {
                // Controls and lone combining marks would corrupt the line: show a visible stand-in.
                ch = "\u{FFFD}"
                w = 1
            }
            if cx + w > maxX { break }
            if cx >= max(bound.x, 0) {
                set(cx, y, Cell(text: String(ch), width: UInt8(w), style: style))
                if w == 2 { set(cx + 1, y, Cell(text: "", width: 0, style: style)) }
            }
            cx += w
        }
        return cx
    }

    /// Sets one cell; overwriting half of a wide character blanks its other half.
    mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        let i = y * size.width + x
        let old = cells[i]
        if old.width == 2, x + 1 < size.width, cell.width != 2 { cells[i + 1] = Cell(text: " ", width: 1, style: cells[i + 1].style) }
        if old.width == 0, x > 0, cells[i - 1].width == 2 { cells[i - 1] = Cell(text: " ", width: 1, style: cells[i - 1].style) }
        cells[i] = cell
    }

    /// Puts `source`'s rows `rows` here, the first at (`x`, `y`): a part of something taller
    /// than the screen, drawn whole and shown a window at a time.
    public mutating func copy(_ source: Grid, rows: Range<Int>, x: Int, y: Int) {
        for row in rows where (0..<source.size.height).contains(row) && (0..<size.height).contains(y + row - rows.lowerBound) {
            for column in 0..<source.size.width where (0..<size.width).contains(x + column) {
                cells[(y + row - rows.lowerBound) * size.width + x + column] = source.cells[row * source.size.width + column]
            }
        }
    }

    public mutating func fill(_ rect: Rect, style: Style) {
        for y in max(0, rect.y)..<min(size.height, rect.maxY) {
            for x in max(0, rect.x)..<min(size.width, rect.maxX) {
                set(x, y, Cell(text: " ", width: 1, style: style))
            }
        }
    }

    /// Applies `style` to the cells of a rectangle without changing their text.
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        for y in max(0, rect.y)..<min(size.height, rect.maxY) {
            for x in max(0, rect.x)..<min(size.width, rect.maxX) {
                change(&cells[y * size.width + x].style)
            }
        }
    }

    public mutating func box(_ rect: Rect, title: String = "", style: Style = .plain, titleStyle: Style? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let h = String(repeating: "─", count: rect.width - 2)
        put("┌" + h + "┐", x: rect.x, y: rect.y, style: style)
        put("└" + h + "┘", x: rect.x, y: rect.maxY - 1, style: style)
        for y in rect.y + 1..<rect.maxY - 1 {
            put("│", x: rect.x, y: y, style: style)
            put("│", x: rect.maxX - 1, y: y, style: style)
        }
        if !title.isEmpty {
            put(" " + DisplayWidth.truncate(title, to: rect.width - 6) + " ", x: rect.x + 2, y: rect.y, style: titleStyle ?? style)
        }
    }

    /// The frame as text, one string per row, trailing spaces trimmed (for snapshots).
    public func lines() -> [String] {
        (0..<size.height).map { y in
            var s = ""
            for x in 0..<size.width {
                let c = cells[y * size.width + x]
                if c.width > 0 { s += c.text }
            }
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
    }

    public var text: String { lines().joined(separator: "\n") + "\n" }

    public static func == (a: Grid, b: Grid) -> Bool {
        a.size == b.size && a.cells == b.cells && a.cursor?.x == b.cursor?.x && a.cursor?.y == b.cursor?.y
    }
}
