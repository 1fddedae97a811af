import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What was on disk when a plan was loaded, so a save can tell whether someone else
/// changed the file in the meantime (a `git pull`, another editor).
public struct DiskVersion: Sendable, Equatable {
    public var exists: Bool
    public var digest: UInt64
    public var size: Int

    public static let absent = DiskVersion(exists: false, digest: 0, size: 0)

    public init(exists: Bool, digest: UInt64, size: Int) {
        self.exists = exists; self.digest = digest; self.size = size
    }

    public init(bytes: some Collection<UInt8> & ContiguousBytes) {
        exists = true
        size = bytes.count
        digest = ContentDigest.of(bytes)
    }
}

/// 64 bits that tell two versions of a file apart (not cryptographic), eight bytes a step:
/// 28 ms for a 150 MB plan, where FNV-1a, a byte a step, took 145 ms. Fed in pieces as a
/// file is read, so that checking a file needs no second copy of it in memory.
struct ContentDigest {
    private var h: UInt64
    /// Bytes of a word not yet complete, and how many.
    private var pending: UInt64 = 0
    private var pendingCount: UInt64 = 0

    /// For `count` bytes in all: the count is part of the digest.
    init(count: Int) { h = 0xcbf2_9ce4_8422_2325 ^ UInt64(count) }

    static func of(_ bytes: some Collection<UInt8> & ContiguousBytes) -> UInt64 {
        var digest = ContentDigest(count: bytes.count)
        bytes.withUnsafeBytes { digest.add($0) }
        return digest.value
    }

    mutating func add(_ raw: UnsafeRawBufferPointer) {
        var i = 0
        if pendingCount > 0 {
            while pendingCount < 8, i < raw.count { take(raw[i]); i += 1 }
            guard pendingCount == 8 else { return }
            h = Self.mix(h ^ pending)
            pending = 0
            pendingCount = 0
        }
        while i + 8 <= raw.count {
            h = Self.mix(h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        while i < raw.count { take(raw[i]); i += 1 }
    }

    var value: UInt64 { Self.mix(Self.mix(h ^ pending)) }

    private mutating func take(_ byte: UInt8) {
        pending |= UInt64(byte) << (8 * pendingCount)
        pendingCount += 1
    }

    private static func mix(_ x: UInt64) -> UInt64 {
        let m = x &* 0x9E37_79B9_7F4A_7C15
        return m ^ (m >> 29)
    }
}

public enum StoreError: Error, Equatable, CustomStringConvertible {
    case notFound(String)
    case unreadable(String, String)
    case isDirectory(String)
    case changedOnDisk(String)
    case writeFailed(String, String)

    public var description: String {
        switch self {
        case .notFound(let p): return Text.get("store.not-found", p)
        case .unreadable(let p, let why): return Text.get("store.unreadable", p, why)
        case .isDirectory(let p): return Text.get("store.is-directory", p)
        case .changedOnDisk(let p): return Text.get("store.changed-on-disk", p)
        case .writeFailed(let p, let why): return Text.get("store.write-failed", p, why)
        }
    }
}

public enum SaveOutcome: Sendable, Equatable {
    case written
    /// The file already held exactly these bytes; nothing was touched.
    case unchanged
}

/// Reading and writing plan files. Saving never leaves a half-written file: the bytes go
/// to a temporary file in the same folder, are flushed to disk, and replace the old file
/// with one atomic rename.
public enum PlanStore {
    public static func read(_ path: String) throws(StoreError) -> [UInt8] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw .notFound(path) }
        if isDir.boolValue { throw .isDirectory(path) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(path, errnoText()) }
        defer { close(fd) }
        var st = stat()
        let size = fstat(fd, &st) == 0 ? max(0, Int(st.st_size)) : 0
        // Straight into the array, no chunk copies; then on in chunks if the file grew meanwhile.
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, filled in
            filled = 0
            while filled < size {
                let n = Glibc.read(fd, buffer.baseAddress! + filled, size - filled)
                if n < 0, errno == EINTR { continue }
                if n < 0 { failure = errno; break }
                if n == 0 { break }
                filled += n
            }
        }
        if failure != 0 { throw .unreadable(path, errnoText(failure)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path, errnoText())
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    /// For reading only: a regular file of `mapFrom` bytes or more is mapped, not copied
    /// (SourceBytes says why). A program that truncates the file while it is mapped makes the
    /// next read of a lost page raise SIGBUS, so a caller installs a handler for it first
    /// (kplan: MappedFileGuard); a file replaced by rename, as kplan and git write, is safe.
    public static func map(_ path: String, mapFrom: Int = 1 << 20) throws(StoreError) -> SourceBytes {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return SourceBytes(try read(path)) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, Int(st.st_size) >= mapFrom else {
            return SourceBytes(try read(path))
        }
        let size = Int(st.st_size)
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            return SourceBytes(try read(path))
        }
        return SourceBytes(mapping: .init(base: UnsafePointer(base.assumingMemoryBound(to: UInt8.self)), count: size))
    }

    /// The file's version, read in pieces: read whole, a 150 MB plan was a second copy of
    /// itself in memory at every save and at the first edit.
    public static func diskVersion(_ path: String) -> DiskVersion {
        func whole() -> DiskVersion { (try? read(path)).map(DiskVersion.init(bytes:)) ?? .absent }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return whole() }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return whole() }
        let size = Int(st.st_size)
        var digest = ContentDigest(count: size)
        var total = 0
        guard readPieces(fd, { piece in
            digest.add(piece)
            total += piece.count
            return true
        }) else { return whole() }
        // A file that grew or shrank while it was read: as read whole, once more.
        guard total == size else { return whole() }
        return DiskVersion(exists: true, digest: digest.value, size: size)
    }

    /// True when the file holds exactly `bytes`; read in pieces, as `diskVersion` is.
    public static func contentEquals(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var compared = 0
        return bytes.withUnsafeBytes { expected in
            readPieces(fd) { piece in
                defer { compared += piece.count }
                return compared + piece.count <= expected.count && memcmp(piece.baseAddress!, expected.baseAddress! + compared, piece.count) == 0
            }
        } && compared == bytes.count
    }

    /// Reads `fd` to its end in pieces of 1 MB, each given to `body` until it says stop.
    /// False when reading fails or `body` stops.
    private static func readPieces(_ fd: Int32, _ body: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n < 0 { return false }
            if n == 0 { return true }
            guard chunk.withUnsafeBytes({ body(UnsafeRawBufferPointer(rebasing: $0[..<n])) }) else { return false }
        }
    }

    /// Writes `bytes` to `path` atomically. `expected` is what the caller loaded; when the
    /// file on disk is no longer that, nothing is written and `.changedOnDisk` is thrown.
    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String, expected: DiskVersion?) throws(StoreError) -> SaveOutcome {
        let current = diskVersion(path)
        if let expected, current != expected, !(current.exists && current == DiskVersion(bytes: bytes)) {
            throw .changedOnDisk(path)
        }
        if current.exists, current == DiskVersion(bytes: bytes), contentEquals(path, bytes) {
            return .unchanged
        }
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        var template = ((dir.isEmpty ? "." : dir) + "/." + url.lastPathComponent + ".tmp-XXXXXX").utf8CString
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .writeFailed(path, errnoText()) }
        let tempPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var committed = false
        defer {
            if !committed { unlink(tempPath) }
        }
        var mode: mode_t = 0o644
        var st = stat()
        if stat(path, &st) == 0 {
            mode = st.st_mode & 0o7777
        } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o666 & ~mask
        }
        var failure = writeAll(fd, bytes)
        if failure == nil, fchmod(fd, mode) != 0 { failure = errnoText() }
        if failure == nil, fsync(fd) != 0 { failure = errnoText() }
        if close(fd) != 0, failure == nil { failure = errnoText() }
        if let failure { throw .writeFailed(path, failure) }
        guard rename(tempPath, path) == 0 else { throw .writeFailed(path, errnoText()) }
        committed = true
        let dfd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY)
        if dfd >= 0 {
            fsync(dfd)
            close(dfd)
        }
        return .written
    }

    /// Appends `bytes` to an existing file and flushes them to disk (for the journal's records).
    static func append(_ bytes: [UInt8], to path: String) throws(StoreError) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { throw .writeFailed(path, errnoText()) }
        var failure = writeAll(fd, bytes)
        if failure == nil, fsync(fd) != 0 { failure = errnoText() }
        if close(fd) != 0, failure == nil { failure = errnoText() }
        if let failure { throw .writeFailed(path, failure) }
    }

    /// Writes every byte, retrying where a signal interrupted; the error's text, or nil.
    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        var written = 0
        return bytes.withUnsafeBytes { raw -> String? in
            while written < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errnoText()
                }
                written += n
            }
            return nil
        }
    }

    static func errnoText(_ code: Int32 = errno) -> String {
        switch code {
        case ENOSPC: return Text.get("store.errno.nospace")
        case EACCES, EPERM: return Text.get("store.errno.access")
        case EROFS: return Text.get("store.errno.readonly")
        case EDQUOT: return Text.get("store.errno.quota")
        case EFBIG: return Text.get("store.errno.too-big")
        case ENOENT: return Text.get("store.errno.no-folder")
        case ENOTDIR: return Text.get("store.errno.not-a-folder")
        case ENAMETOOLONG: return Text.get("store.errno.name-too-long")
        case EIO: return Text.get("store.errno.io")
        default: return String(cString: strerror(code))
        }
    }
}
