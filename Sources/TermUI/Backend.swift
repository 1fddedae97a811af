import Foundation

public enum Event: Sendable, Equatable {
    case key(Key)
    case resize(Size)
}

/// What the runtime needs from a terminal. The ncurses backend is the only real one;
/// `TestBackend` records frames for tests.
@MainActor
public protocol TerminalBackend: AnyObject {
    var size: Size { get }
    /// Waits up to `timeoutMilliseconds` (or forever when nil) and returns what arrived.
    func nextEvents(timeoutMilliseconds: Int?) -> [Event]
    func present(_ grid: Grid, theme: Theme, colors: Bool)
    /// Leaves the screen, stops the process (SIGTSTP) and restores the screen on return.
    func suspend()
    /// Restores the terminal. Safe to call more than once.
    func stop()
    /// The signal that asked the program to end (SIGINT, SIGTERM, SIGHUP), once one has.
    var terminationSignal: Int32? { get }
    /// Hands `text` to the terminal's clipboard (OSC 52); the terminal decides whether to take it.
    func copyToClipboard(_ text: String)
}

/// The OSC 52 sequence that asks a terminal to put `text` on its clipboard: the text in
/// base64, so no byte of it can act on the terminal.
public func clipboardSequence(_ text: String) -> [UInt8] {
    Array("\u{1B}]52;c;".utf8) + Array(Data(text.utf8).base64EncodedString().utf8) + [0x07]
}

/// A scripted terminal for tests: events go in, frames come out.
@MainActor
public final class TestBackend: TerminalBackend {
    public var size: Size
    public var pending: [Event]
    public private(set) var frames: [Grid] = []
    public private(set) var stopped = false

    public init(size: Size, events: [Event]) {
        self.size = size
        pending = events
    }

    public func nextEvents(timeoutMilliseconds: Int?) -> [Event] {
        guard !pending.isEmpty else {
            drained = true
            return []
        }
        let e = pending.removeFirst()
        if case .resize(let s) = e { size = s }
        return [e]
    }

    public func present(_ grid: Grid, theme: Theme, colors: Bool) { frames.append(grid) }
    public private(set) var copied: [String] = []
    public func copyToClipboard(_ text: String) { copied.append(text) }
    public func suspend() {}
    public func stop() { stopped = true }
    /// Set by a test to play a signal arriving once the scripted events are used up.
    public var signalAfterEvents: Int32?
    private var drained = false
    /// Reported only after a poll found nothing left, so every scripted event is handled first.
    public var terminationSignal: Int32? { drained ? signalAfterEvents : nil }
}
