import Foundation
import Testing
import KPlanCore

/// A child's three pipes are served at once: none of them filling up may stall the run.
/// Each case moves a megabyte, well past a pipe's 64 KiB, so a serial reader would hang; the
/// run is waited for on the side, so a hang fails the test instead of stalling the suite.
@Suite struct SubprocessTests {
    let megabyte = 1 << 20

    func run(_ executable: String, _ arguments: [String], input: [UInt8]? = nil) throws -> Subprocess.Result {
        let finished = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        Thread {
            outcome.result = Result { try Subprocess.run(executable, arguments, input: input) }
            finished.signal()
        }.start()
        guard finished.wait(timeout: .now() + 30) == .success, let result = outcome.result else {
            throw Stalled()
        }
        return try result.get()
    }

    struct Stalled: Error {}

    /// Set by the runner thread before it signals; read only after the wait succeeds.
    final class Outcome: @unchecked Sendable {
        var result: Result<Subprocess.Result, any Error>?
    }

    @Test func muchOnStandardErrorDoesNotStallStandardOutput() throws {
        let r = try run("/bin/sh", ["-c", "head -c \(megabyte) /dev/zero | tr '\\0' e >&2; echo ut"])
        #expect(r.status == 0)
        #expect(r.out == Array("ut\n".utf8))
        #expect(r.err.utf8.count == megabyte)
        #expect(r.err.utf8.allSatisfy { $0 == UInt8(ascii: "e") })
    }

    @Test func inputIsFedWhileOutputIsRead() throws {
        let input = (0..<megabyte).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let r = try run("/bin/cat", [], input: input)
        #expect(r.status == 0)
        #expect(r.out == input)
        #expect(r.err.isEmpty)
    }

    @Test func aChildThatReadsNoInputEndsTheRunWithItsStatus() throws {
        let r = try run("/bin/sh", ["-c", "echo nei >&2; exit 3"], input: Array(repeating: 1, count: megabyte))
        #expect(r.status == 3)
        #expect(r.out.isEmpty)
        #expect(r.err == "nei\n")
    }

    @Test func withoutInputTheChildReadsAnEmptyStream() throws {
        let r = try run("/bin/cat", [])
        #expect(r.status == 0)
        #expect(r.out.isEmpty)
    }

    @Test func aMissingProgramThrows() {
        #expect(throws: (any Error).self) { try run("/no/such/program", []) }
    }
}
