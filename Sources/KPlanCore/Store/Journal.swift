import Foundation

/// The recovery journal: the unsaved state of a plan, written beside it after every edit
/// (`.NAME.kplan-journal`), so a crash, `kill -9` or a dropped connection loses nothing.
/// It holds a header line and the plan in canonical form; a successful save removes it.
///
/// When the plan's folder cannot be written (read-only, full, no permission) the journal
/// goes to the user's state folder instead ($XDG_STATE_HOME/kplan/journal, by default
/// ~/.local/state/kplan/journal), so the edits a failed save kept in the editor are kept
/// on disk too.
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

    /// The journal's place in the state folder: the plan's name and a stable hash of its
    /// absolute path, so two plans with the same name in different folders never share one.
    public static func fallbackPath(for planPath: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let base: String
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            base = state
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            base = home + "/.local/state"
        } else {
            return nil
        }
        let absolute = URL(fileURLWithPath: planPath).standardizedFileURL.path
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in absolute.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let name = URL(fileURLWithPath: absolute).lastPathComponent
        return "\(base)/kplan/journal/\(name)-\(String(hash, radix: 16)).kplan-journal"
    }

    static func places(for planPath: String) -> [String] {
        [path(for: planPath)] + (fallbackPath(for: planPath).map { [$0] } ?? [])
    }

    /// Writes the journal beside the plan, or in the state folder when that fails; the
    /// error is the one from beside the plan when neither place can be written.
    public static func write(_ plan: Plan, edits: Int, for planPath: String, now: Date = Date()) throws(StoreError) {
        let header = "\(magic) \(edits) \(Int(now.timeIntervalSince1970))\n"
        let bytes = Array(header.utf8) + PlanEncoder.encode(plan)
        let places = places(for: planPath)
        var firstError: StoreError?
        for (i, place) in places.enumerated() {
            do {
                if i > 0 { try? FileManager.default.createDirectory(atPath: (place as NSString).deletingLastPathComponent, withIntermediateDirectories: true) }
                try PlanStore.write(bytes, to: place, expected: nil)
                // Only the newest journal may remain, or a stale one would be offered later.
                for other in places where other != place { unlink(other) }
                return
            } catch {
                if firstError == nil { firstError = error }
            }
        }
        if let firstError { throw firstError }
    }

    public static func remove(for planPath: String) {
        for place in places(for: planPath) { unlink(place) }
    }

    /// The newest readable journal for a plan, beside it or in the state folder.
    public static func read(for planPath: String, decoder: PlanDecoder = PlanDecoder()) -> Entry? {
        places(for: planPath).compactMap { readEntry($0, decoder) }.max { $0.written < $1.written }
    }

    static func readEntry(_ place: String, _ decoder: PlanDecoder) -> Entry? {
        guard let bytes = try? PlanStore.read(place), let newline = bytes.firstIndex(of: 0x0A) else { return nil }
        let header = String(decoding: bytes[..<newline], as: UTF8.self).split(separator: " ")
        guard header.count == 3, header[0] == magic, let edits = Int(header[1]), let time = Int(header[2]) else { return nil }
        let result = decoder.decode(Array(bytes[(newline + 1)...]))
        guard let plan = result.plan, !result.hasErrors else { return nil }
        return Entry(plan: plan, edits: edits, written: Date(timeIntervalSince1970: TimeInterval(time)))
    }
}
