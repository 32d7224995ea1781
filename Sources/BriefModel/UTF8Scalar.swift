/// Decoding one scalar of valid UTF-8 (a String's bytes): ingest, merge's word scanner and the
/// entity tokenizer walk text as bytes and decode only where a byte is not ASCII.
public enum UTF8Scalar {
    /// The scalar starting at byte `i`, and its length in bytes.
    @inlinable @inline(__always)
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        if b0 < 0xE0 { return (scalar((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)), 2) }
        if b0 < 0xF0 {
            return (scalar((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)), 3)
        }
        return (scalar((b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                       | UInt32(bytes[i + 3] & 0x3F)), 4)
    }

    /// A decoded value as a scalar; never invalid for valid UTF-8.
    @inlinable @inline(__always)
    static func scalar(_ value: UInt32) -> Unicode.Scalar { Unicode.Scalar(value) ?? "\u{FFFD}" }
}
