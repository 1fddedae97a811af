import Foundation
import Testing
@testable import KPlanCore

@Suite struct PlanStoreTests {
    let dir: String

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("kplan-store-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    func listing() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir).sorted() }

    @Test func saveWritesCanonicalBytesAndKeepsPermissions() throws {
        let path = dir + "/p.kplan.json"
        try PlanFile.save(Sample.plan, to: path, expected: .absent)
        chmod(path, 0o600)
        var plan = Sample.plan
        plan.title = "Ny tittel"
        let loaded = try PlanFile.load(path)
        #expect(try PlanFile.save(plan, to: path, expected: loaded.disk) == .written)
        #expect(try readBytes(path) == PlanEncoder.encode(plan))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try listing() == ["p.kplan.json"])
    }

    /// The digest of a file read in pieces is that of its bytes at once, wherever the pieces
    /// end; a change of one byte anywhere changes it.
    @Test func aDigestInPiecesIsTheDigestOfTheWhole() throws {
        var rng = SplitMix64(seed: 21)
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 100, 4_099] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let whole = ContentDigest.of(bytes)
            for _ in 0..<20 {
                var digest = ContentDigest(count: bytes.count), at = 0
                while at < bytes.count {
                    let end = min(bytes.count, at + 1 + rng.below(13))
                    bytes.withUnsafeBytes { digest.add(UnsafeRawBufferPointer(rebasing: $0[at..<end])) }
                    at = end
                }
                #expect(digest.value == whole, "length \(length)")
            }
            for i in bytes.indices {
                var changed = bytes
                changed[i] ^= 0x20
                #expect(ContentDigest.of(changed) != whole)
            }
        }
        let path = dir + "/p.kplan.json"
        let big = PlanEncoder.encode(PlanGenerator.generate(needs: 300, measures: 3_000, years: 4, seed: 2))
        try Data(big).write(to: URL(fileURLWithPath: path))
        #expect(big.count > 1 << 20, "more than one piece")
        #expect(PlanStore.diskVersion(path) == DiskVersion(bytes: big))
        #expect(PlanStore.diskVersion(dir) == .absent)
        #expect(PlanStore.diskVersion(dir + "/none") == .absent)
    }

    /// A file compared in pieces equals exactly its own bytes: not a byte changed in a later
    /// piece, not its start or a longer text, and no file that is missing or a folder.
    @Test func aFileComparedInPiecesEqualsOnlyItsBytes() throws {
        let path = dir + "/p.kplan.json"
        let big = PlanEncoder.encode(PlanGenerator.generate(needs: 300, measures: 3_000, years: 4, seed: 2))
        try Data(big).write(to: URL(fileURLWithPath: path))
        #expect(big.count > 1 << 20, "more than one piece")
        #expect(PlanStore.contentEquals(path, big))
        var changed = big
        changed[(1 << 20) + 5] ^= 0x20
        #expect(!PlanStore.contentEquals(path, changed))
        #expect(!PlanStore.contentEquals(path, Array(big.dropLast())))
        #expect(!PlanStore.contentEquals(path, big + [0x0A]))
        #expect(!PlanStore.contentEquals(dir + "/none", []))
        #expect(!PlanStore.contentEquals(dir, []))
        try Data().write(to: URL(fileURLWithPath: path))
        #expect(PlanStore.contentEquals(path, []))
    }

    @Test func unchangedBytesAreNotWritten() throws {
        let path = dir + "/p.kplan.json"
        try PlanFile.save(Sample.plan, to: path, expected: .absent)
        let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        let inode = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
        let loaded = try PlanFile.load(path)
        #expect(try PlanFile.save(Sample.plan, to: path, expected: loaded.disk) == .unchanged)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == before)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int == inode)
    }

    @Test func fileChangedOnDiskIsNeverOverwritten() throws {
        let path = dir + "/p.kplan.json"
        try PlanFile.save(Sample.plan, to: path, expected: .absent)
        let loaded = try PlanFile.load(path)
        let theirs = Array("{\"changed\": true}\n".utf8)
        try Data(theirs).write(to: URL(fileURLWithPath: path))
        var mine = Sample.plan
        mine.title = "Mine endringer"
        #expect(throws: StoreError.changedOnDisk(path)) { try PlanFile.save(mine, to: path, expected: loaded.disk) }
        #expect(try readBytes(path) == theirs)
        #expect(StoreError.changedOnDisk(path).description.contains("endret på disken"))
    }

    @Test func readOnlyFolderFailsClearlyAndLeavesTheFile() throws {
        guard getuid() != 0 else {
            // root ignores folder permissions; TerminalTests runs kplan as nobody for this case.
            try readOnlyByImmutableTarget()
            return
        }
        let path = dir + "/p.kplan.json"
        try PlanFile.save(Sample.plan, to: path, expected: .absent)
        let original = try readBytes(path)
        chmod(dir, 0o555)
        defer { chmod(dir, 0o755) }
        var plan = Sample.plan
        plan.title = "Endret"
        do {
            try PlanFile.save(plan, to: path, expected: DiskVersion(bytes: original))
            Issue.record("save into a read-only folder succeeded")
        } catch {
            #expect(error.description.contains("mangler skrivetilgang"))
        }
        #expect(try readBytes(path) == original)
        #expect(try listing() == ["p.kplan.json"])
    }

    /// As root, a path whose folder does not exist stands in for an unwritable folder.
    func readOnlyByImmutableTarget() throws {
        let path = dir + "/mangler/p.kplan.json"
        do {
            try PlanFile.save(Sample.plan, to: path, expected: nil)
            Issue.record("save into a missing folder succeeded")
        } catch {
            #expect(error.description == "\(path): kunne ikke lagre: mappen finnes ikke; den gamle filen er urørt")
        }
        #expect(try listing() == [])
    }

    /// The reasons a write fails that a user can act on are said in Norwegian.
    @Test func writeFailuresSayWhyInNorwegian() throws {
        try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/fil"))
        let cases = [(dir + "/mangler/p.txt", "mappen finnes ikke"), (dir + "/fil/p.txt", "en del av stien er en fil, ikke en mappe"),
                     (dir + "/" + String(repeating: "n", count: 300), "filnavnet er for langt")]
        for (path, why) in cases {
            #expect(throws: StoreError.writeFailed(path, why)) { try PlanStore.write([1], to: path, expected: nil) }
        }
        #expect(try listing() == ["fil"])
    }

    @Test func journalFallbackPathIsStablePerPlanAndFollowsXDG() throws {
        let a = try #require(Journal.fallbackPath(for: "/x/plan.kplan.json", environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]))
        let b = try #require(Journal.fallbackPath(for: "/y/plan.kplan.json", environment: ["XDG_STATE_HOME": "/s"]))
        #expect(a.hasPrefix("/s/kplan/journal/plan.kplan.json-") && a.hasSuffix(".kplan-journal"))
        #expect(a != b)
        #expect(Journal.fallbackPath(for: "/x/plan.kplan.json", environment: ["XDG_STATE_HOME": "/s"]) == a)
        #expect(Journal.fallbackPath(for: "/x/plan.kplan.json", environment: ["HOME": "/h"])?.hasPrefix("/h/.local/state/kplan/journal/") == true)
        #expect(Journal.fallbackPath(for: "/x/plan.kplan.json", environment: [:]) == nil)
    }

    @Test func missingAndDirectoryPathsAreReported() {
        #expect(throws: StoreError.notFound(dir + "/x.json")) { try PlanStore.read(dir + "/x.json") }
        #expect(throws: StoreError.isDirectory(dir)) { try PlanStore.read(dir) }
        #expect(throws: StoreError.notFound(dir + "/x.json")) { try PlanStore.map(dir + "/x.json") }
        #expect(throws: StoreError.isDirectory(dir)) { try PlanStore.map(dir) }
    }

    /// Mapped or read, a plan gives the same bytes, the same tape and the same messages,
    /// including one in the last byte of the last page.
    @Test func aMappedFileReadsAsTheArrayDoes() throws {
        let path = dir + "/stor.kplan.json"
        var source = PlanEncoder.encode(PlanGenerator.generate(needs: 300, measures: 300, years: 4, seed: 5))
        source.removeLast()
        source += Array(", \n".utf8)
        try Data(source).write(to: URL(fileURLWithPath: path))
        let mapped = try PlanStore.map(path, mapFrom: 1)
        #expect(mapped.array == source)
        #expect(Array(mapped) == source)
        #expect(mapped.withUnsafeBufferPointer { Array($0) } == source)
        let (a, aMessages) = JSONParser.parse(mapped, splitAbove: 1)
        let (b, bMessages) = JSONParser.parse(source, splitAbove: 1)
        #expect(a?.nodes == b?.nodes)
        #expect(aMessages == bMessages)
        #expect(!aMessages.isEmpty)
        let excerpt = { (bytes: SourceBytes) in aMessages.map { DiagnosticRenderer(fileName: "p", bytes: bytes).render($0) } }
        #expect(excerpt(mapped) == excerpt(SourceBytes(source)))
        // Below the size limit, and for what is no regular file, it reads.
        #expect(try PlanStore.map(path).array == source)
        #expect(try PlanStore.map("/dev/null", mapFrom: 0).isEmpty)
    }
}
