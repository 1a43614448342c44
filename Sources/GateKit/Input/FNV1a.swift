/// The 64-bit FNV-1a hash: identifies functions, branches and fingerprints without keeping their text.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    mutating func add(_ bytes: ByteSpan) {
        for index in 0..<bytes.count { add(bytes[index]) }
    }

    /// Adds the UTF-8 bytes of `text`, then a 0 byte that separates it from what follows.
    mutating func add(field text: String) {
        for byte in text.utf8 { add(byte) }
        add(0)
    }

    static func hash(_ bytes: ByteSpan) -> UInt64 {
        var hasher = FNV1a()
        hasher.add(bytes)
        return hasher.value
    }

    /// The hash as 11 characters of the URL-safe base64 alphabet: short enough for a Swift string to keep inline,
    /// without a heap allocation.
    var compactText: String {
        String(unsafeUninitializedCapacity: 11) { buffer in
            var remaining = value
            for index in 0..<11 {
                buffer[index] = Self.alphabet[Int(remaining & 63)]
                remaining >>= 6
            }
            return 11
        }
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
}
