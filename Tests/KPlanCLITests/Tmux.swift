import Foundation
import Testing

/// Drives the real binary in a real terminal: a tmux server on a private socket, a
/// fixed size, UTF-8, and waits for text on screen instead of sleeping.
final class Tmux {
    let socket = "kplan-test-\(UUID().uuidString.prefix(8))"
    let session = "t"

    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    /// Runs a tmux client through the shell, output to a file: a pipe would be inherited
    /// by the tmux server the first command starts, and never close.
    @discardableResult
    func tmux(_ args: [String]) -> (Int32, String) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-out-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let quoted = (["/usr/bin/tmux", "-L", socket, "-f", "/dev/null"] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let status = system(quoted.joined(separator: " ") + " > '\(out)' 2>&1 < /dev/null")
        return (status, (try? String(contentsOfFile: out, encoding: .utf8)) ?? "")
    }

    func start(_ command: String, cwd: String, width: Int = 100, height: Int = 30) {
        tmux(["new-session", "-d", "-s", session, "-x", String(width), "-y", String(height), "-c", cwd,
              "env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 NO_COLOR= " + command])
    }

    func screen() -> String { tmux(["capture-pane", "-p", "-t", session]).1 }

    /// Waits until `condition` holds for the screen text (polling; fails after `seconds`).
    @discardableResult
    func wait(for what: String, seconds: Double = 10, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(screen()) { return true }
            usleep(20_000)
        }
        Issue.record("timed out waiting for \(what); screen was:\n\(screen())")
        return false
    }

    @discardableResult
    func wait(for text: String, seconds: Double = 10) -> Bool { wait(for: "«\(text)»", seconds: seconds) { $0.contains(text) } }

    /// Sends a signal to the kplan process running in the pane (the pane's process or its child).
    func signalProgram(_ signal: String) {
        let pane = tmux(["display", "-p", "-t", session, "#{pane_pid}"]).1.trimmingCharacters(in: .whitespacesAndNewlines)
        _ = shell("for p in \(pane) $(pgrep -P \(pane)); do [ \"$(cat /proc/$p/comm)\" = kplan ] && kill -\(signal) $p; done; true", cwd: "/")
    }

    /// The state letter of the kplan process in the pane (R, S, T …), from /proc.
    func programState() -> String {
        let pane = tmux(["display", "-p", "-t", session, "#{pane_pid}"]).1.trimmingCharacters(in: .whitespacesAndNewlines)
        return shell("for p in \(pane) $(pgrep -P \(pane)); do [ \"$(cat /proc/$p/comm)\" = kplan ] && awk '{print $3}' /proc/$p/stat; done; true", cwd: "/")
            .1.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func keys(_ keys: String...) { tmux(["send-keys", "-t", session] + keys) }
    func type(_ text: String) { tmux(["send-keys", "-t", session, "-l", text]) }
    func resize(_ width: Int, _ height: Int) { tmux(["resize-window", "-t", session, "-x", String(width), "-y", String(height)]) }

    deinit { tmux(["kill-server"]) }
}

func shell(_ command: String, cwd: String) -> (Int32, String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", command]
    p.currentDirectoryURL = URL(fileURLWithPath: cwd)
    let out = Pipe()
    p.standardOutput = out
    p.standardError = out
    try? p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}
