/// Plain text laid out in pages as it is written: lines of UTF-8 in one buffer, a page ending
/// when it is full or at a page break, and no page starting with a blank line. An export of a
/// large plan has millions of lines; as a string each they cost an allocation, a retain and a
/// release apiece, and made the export grow faster than the plan.
///
/// Lines may also be written ahead of their place, into a part, and placed later. A placed
/// part's bytes stay in its own buffer until `take` puts the pages together: copied when
/// placed, they cost a large plan's export more than writing them out of order saved.
struct PagedText {
    let pageLines: Int
    /// The text's own bytes: all of them, less the placed parts'.
    private(set) var bytes: [UInt8] = []
    /// Where each finished page ends, counted over the whole text (own bytes and placed
    /// parts' in order); the next begins there.
    private var pageEnds: [Int] = []
    /// The whole text in order, as runs of own bytes (`part` nil) and of placed parts' lines.
    private var runs: [(part: Int?, range: Range<Int>)] = []
    private var placedParts: [[UInt8]] = []
    /// How many of the text's bytes are placed parts': an own byte's place in the whole text
    /// is its index in `bytes` plus this, once the last part is placed.
    private var placedCount = 0
    /// Where the own bytes after the last placed part begin.
    private var ownRunStart = 0
    private var lineStart = 0
    private var linesOnPage = 0
    /// True until the first line or page break, even one that left no trace.
    private(set) var isEmpty = true
    /// In a part: where each line ends, after its newline. Nil in a text laid out on pages.
    private var lineEnds: [Int]?

    /// Room for about `size` bytes. Memory reserved and never written costs nothing; growing
    /// by doubling wrote a large export twice over into fresh memory.
    init(pageLines: Int, reserving size: Int = 0) {
        self.pageLines = pageLines
        bytes.reserveCapacity(size)
    }

    /// Lines to be laid out on pages where they are placed (`place`), written as if after
    /// other text. A part cannot break a page or ask how much is left of one.
    static func part(reserving size: Int) -> PagedText {
        var part = PagedText(pageLines: .max, reserving: size)
        part.lineEnds = []
        part.isEmpty = false
        return part
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
        if lineEnds != nil {
            bytes.append(0x0A)
            lineStart = bytes.count
            lineEnds!.append(lineStart)
            return
        }
        if linesOnPage == pageLines { endPage() }
        if linesOnPage == 0, bytes.count == lineStart { return }
        bytes.append(0x0A)
        lineStart = bytes.count
        linesOnPage += 1
    }

    /// Ends the page, unless nothing has been written on it. Call between lines.
    mutating func pageBreak() {
        precondition(lineEnds == nil, "a part is laid out on pages where it is placed")
        isEmpty = false
        if linesOnPage > 0 { endPage() }
    }

    private mutating func endPage() {
        pageEnds.append(lineStart + placedCount)
        linesOnPage = 0
    }

    /// How many more lines the page being written takes.
    var linesLeftOnPage: Int {
        precondition(lineEnds == nil, "a part is laid out on pages where it is placed")
        return pageLines - linesOnPage
    }

    /// Lays out `part`'s lines here, between lines, as `endLine` would have had they been
    /// written here: pages end when full, and a blank line at the top of one is left out.
    mutating func place(_ part: PagedText) {
        guard let ends = part.lineEnds else { preconditionFailure("only a part is placed") }
        precondition(bytes.count == lineStart && part.bytes.count == part.lineStart, "parts are placed between lines")
        guard !ends.isEmpty else { return }
        isEmpty = false
        endOwnRun()
        let index = placedParts.count
        placedParts.append(part.bytes)
        var runStart = 0, start = 0
        func endRun(at end: Int) {
            if end > runStart { runs.append((index, runStart..<end)) }
            placedCount += end - runStart
        }
        for end in ends {
            defer { start = end }
            if linesOnPage == pageLines {
                endRun(at: start)
                runStart = start
                pageEnds.append(bytes.count + placedCount)
                linesOnPage = 0
            }
            if linesOnPage == 0, end - start == 1 {
                endRun(at: start)
                runStart = end
                continue
            }
            linesOnPage += 1
        }
        endRun(at: part.bytes.count)
    }

    private mutating func endOwnRun() {
        if bytes.count > ownRunStart { runs.append((nil, ownRunStart..<bytes.count)) }
        ownRunStart = bytes.count
    }

    /// The number of pages, counting the one being written.
    var pageCount: Int { pageEnds.count + (linesOnPage > 0 ? 1 : 0) }

    /// The text with a head line and a blank line above every page, and a form feed between
    /// pages; `heads` has one per page. The pages are moved apart in place, last first, and the
    /// placed parts' lines copied in between, so a large export never needs a second buffer
    /// its size. Leaves this text empty.
    mutating func take(withHeads heads: [String]) -> [UInt8] {
        if bytes.count > lineStart { endLine() }
        pageBreak()
        precondition(heads.count == pageEnds.count, "one head per page")
        endOwnRun()
        // Taken out, not copied: a copy would share the buffer and the growth below would
        // then copy all of it.
        var out: [UInt8] = []
        swap(&out, &bytes)
        let total = out.count + placedCount
        let room = placedCount + heads.reduce(max(0, heads.count - 1)) { $0 + $1.utf8.count + 2 }
        out.append(contentsOf: repeatElement(0, count: room))
        out.withUnsafeMutableBytes { out in
            var at = out.count
            func put(_ part: UnsafeRawBufferPointer) {
                at -= part.count
                UnsafeMutableRawBufferPointer(rebasing: out[at..<(at + part.count)]).copyMemory(from: part)
            }
            // The runs, last first, from where each begins in the whole text. An own byte goes
            // no nearer the start than it was, and those before it are moved later: moving
            // them in place overwrites none that is still to be moved.
            var run = runs.count - 1
            var runStart = runs.isEmpty ? 0 : total - runs[run].range.count
            func putText(from start: Int, to end: Int) {
                var end = end
                while end > start {
                    while runStart >= end {
                        run -= 1
                        runStart -= runs[run].range.count
                    }
                    let from = max(start, runStart), base = runs[run].range.lowerBound - runStart
                    if let part = runs[run].part {
                        placedParts[part].withUnsafeBytes { put(UnsafeRawBufferPointer(rebasing: $0[(base + from)..<(base + end)])) }
                    } else {
                        put(UnsafeRawBufferPointer(rebasing: out[(base + from)..<(base + end)]))
                    }
                    end = from
                }
            }
            for page in pageEnds.indices.reversed() {
                putText(from: page == 0 ? 0 : pageEnds[page - 1], to: pageEnds[page])
                withUnsafeBytes(of: (UInt8(0x0A), UInt8(0x0A))) { put($0) }
                var head = heads[page]
                head.withUTF8 { put(UnsafeRawBufferPointer($0)) }
                if page > 0 { withUnsafeBytes(of: UInt8(0x0C)) { put($0) } }
            }
        }
        pageEnds = []
        runs = []
        placedParts = []
        placedCount = 0
        ownRunStart = 0
        lineStart = 0
        return out
    }
}
