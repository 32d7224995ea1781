/// FNV-1a, 64 bits, extended one byte at a time: merge's word scanner and the entity tokenizer
/// hash each word while they read (and lower) its bytes, with no buffer to hash afterwards.
public enum FNV1a {
    public static let basis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash `h` extended by byte `b`.
    @inlinable @inline(__always)
    public static func adding(_ h: UInt64, _ b: UInt8) -> UInt64 { (h ^ UInt64(b)) &* 0x100_0000_01b3 }
}
