import Foundation

/// The recovery journal: the unsaved state of a plan, written beside it after every edit
/// (`.NAME.kplan-journal`), so a crash, `kill -9` or a dropped connection loses nothing.
/// It holds a header line and the plan in canonical form; a successful save removes it.
public enum Journal {
    public struct Entry: Sendable {
        public var plan: Plan
        /// How many edits the journal holds (undoable steps at the time it was written).
        public var edits: Int
        public var written: Date
    }

    static let magic = "kplan-journal/1"

    public static func path(for planPath: String) -> String {
        let url = URL(fileURLWithPath: planPath)
        return url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".kplan-journal").path
    }

    public static func write(_ plan: Plan, edits: Int, for planPath: String, now: Date = Date()) throws(StoreError) {
        let header = "\(magic) \(edits) \(Int(now.timeIntervalSince1970))\n"
        try PlanStore.write(Array(header.utf8) + PlanEncoder.encode(plan), to: path(for: planPath), expected: nil)
    }

    public static func remove(for planPath: String) {
        unlink(path(for: planPath))
    }

    /// The journal beside a plan, if there is a readable one.
    public static func read(for planPath: String, decoder: PlanDecoder = PlanDecoder()) -> Entry? {
        guard let bytes = try? PlanStore.read(path(for: planPath)), let newline = bytes.firstIndex(of: 0x0A) else { return nil }
        let header = String(decoding: bytes[..<newline], as: UTF8.self).split(separator: " ")
        guard header.count == 3, header[0] == magic, let edits = Int(header[1]), let time = Int(header[2]) else { return nil }
        let result = decoder.decode(Array(bytes[(newline + 1)...]))
        guard let plan = result.plan, !result.hasErrors else { return nil }
        return Entry(plan: plan, edits: edits, written: Date(timeIntervalSince1970: TimeInterval(time)))
    }
}
