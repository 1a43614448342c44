/// SHA-256 (FIPS 180-4).
///
/// Feed bytes with `update` in pieces of any size, then call ``finalize()``. Whole 64-byte blocks are hashed
/// straight from the caller's buffer; only a partial block is copied, into a 64-byte buffer held inline.
public struct SHA256: Sendable {
    /// The chunk read at a time by ``digest(ofFile:)``.
    static let fileChunkSize = 256 * 1024

    private var state = Registers.initial
    /// Bytes of an incomplete block waiting for more input; only the first `pendingCount` are meaningful.
    private var pending: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var pendingCount = 0
    /// Bytes hashed so far (modulo 2^64).
    private var length: UInt64 = 0

    public init() {}

    /// Hashes `bytes` after everything given so far.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var input = bytes.baseAddress, !bytes.isEmpty else { return }
        var remaining = bytes.count
        length &+= UInt64(truncatingIfNeeded: remaining)
        if pendingCount > 0 {
            let filled = pendingCount
            let taken = min(64 - filled, remaining)
            withUnsafeMutableBytes(of: &pending) { block in
                (block.baseAddress.unsafelyUnwrapped + filled).copyMemory(from: input, byteCount: taken)
            }
            pendingCount = filled + taken
            input += taken
            remaining -= taken
            guard pendingCount == 64 else { return }
            withUnsafeBytes(of: pending) { block in state.compress(block.baseAddress.unsafelyUnwrapped, blocks: 1) }
            pendingCount = 0
        }
        let blocks = remaining / 64
        if blocks > 0 {
            state.compress(input, blocks: blocks)
            input += blocks * 64
            remaining -= blocks * 64
        }
        if remaining > 0 {
            withUnsafeMutableBytes(of: &pending) { block in
                block.baseAddress.unsafelyUnwrapped.copyMemory(from: input, byteCount: remaining)
            }
            pendingCount = remaining
        }
    }

    /// Hashes `bytes` after everything given so far.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Hashes the UTF-8 encoding of `text` after everything given so far.
    public mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    /// Pads the message, returns its digest and resets this value to a fresh ``init()`` state,
    /// ready to hash another message.
    public mutating func finalize() -> SHA256Digest {
        let bitLength = (length &<< 3).bigEndian
        // 0x80 then zeros: up to 64 bytes of them, ending where the 8-byte length completes a block.
        let padding: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (
            UInt64(0x80).littleEndian, 0, 0, 0, 0, 0, 0, 0
        )
        let paddingCount = (pendingCount < 56 ? 56 : 120) - pendingCount
        withUnsafeBytes(of: padding) { update(UnsafeRawBufferPointer(rebasing: $0[..<paddingCount])) }
        withUnsafeBytes(of: bitLength) { update($0) }
        let digest = state.digest
        self = SHA256()
        return digest
    }

    /// The digest of `bytes`.
    public static func digest(_ bytes: [UInt8]) -> SHA256Digest {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The digest of the UTF-8 encoding of `text`.
    public static func digest(_ text: String) -> SHA256Digest {
        var hasher = SHA256()
        hasher.update(text)
        return hasher.finalize()
    }

    /// Streams a file in chunks through a ``FileByteSource`` (no whole-file load); throws InputError.
    public static func digest(ofFile path: String) throws(InputError) -> SHA256Digest {
        let source = try FileByteSource(path: path)
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: fileChunkSize, alignment: 64)
        defer { chunk.deallocate() }
        var hasher = SHA256()
        var count = 0
        repeat {
            count = try source.read(into: chunk)
            hasher.update(UnsafeRawBufferPointer(rebasing: chunk[..<count]))
        } while count > 0
        return hasher.finalize()
    }
}

/// A SHA-256 digest: 32 bytes, written as 64 lowercase hexadecimal digits.
public struct SHA256Digest: Hashable, Sendable, CustomStringConvertible {
    /// The 32 bytes, big-endian, eight at a time.
    private let words: SIMD4<UInt64>

    fileprivate init(words: SIMD4<UInt64>) { self.words = words }

    /// Parses 64 hexadecimal digits (either case); nil for any other length or character.
    public init?(hex: String) {
        var words = SIMD4<UInt64>()
        var index = 0
        for character in hex.utf8 {
            guard index < 64, let nibble = Self.nibble(character) else { return nil }
            words[index / 16] = words[index / 16] << 4 | nibble
            index += 1
        }
        guard index == 64 else { return nil }
        self.words = words
    }

    /// The 32 bytes of the digest.
    public var bytes: [UInt8] {
        (0..<32).map { UInt8(truncatingIfNeeded: words[$0 / 8] >> (56 - 8 * UInt64($0 % 8))) }
    }

    /// The 64 lowercase hexadecimal digits of the digest.
    public var hex: String {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 64) { text in
            for index in 0..<64 {
                let nibble = words[index / 16] >> (60 - 4 * UInt64(index % 16)) & 0xF
                text[index] = digits.utf8Start[Int(nibble)]
            }
            return 64
        }
    }

    public var description: String { hex }

    private static func nibble(_ character: UInt8) -> UInt64? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt64(character - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt64(character - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt64(character - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}

/// The eight 32-bit working variables of SHA-256, also used for the hash value between blocks.
private struct Registers {
    var a, b, c, d, e, f, g, h: UInt32

    /// H(0): the first 32 bits of the fractional parts of the square roots of the first eight primes.
    static let initial = Registers(
        a: 0x6a09_e667, b: 0xbb67_ae85, c: 0x3c6e_f372, d: 0xa54f_f53a,
        e: 0x510e_527f, f: 0x9b05_688c, g: 0x1f83_d9ab, h: 0x5be0_cd19)

    var digest: SHA256Digest {
        func pair(_ high: UInt32, _ low: UInt32) -> UInt64 { UInt64(high) << 32 | UInt64(low) }
        return SHA256Digest(words: SIMD4(pair(a, b), pair(c, d), pair(e, f), pair(g, h)))
    }

    /// Hashes `blocks` consecutive 64-byte blocks starting at `input` (any alignment) into these registers.
    mutating func compress(_ input: UnsafeRawPointer, blocks: Int) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { schedule in
            roundConstants.withUnsafeBufferPointer { constants in
                let w = schedule.baseAddress.unsafelyUnwrapped
                let k = constants.baseAddress.unsafelyUnwrapped
                var block = input
                for _ in 0..<blocks {
                    for t in 0..<16 {
                        w[t] = block.loadUnaligned(fromByteOffset: 4 * t, as: UInt32.self).bigEndian
                    }
                    var working = self
                    var bc = b ^ c
                    working.eightRounds(w, half: 0, k, &bc, extending: false)
                    working.eightRounds(w, half: 8, k + 8, &bc, extending: false)
                    for t in stride(from: 16, to: 64, by: 16) {
                        working.eightRounds(w, half: 0, k + t, &bc, extending: true)
                        working.eightRounds(w, half: 8, k + t + 8, &bc, extending: true)
                    }
                    add(working)
                    block += 64
                }
            }
        }
    }

    private mutating func add(_ other: Registers) {
        a &+= other.a
        b &+= other.b
        c &+= other.c
        d &+= other.d
        e &+= other.e
        f &+= other.f
        g &+= other.g
        h &+= other.h
    }

    /// W[t] for the round at ring position `i`: the block's own word for the first 16 rounds, then (`extending`)
    /// computed in place over W[t - 16].
    @inline(__always)
    private static func word(_ w: UnsafeMutablePointer<UInt32>, _ i: Int, extending: Bool) -> UInt32 {
        guard extending else { return w[i] }
        let w15 = w[(i + 1) & 15]
        let w2 = w[(i + 14) & 15]
        let sigma0 = rotate(rotate(w15, 11) ^ w15, 7) ^ (w15 >> 3)
        let sigma1 = rotate(rotate(w2, 2) ^ w2, 17) ^ (w2 >> 10)
        w[i] &+= sigma0 &+ w[(i + 9) & 15] &+ sigma1
        return w[i]
    }

    /// Eight rounds with the words at ring positions `half..<half + 8` and constants `k[0..<8]`. The variables'
    /// roles rotate each round, so after eight they are back in place; `bc` carries b ^ c from round to round.
    @inline(__always)
    private mutating func eightRounds(
        _ w: UnsafeMutablePointer<UInt32>, half: Int, _ k: UnsafePointer<UInt32>, _ bc: inout UInt32, extending: Bool
    ) {
        func kw(_ j: Int) -> UInt32 { k[j] &+ Registers.word(w, half + j, extending: extending) }
        Registers.round(a, b, c, &d, e, f, g, &h, kw(0), &bc)
        Registers.round(h, a, b, &c, d, e, f, &g, kw(1), &bc)
        Registers.round(g, h, a, &b, c, d, e, &f, kw(2), &bc)
        Registers.round(f, g, h, &a, b, c, d, &e, kw(3), &bc)
        Registers.round(e, f, g, &h, a, b, c, &d, kw(4), &bc)
        Registers.round(d, e, f, &g, h, a, b, &c, kw(5), &bc)
        Registers.round(c, d, e, &f, g, h, a, &b, kw(6), &bc)
        Registers.round(b, c, d, &e, f, g, h, &a, kw(7), &bc)
    }

    /// One round: `d` and `h` receive the new values, the others shift roles in the caller's argument order.
    /// Σ0 and Σ1 are computed as nested rotations (fewer temporaries); Maj reuses the previous round's a ^ b.
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32, _ bc: inout UInt32
    ) {
        let sum1 = rotate(rotate(rotate(e, 14) ^ e, 5) ^ e, 6)
        let choice = g ^ (e & (f ^ g))
        let t1 = h &+ sum1 &+ choice &+ kw
        let sum0 = rotate(rotate(rotate(a, 9) ^ a, 11) ^ a, 2)
        let ab = a ^ b
        let majority = (ab & bc) ^ b
        bc = ab
        d &+= t1
        h = t1 &+ sum0 &+ majority
    }

    /// Rotates right by `count` (1...31); LLVM turns the shift pair into one rotate instruction.
    @inline(__always)
    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
        value >> count | value << (32 - count)
    }
}

/// K: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
private let roundConstants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
]
