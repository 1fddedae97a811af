import Foundation

/// Runs a program with an argument list (never through a shell) and collects what it prints.
///
/// Standard error is drained and standard input fed on threads of their own while standard
/// output is read: a child that fills one pipe (64 KiB) while the parent waits on another
/// would otherwise stall both for good — git warning about many files, groff about a long plan.
public enum Subprocess {
    public struct Result: Sendable {
        public let status: Int32
        public let out: [UInt8]
        public let err: String

        public init(status: Int32, out: [UInt8], err: String) {
            self.status = status
            self.out = out
            self.err = err
        }
    }

    /// Throws only when the program cannot be started.
    public static func run(_ executable: String, _ arguments: [String], input: [UInt8]? = nil) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        let feed = input.map { _ in Pipe() }
        p.standardOutput = out
        p.standardError = err
        p.standardInput = feed ?? FileHandle.nullDevice
        try p.run()

        let done = DispatchGroup()
        let errors = Collected()
        onThread(done) { errors.data = err.fileHandleForReading.readDataToEndOfFile() }
        if let feed, let input {
            onThread(done) {
                // A child that exits without reading all its input must not kill us with
                // SIGPIPE: blocked on this thread, the write fails instead, and the child's
                // status says what went wrong. The pending signal dies with the thread.
                var pipeSignal = sigset_t()
                sigemptyset(&pipeSignal)
                sigaddset(&pipeSignal, SIGPIPE)
                pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
                try? feed.fileHandleForWriting.write(contentsOf: input)
                try? feed.fileHandleForWriting.close()
            }
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, out: Array(output), err: String(decoding: errors.data, as: UTF8.self))
    }

    private static func onThread(_ group: DispatchGroup, _ work: @escaping @Sendable () -> Void) {
        group.enter()
        Thread {
            work()
            group.leave()
        }.start()
    }

    /// Written by one thread before it leaves the group, read only after the group is waited
    /// for: the wait orders the two, so no lock is needed.
    private final class Collected: @unchecked Sendable {
        var data = Data()
    }
}
