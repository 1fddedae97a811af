import Dispatch
import Foundation

/// Runs two independent pure computations at once and returns both results. The hot
/// paths (decoding the big arrays of a plan, the engine's rules and figures) split this
/// way over two cores.
enum Parallel {
    /// `KPLAN_SERIAL=1` runs both on the calling thread. For callgrind: it counts a thread only
    /// while that thread is inside the function that turned counting on, so the half that a
    /// worker thread happened to take went uncounted, and a phase's count changed from run to
    /// run with the scheduling.
    static let serial = ProcessInfo.processInfo.environment["KPLAN_SERIAL"] == "1"

    static func both<A, B>(serial: Bool = serial, _ a: () -> A, _ b: () -> B) -> (A, B) {
        if serial { return (a(), b()) }
        var first: A?
        var second: B?
        withoutActuallyEscaping(a) { a in
            withoutActuallyEscaping(b) { b in
                withUnsafeMutablePointer(to: &first) { p1 in
                    withUnsafeMutablePointer(to: &second) { p2 in
                        let work = Work(a: a, b: b, first: p1, second: p2)
                        DispatchQueue.concurrentPerform(iterations: 2) { i in work.run(i) }
                    }
                }
            }
        }
        return (first!, second!)
    }

    /// Each iteration writes only its own slot, and concurrentPerform returns only when
    /// both are done, so nothing is shared across a write.
    private struct Work<A, B>: @unchecked Sendable {
        let a: () -> A
        let b: () -> B
        let first: UnsafeMutablePointer<A?>
        let second: UnsafeMutablePointer<B?>

        func run(_ i: Int) {
            if i == 0 { first.pointee = a() } else { second.pointee = b() }
        }
    }
}
