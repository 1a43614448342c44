import Glibc

/// Report files kept as evidence, content-addressed: `<folder>/<sha256>` holds the bytes whose SHA-256 is its
/// name, so a past verdict can be audited against the exact files it read, and a file read by many checks is kept
/// once.
public struct EvidenceStore: Sendable {
    public let folder: String

    /// The store beside a session log: `<log folder>/evidence`.
    public init(besideLog logPath: String) {
        let parent = logPath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        folder = (parent.isEmpty && !logPath.hasPrefix("/") ? "." : (parent.isEmpty ? "" : parent)) + "/evidence"
    }

    /// The path of the evidence of `digest`.
    public func path(of digest: String) -> String { "\(folder)/\(digest)" }

    /// Copies `file` (whose SHA-256 is `digest`) into the store unless it is there already.
    public func keep(_ file: String, digest: String) throws(LogError) {
        let target = path(of: digest)
        guard FileSystem.kind(of: target) == nil else { return }
        do {
            try FileSystem.createDirectories(folder)
        } catch {
            throw LogError(error.message)
        }
        // Copy to a temporary name and rename, so a reader never sees half a file under its digest.
        let temporary = "\(target).partial-\(getpid())"
        do throws(LogError) {
            try Self.copy(file, to: temporary)
            guard rename(temporary, target) == 0 else {
                throw LogError("cannot store \(target): \(FileByteSource.describe(errno: errno))")
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    private static func copy(_ file: String, to target: String) throws(LogError) {
        let source: FileByteSource
        do {
            source = try FileByteSource(path: file)
        } catch {
            throw LogError("cannot keep \(file) as evidence: \(error.message)")
        }
        let descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o444)
        guard descriptor >= 0 else {
            throw LogError("cannot create \(target): \(FileByteSource.describe(errno: errno))")
        }
        defer { close(descriptor) }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
        defer { chunk.deallocate() }
        while true {
            let count: Int
            do {
                count = try source.read(into: chunk)
            } catch {
                throw LogError("cannot keep \(file) as evidence: \(error.message)")
            }
            if count == 0 { break }
            guard write(descriptor, chunk.baseAddress, count) == count else {
                throw LogError("cannot write \(target): \(FileByteSource.describe(errno: errno))")
            }
        }
        guard fsync(descriptor) == 0 else {
            throw LogError("cannot sync \(target): \(FileByteSource.describe(errno: errno))")
        }
    }

    /// Why the evidence of `digest` does not hold (missing, or its bytes have another digest), or nil when it does.
    public func problem(with digest: String) -> String? {
        let target = path(of: digest)
        guard FileSystem.kind(of: target) == .file else { return "evidence \(digest) is missing from \(folder)" }
        do {
            let actual = try SHA256.digest(ofFile: target).hex
            return actual == digest ? nil : "evidence \(target) has SHA-256 \(actual): its contents changed"
        } catch {
            return "evidence \(target) cannot be read: \(error.message)"
        }
    }
}
