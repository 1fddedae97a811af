import Foundation
import KPlanCore

/// `kplan check` maps large plans (PlanStore.map). If another program truncates a file while
/// it is mapped, reading a lost page raises SIGBUS; this turns that into a message and exit
/// 74, as for any other unreadable file, instead of a crash.
enum MappedFileGuard {
    /// Built before any file is mapped: a signal handler may only call async-signal-safe
    /// functions, so it writes these bytes as they are.
    nonisolated(unsafe) private static var message: UnsafeMutableBufferPointer<UInt8> = .init(start: nil, count: 0)

    static func install() {
        guard message.baseAddress == nil else { return }
        let text = Array(("kplan: " + Text.get("cli.check.file-changed") + "\n").utf8)
        message = .allocate(capacity: text.count)
        _ = message.initialize(from: text)
        signal(SIGBUS) { _ in
            _ = write(STDERR_FILENO, MappedFileGuard.message.baseAddress, MappedFileGuard.message.count)
            _exit(ExitStatus.io)
        }
    }
}
