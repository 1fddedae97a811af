/// Plain text laid out in pages as it is written: lines of UTF-8 in one buffer, a page ending
/// when it is full or at a page break, and no page starting with a blank line. An export of a
/// large plan has millions of lines; as a string each they cost an allocation, a retain and a
/// release apiece, and made the export grow faster than the plan.
struct PagedText {
    let pageLines: Int
    private(set) var bytes: [UInt8] = []
    /// Where each finished page ends in `bytes`; the next begins there.
    private(set) var pageEnds: [Int] = []
    private var lineStart = 0
    private var linesOnPage = 0
    /// True until the first line or page break, even one that left no trace.
    private(set) var isEmpty = true

    /// Room for about `size` bytes. Memory reserved and never written costs nothing; growing
    /// by doubling wrote a large export twice over into fresh memory.
    init(pageLines: Int, reserving size: Int = 0) {
        self.pageLines = pageLines
        bytes.reserveCapacity(size)
    }

    /// Adds to the line being written.
    mutating func append(_ s: String) { bytes.append(contentsOf: s.utf8) }
    mutating func append(byte: UInt8) { bytes.append(byte) }
    mutating func append(_ part: some Collection<UInt8>) { bytes.append(contentsOf: part) }
    mutating func append(byte: UInt8, repeated n: Int) { bytes.append(contentsOf: repeatElement(byte, count: n)) }

    /// Adds `s` padded with spaces to `w` characters, on the left for `right`. Nothing is cut:
    /// a table wraps what its columns cannot hold.
    mutating func append(_ s: String, padTo w: Int, right: Bool = false) {
        let pad = max(0, w - Latin1Text.characters(s))
        if right { append(byte: 0x20, repeated: pad) }
        append(s)
        if !right { append(byte: 0x20, repeated: pad) }
    }

    /// Drops the spaces at the end of the line being written.
    mutating func trimTrailingSpaces() {
        while bytes.count > lineStart, bytes[bytes.count - 1] == 0x20 { bytes.removeLast() }
    }

    /// Finishes the line being written (an empty one if nothing was added). A full page ends
    /// first; a blank line at the top of a page is left out.
    mutating func endLine() {
        isEmpty = false
        if linesOnPage == pageLines { endPage() }
        if linesOnPage == 0, bytes.count == lineStart { return }
        bytes.append(0x0A)
        lineStart = bytes.count
        linesOnPage += 1
    }

    /// Ends the page, unless nothing has been written on it. Call between lines.
    mutating func pageBreak() {
        isEmpty = false
        if linesOnPage > 0 { endPage() }
    }

    private mutating func endPage() {
        pageEnds.append(lineStart)
        linesOnPage = 0
    }

    /// How many more lines the page being written takes.
    var linesLeftOnPage: Int { pageLines - linesOnPage }

    /// The number of pages, counting the one being written.
    var pageCount: Int { pageEnds.count + (linesOnPage > 0 ? 1 : 0) }

    /// The text with a head line and a blank line above every page, and a form feed between
    /// pages; `heads` has one per page. The pages are moved apart in place, last first, so a
    /// large export never needs a second buffer its size. Leaves this text empty.
    mutating func take(withHeads heads: [String]) -> [UInt8] {
        if bytes.count > lineStart { endLine() }
        pageBreak()
        precondition(heads.count == pageEnds.count, "one head per page")
        // Taken out, not copied: a copy would share the buffer and the growth below would
        // then copy all of it.
        var out: [UInt8] = []
        swap(&out, &bytes)
        lineStart = 0
        let room = heads.reduce(max(0, heads.count - 1)) { $0 + $1.utf8.count + 2 }
        out.append(contentsOf: repeatElement(0, count: room))
        out.withUnsafeMutableBytes { out in
            var at = out.count
            func put(_ part: UnsafeRawBufferPointer) {
                at -= part.count
                UnsafeMutableRawBufferPointer(rebasing: out[at..<(at + part.count)]).copyMemory(from: part)
            }
            for page in pageEnds.indices.reversed() {
                let start = page == 0 ? 0 : pageEnds[page - 1]
                put(UnsafeRawBufferPointer(rebasing: out[start..<pageEnds[page]]))
                withUnsafeBytes(of: (UInt8(0x0A), UInt8(0x0A))) { put($0) }
                var head = heads[page]
                head.withUTF8 { put(UnsafeRawBufferPointer($0)) }
                if page > 0 { withUnsafeBytes(of: UInt8(0x0C)) { put($0) } }
            }
        }
        pageEnds = []
        return out
    }
}
