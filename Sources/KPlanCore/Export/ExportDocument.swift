/// A document as blocks, built once from the plan and written out as plain text, Markdown
/// or groff -ms, so the three formats always carry the same content and numbers.
public struct ExportDocument: Sendable {
    public enum Align: Sendable { case left, right }

    public struct Table: Sendable {
        public var columns: [String]
        public var align: [Align]
        public var rows: [[String]]
        /// Rows drawn in bold with a rule above (sums, balance).
        public var totalRows: Set<Int> = []
    }

    public enum Block: Sendable {
        case heading(Int, String)
        case paragraph(String)
        /// Label and value pairs ("Ansvarlig: …").
        case fields([(String, String)])
        case bullets([String])
        case table(Table)
        case pageBreak
    }

    public var title: String
    /// Shown at the top of every page of the plain text.
    public var runningHead: String
    /// Who the document is from (the municipality), for the PDF's own information.
    public var author = ""
    public var blocks: [Block] = []
}

/// Takes a document's blocks in order: an `ExportDocument` keeps them, a renderer can write
/// each out as it comes.
protocol DocumentBuilder {
    mutating func add(_ block: ExportDocument.Block)
    /// An empty builder for blocks written ahead of their place in the document, with room
    /// for about `size` bytes.
    func part(reserving size: Int) -> Self
    /// Puts a part's blocks here, laid out as if they had been added here.
    mutating func place(_ part: Self)
}

extension ExportDocument: DocumentBuilder {
    mutating func add(_ block: Block) { blocks.append(block) }
    func part(reserving size: Int) -> ExportDocument { ExportDocument(title: title, runningHead: runningHead, author: author) }
    mutating func place(_ part: ExportDocument) { blocks += part.blocks }
}

extension DocumentBuilder {
    mutating func heading(_ level: Int, _ text: String) { add(.heading(level, text)) }
    mutating func paragraph(_ text: String) { if !text.isEmpty { add(.paragraph(text)) } }
    mutating func fields(_ pairs: [(String, String)]) { add(.fields(pairs)) }
    mutating func bullets(_ items: [String]) { if !items.isEmpty { add(.bullets(items)) } }
    /// A table, or a line that says there is nothing yet: a header over no rows reads as a
    /// mistake in the printed plan.
    mutating func table(_ t: ExportDocument.Table) { add(t.rows.isEmpty ? .paragraph(Text.get("export.empty-table")) : .table(t)) }
}
