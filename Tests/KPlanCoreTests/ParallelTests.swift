import Testing
@testable import KPlanCore

/// Both halves run and come back in their places, on two threads or, for callgrind, one after
/// the other on the caller's.
@Suite struct ParallelTests {
    @Test func bothResultsComeBackInOrder() {
        for serial in [false, true] {
            let (a, b) = Parallel.both(serial: serial, { (1...1000).reduce(0, +) }, { "to" })
            #expect(a == 500_500)
            #expect(b == "to")
        }
    }
}
