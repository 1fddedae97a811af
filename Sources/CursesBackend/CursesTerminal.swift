import CNcursesw
import Foundation
import Synchronization
import TermUI

/// Why the terminal UI cannot start; the message points to the command-line tools.
public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal
    case dumbTerminal
    case unknownTerminal(String)
    case notUTF8(String)

    public var description: String {
        switch self {
        case .notATerminal: return TerminalText.get("term.not-a-tty")
        case .dumbTerminal: return TerminalText.get("term.dumb")
        case .unknownTerminal(let t): return TerminalText.get("term.unknown", t)
        case .notUTF8(let codeset): return TerminalText.get("term.not-utf8", codeset)
        }
    }
}

/// The only code that calls ncurses. Everything runs on the main actor: ncurses is not
/// thread-safe, and `WINDOW *` is not Sendable.
@MainActor
public final class CursesTerminal: TerminalBackend {
    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    private var previous: Grid?
    private var pairs: [Int: Int16] = [:]
    private var colorCount = 0
    private var active = false
    public private(set) var size = Size(width: 80, height: 24)

    public init() throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        guard codeset == "UTF-8" else { throw .notUTF8(codeset) }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        guard !term.isEmpty, term != "dumb" else { throw .dumbTerminal }
        if ProcessInfo.processInfo.environment["ESCDELAY"] == nil { set_escdelay(25) }
        // newterm, not initscr: initscr exits the process on an unknown TERM.
        guard let s = newterm(nil, kp_stdout(), kp_stdin()) else { throw .unknownTerminal(term) }
        screen = s
        set_term(s)
        window = kp_stdscr()
        raw()
        noecho()
        nonl()
        keypad(window, true)
        nodelay(window, true)
        if has_colors() {
            start_color()
            use_default_colors()
            colorCount = Int(kp_COLORS())
        }
        active = true
        SignalPipe.install()
        refreshSize()
    }

    private func refreshSize() {
        size = Size(width: Int(kp_COLS()), height: Int(kp_LINES()))
    }

    public func nextEvents(timeoutMilliseconds: Int?) -> [Event] {
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: SignalPipe.readEnd, events: Int16(POLLIN), revents: 0)]
        let r = poll(&fds, 2, Int32(timeoutMilliseconds ?? -1))
        let pollError = r < 0 ? errno : 0
        if SignalPipe.drain() != 0 { return [] }
        if SignalPipe.takeStop() {
            // SIGTSTP from outside (a job-control shell, `kill -TSTP`): leave the screen the
            // same way Ctrl-Z does, and report the size on return, which may have changed.
            suspend()
            return [.resize(size)]
        }
        if r < 0, pollError != EINTR { return [] }
        var events: [Event] = []
        if SignalPipe.takeResize() {
            // SIGWINCH may land on any thread, so ncurses is told here, on the main actor.
            var ws = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_row > 0, ws.ws_col > 0 {
                resizeterm(Int32(ws.ws_row), Int32(ws.ws_col))
            }
        }
        var ch: wint_t = 0
        while true {
            let code = wget_wch(window, &ch)
            if code == kp_ERR() { break }
            if code == kp_KEY_CODE_YES() {
                if Int32(ch) == KEY_RESIZE {
                    refreshSize()
                    previous = nil
                    events.append(.resize(size))
                } else if let key = Self.functionKey(Int32(ch)) {
                    events.append(.key(key))
                }
            } else if let key = Self.characterKey(UInt32(ch)) {
                events.append(.key(key))
            }
        }
        return events
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_ENTER: return .enter
        default:
            for n in 1...12 where code == kp_KEY_F(Int32(n)) { return .function(n) }
            return nil
        }
    }

    static func characterKey(_ v: UInt32) -> Key? {
        switch v {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x1B: return .escape
        case 0x7F, 0x08: return .backspace
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(v + 0x60)!))
        default:
            guard let s = Unicode.Scalar(v), v >= 0x20 else { return nil }
            return .char(Character(s))
        }
    }

    public func present(_ grid: Grid, theme: Theme, colors: Bool) {
        guard active, let window else { return }
        let useColor = colors && colorCount >= 8
        let same = previous?.size == grid.size ? previous : nil
        for y in 0..<grid.size.height {
            for x in 0..<grid.size.width {
                let cell = grid[x, y]
                if let same, same[x, y] == cell { continue }
                if cell.width == 0 { continue }
                draw(cell, x: x, y: y, window: window, useColor: useColor)
            }
        }
        if let c = grid.cursor {
            curs_set(1)
            wmove(window, Int32(c.y), Int32(c.x))
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
        previous = grid
    }

    private func draw(_ cell: Cell, x: Int, y: Int, window: UnsafeMutablePointer<WINDOW>, useColor: Bool) {
        var attrs = kp_A_NORMAL()
        let a = cell.style.attributes
        if a.contains(.bold) { attrs |= kp_A_BOLD() }
        if a.contains(.dim) { attrs |= kp_A_DIM() }
        if a.contains(.underline) { attrs |= kp_A_UNDERLINE() }
        if a.contains(.reverse) { attrs |= kp_A_REVERSE() }
        let pair = useColor ? pairFor(cell.style) : 0
        var scalars = Array(cell.text.unicodeScalars)
        // A cell holds one spacing character and a few combining marks; flags, skin tones
        // and ZWJ sequences would be cut silently, so draw a stand-in of the same width.
        if scalars.count > 1, scalars.dropFirst().contains(where: { !$0.properties.isGraphemeExtend || $0.value == 0x200D }) {
            scalars = cell.width == 2 ? ["\u{25A1}", " "] : ["?"]
            if cell.width == 2 {
                _ = kp_put_cell(window, Int32(y), Int32(x), [wchar_t(0x25A1), 0], attrs, pair)
                _ = kp_put_cell(window, Int32(y), Int32(x + 1), [wchar_t(0x20), 0], attrs, pair)
                return
            }
        }
        var wide = scalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        _ = kp_put_cell(window, Int32(y), Int32(x), wide, attrs, pair)
    }

    private func pairFor(_ style: Style) -> Int16 {
        func index(_ c: Color) -> Int {
            guard let i = colorCount >= 256 ? c.paletteIndex : c.basicIndex else { return -1 }
            return i
        }
        let fg = index(style.fg), bg = index(style.bg)
        if fg < 0, bg < 0 { return 0 }
        let key = (fg + 1) * 1024 + (bg + 1)
        if let p = pairs[key] { return p }
        let next = Int16(pairs.count + 1)
        guard Int(next) < Int(kp_COLOR_PAIRS()) else { return 0 }
        init_pair(next, Int16(fg), Int16(bg))
        pairs[key] = next
        return next
    }

    public func copyToClipboard(_ text: String) {
        guard active else { return }
        // ncurses has written its frame by now (doupdate flushes); anything buffered in stdio
        // goes first, so the two never interleave.
        fflush(nil)
        let bytes = clipboardSequence(text)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return }
            written += n
        }
    }

    public func suspend() {
        guard active else { return }
        endwin()
        kill(getpid(), SIGSTOP)
        // Resumed: repaint everything, and switch the keypad to application mode now:
        // ncurses would only do it at the next read, after the terminal has already encoded
        // keys typed meanwhile the other way (an arrow key would arrive as Esc, [, B).
        kp_force_repaint()
        refresh()
        keypad(window, true)
        refreshSize()
        previous = nil
    }

    public func stop() {
        guard active else { return }
        active = false
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
    }

    /// The signal that asked the program to end, if any (SIGINT, SIGTERM, SIGHUP).
    public var terminationSignal: Int32? { SignalPipe.received == 0 ? nil : SignalPipe.received }
}

/// Termination signals are turned into a byte on a pipe: the handler does nothing else,
/// and the event loop restores the terminal and exits normally.
enum SignalPipe {
    nonisolated(unsafe) static var readEnd: Int32 = -1
    nonisolated(unsafe) static var writeEnd: Int32 = -1
    nonisolated(unsafe) static var received: Int32 = 0

    /// Heap storage: Swift sizes a `termios` global at 57 bytes, but tcgetattr writes the
    /// C struct's full 60 (AddressSanitizer caught the overflow); an allocation uses the stride.
    nonisolated(unsafe) static let savedTermios: UnsafeMutablePointer<termios> = {
        let p = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        p.initialize(to: termios())
        return p
    }()
    nonisolated(unsafe) static var haveTermios = false

    static func install() {
        if tcgetattr(STDIN_FILENO, savedTermios) == 0 { haveTermios = true }
        // A crash must not leave the terminal raw and on the alternate screen: put the saved
        // settings back (tcsetattr and write are async-signal-safe) and die as before.
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            signal(sig) { s in
                if SignalPipe.haveTermios { tcsetattr(STDIN_FILENO, TCSANOW, SignalPipe.savedTermios) }
                let reset: StaticString = "\u{1b}[0m\u{1b}[?25h\u{1b}[?1049l\r\n"
                _ = write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
                signal(s, SIG_DFL)
                raise(s)
            }
        }
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        readEnd = fds[0]
        writeEnd = fds[1]
        _ = fcntl(readEnd, F_SETFL, O_NONBLOCK)
        _ = fcntl(writeEnd, F_SETFL, O_NONBLOCK)
        signal(SIGWINCH) { _ in
            SignalPipe.resized.store(1, ordering: .sequentiallyConsistent)
            var b: UInt8 = 2
            _ = write(SignalPipe.writeEnd, &b, 1)
        }
        signal(SIGTSTP) { _ in
            SignalPipe.stopRequested.store(1, ordering: .sequentiallyConsistent)
            var b: UInt8 = 3
            _ = write(SignalPipe.writeEnd, &b, 1)
        }
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { s in
                SignalPipe.received = s
                var b: UInt8 = 1
                _ = write(SignalPipe.writeEnd, &b, 1)
            }
        }
    }

    // Set by a handler on any thread and taken on the main thread: an atomic exchange, so a
    // signal arriving between the test and the reset is never lost.
    static let resized = Atomic<Int32>(0)
    static let stopRequested = Atomic<Int32>(0)

    static func takeStop() -> Bool {
        stopRequested.exchange(0, ordering: .sequentiallyConsistent) != 0
    }

    static func takeResize() -> Bool {
        resized.exchange(0, ordering: .sequentiallyConsistent) != 0
    }

    /// Empties the pipe; returns the signal number if one arrived.
    static func drain() -> Int32 {
        var buf = [UInt8](repeating: 0, count: 16)
        while read(readEnd, &buf, 16) > 0 {}
        return received
    }
}

/// The few messages the backend itself shows (before the app's string table is in reach).
enum TerminalText {
    static let table: [String: String] = [
        "term.not-a-tty": "kplan edit trenger en terminal; bruk «kplan show», «kplan check» eller «kplan export» i skript og rør",
        "term.dumb": "terminalen (TERM=dumb) kan ikke vise kplan edit; bruk «kplan show» eller «kplan check»",
        "term.unknown": "ukjent terminaltype «{0}»; sett TERM (f.eks. xterm-256color) eller bruk «kplan show»",
        "term.not-utf8": "terminalen bruker tegnsettet {0}; kplan edit krever UTF-8 (f.eks. LANG=nb_NO.UTF-8 eller C.UTF-8)",
    ]

    static func get(_ key: String, _ arg: String = "") -> String {
        (table[key] ?? key).replacingOccurrences(of: "{0}", with: arg)
    }
}
