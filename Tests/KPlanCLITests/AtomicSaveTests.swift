import Foundation
import Testing

/// kill -9 the writer in the middle of saves: the file is always the old or the new plan.
@Suite struct AtomicSaveTests {
    @Test func killedWriterNeverLeavesAMix() throws {
        let dir = try CLI.tempDir()
        let a = dir + "/a.kplan.json", b = dir + "/b.kplan.json", target = dir + "/plan.kplan.json"
        #expect(try CLI.run(["generate", "--needs", "3000", "--measures", "3000", "--seed", "1", a]).status == 0)
        #expect(try CLI.run(["generate", "--needs", "3000", "--measures", "3000", "--seed", "2", b]).status == 0)
        let versions = [try Data(contentsOf: URL(fileURLWithPath: a)), try Data(contentsOf: URL(fileURLWithPath: b))]
        try FileManager.default.copyItem(atPath: a, toPath: target)
        var killedMidWay = 0
        for round in 0..<40 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CLI.binary)
            p.arguments = ["generate", "--needs", "3000", "--measures", "3000", "--seed", String(round % 2 + 1), target]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            usleep(UInt32(5_000 + (round * 7_919) % 60_000))
            if p.isRunning {
                kill(p.processIdentifier, SIGKILL)
                killedMidWay += 1
            }
            p.waitUntilExit()
            let now = try Data(contentsOf: URL(fileURLWithPath: target))
            #expect(versions.contains(now), "round \(round): the plan is neither the old nor the new version")
        }
        #expect(killedMidWay > 0, "no writer was killed while running; the test proved nothing")
    }
}
