/// Markdown, for previews on git hosting and for pandoc.
public enum MarkdownRenderer {
    public static func render(_ doc: ExportDocument) -> String {
        var out: [String] = []
        for block in doc.blocks {
            switch block {
            case .heading(let level, let text): out.append(String(repeating: "#", count: level) + " " + escape(text) + "\n")
            case .paragraph(let text): out.append(escape(text) + "\n")
            case .fields(let pairs): out.append(pairs.map { "- **\(escape($0.0)):** \(escape($0.1))" }.joined(separator: "\n") + "\n")
            case .bullets(let items): out.append(items.map { "- " + escape($0) }.joined(separator: "\n") + "\n")
            case .table(let t):
                var rows = ["| " + t.columns.map(cell).joined(separator: " | ") + " |",
                            "|" + t.align.map { $0 == .right ? " ---: " : " --- " }.joined(separator: "|") + "|"]
                for (i, r) in t.rows.enumerated() {
                    let cells = r.map(cell)
                    rows.append("| " + (t.totalRows.contains(i) ? cells.map { $0.isEmpty ? $0 : "**\($0)**" } : cells).joined(separator: " | ") + " |")
                }
                out.append(rows.joined(separator: "\n") + "\n")
            case .pageBreak: out.append("---\n")
            }
        }
        return out.joined(separator: "\n")
    }

    static func escape(_ s: String) -> String {
        var r = ""
        for c in s {
            if "\\`*_[]<>#|".contains(c) { r.append("\\") }
            r.append(c)
        }
        return r
    }

    static func cell(_ s: String) -> String { escape(s) }
}

/// groff -ms source (with tbl tables) that `groff -ms -t -k -Tpdf` turns into an A4 PDF.
/// Plan text can never become a groff request: every line is escaped.
public enum GroffRenderer {
    public static func render(_ doc: ExportDocument) -> String {
        var out = [".\\\" Laget av kplan. Bygg PDF: groff -ms -t -k -Tpdf -dpaper=a4 -P-pa4 FIL > plan.pdf",
                   ".nr PS 11", ".nr VS 13", ".nr LL 16c", ".nr PO 2.5c", ".nr HM 2c", ".nr FM 2c",
                   ".ds CH", ".ds LH \(text(doc.runningHead))", ".ds RH \\\\n[PN]", ".ds CF", ".ND \"\"", ".hy 0"]
        for block in doc.blocks {
            switch block {
            case .heading(let level, let t):
                if level == 1 {
                    out += [".TL", text(t)]
                } else {
                    out += [".NH \(level - 1)", text(t), ".XS", text(t), ".XE"]
                }
            case .paragraph(let t): out += [".LP", text(t)]
            case .fields(let pairs):
                out.append(".LP")
                for (label, value) in pairs { out += [".IP \"\\fB\(inline(label)):\\fP\" 4c", text(value)] }
            case .bullets(let items):
                for item in items { out += [".IP \\(bu 2", text(item)] }
            case .table(let t):
                // First format line: the bold header row; the last (ending in ".") holds for every other row.
                let header = t.align.map { $0 == .right ? "rb" : "lb" }.joined(separator: " ")
                let body = t.align.enumerated().map { i, a in a == .right ? "r" : (i == 0 ? "lx" : "l") }.joined(separator: " ")
                out += [".LP", ".ps 9", ".vs 11", ".TS", "tab(\t) expand;", header, body + "."]
                out.append(t.columns.map(cell).joined(separator: "\t"))
                out.append("_")
                for (i, r) in t.rows.enumerated() {
                    if t.totalRows.contains(i) { out.append("_") }
                    out.append(r.map(cell).joined(separator: "\t"))
                }
                out += [".TE", ".ps 11", ".vs 13"]
            case .pageBreak: out.append(".bp")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A line of text: backslashes escaped, and a leading `.` or `'` made harmless.
    static func text(_ s: String) -> String {
        let e = inline(s)
        return e.hasPrefix(".") || e.hasPrefix("'") ? "\\&" + e : e
    }

    static func inline(_ s: String) -> String {
        Sanitize.inline(s).replacingOccurrences(of: "\\", with: "\\e")
    }

    static func cell(_ s: String) -> String {
        let e = text(s)
        // A cell of only "_" or "=" would draw a rule in tbl.
        return e == "_" || e == "=" ? "\\&" + e : e
    }
}
