/// Drawing helpers shared by the screens. Each draws into a rectangle of the grid.
public enum Widgets {
    public struct Column: Sendable {
        public var title: String
        public var width: Int
        public var alignRight: Bool
        /// Takes the room the other columns leave (the first such column does).
        public var flex: Bool
        public init(_ title: String, _ width: Int, right: Bool = false, flex: Bool = false) {
            self.title = title; self.width = width; alignRight = right; self.flex = flex
        }
    }

    /// The first visible row so that `selected` stays on screen (virtualised lists draw
    /// only the rows that show, so 10 000 rows cost no more than 20).
    public static func scrollOffset(selected: Int, current: Int, visible: Int, count: Int) -> Int {
        guard visible > 0 else { return 0 }
        var offset = min(current, max(0, count - visible))
        if selected < offset { offset = selected }
        if selected >= offset + visible { offset = selected - visible + 1 }
        return max(0, offset)
    }

    /// A table with a header row; `cell(row, column)` is asked only for visible rows.
    public static func table(_ grid: inout Grid, _ rect: Rect, columns: [Column], count: Int, selected: Int?, offset: Int,
                             theme: Theme, colors: Bool, focused: Bool, rowStyle: (Int) -> String? = { _ in nil },
                             cell: (Int, Int) -> String) {
        guard rect.height > 0 else { return }
        let header = theme.style("header", colors: colors)
        var x = rect.x
        let widths = widths(columns, into: rect.width)
        for (i, c) in columns.enumerated() where widths[i] > 0 {
            grid.put(DisplayWidth.fit(c.title, to: widths[i], alignRight: c.alignRight), x: x, y: rect.y, style: header, clip: rect)
            x += widths[i] + 1
        }
        let visible = rect.height - 1
        for r in 0..<visible {
            let row = offset + r
            guard row < count else { break }
            let y = rect.y + 1 + r
            var style = rowStyle(row).map { theme.style($0, colors: colors) } ?? Style.plain
            if row == selected {
                style = theme.style(focused ? "list.selected" : "list.selected.unfocused", colors: colors)
                grid.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style)
            }
            x = rect.x
            for (i, c) in columns.enumerated() where widths[i] > 0 {
                let text = cell(row, i)
                grid.put(DisplayWidth.fit(text, to: widths[i], alignRight: c.alignRight), x: x, y: y, style: style, clip: rect)
                x += widths[i] + 1
            }
        }
        if count > visible, visible > 0 {
            let label = " \(min(count, (selected ?? 0) + 1))/\(count) "
            grid.put(label, x: rect.maxX - DisplayWidth.of(label), y: rect.y, style: theme.style("muted", colors: colors), clip: rect)
        }
    }

    /// Column widths: as given but never narrower than the heading (a translation may be
    /// longer), the flexible column widened to take the rest of the line. When the line is
    /// too short, the flexible column gives way first, down to `flexMinimum` (a text cut
    /// short is still read, and the row's detail shows it whole), then columns shrink from
    /// the right: an amount or a percentage cut short is not.
    public static func widths(_ columns: [Column], into width: Int) -> [Int] {
        var widths = columns.map { max($0.width, DisplayWidth.of($0.title)) }
        let gaps = max(0, widths.count - 1)
        if let flex = columns.firstIndex(where: \.flex) {
            let others = widths.reduce(0, +) - widths[flex] + gaps
            let least = min(widths[flex], max(flexMinimum, DisplayWidth.of(columns[flex].title)))
            widths[flex] = max(least, width - others)
        }
        var i = widths.count - 1
        while widths.reduce(0, +) + gaps > width, i >= 0 {
            let excess = widths.reduce(0, +) + gaps - width
            widths[i] = max(0, widths[i] - excess)
            i -= 1
        }
        return widths
    }

    public static let flexMinimum = 12

    /// A horizontal bar of `value / max` in `width` cells, with eighths for precision.
    public static func bar(value: Int, max: Int, width: Int) -> String {
        guard max > 0, width > 0, value > 0 else { return "" }
        let eighths = Int((Double(value) / Double(max) * Double(width * 8)).rounded())
        let full = min(width, eighths / 8)
        let parts = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: full) + (full < width ? parts[eighths % 8] : "")
    }
}

