/// A 128-bit hash of bytes for cache keys: two independent multiply-rotate lanes over 8-byte words.
/// Not cryptographic; it only has to tell an edited file from the one cached before, and reads
/// eight bytes per step because every build hashes every article (tens of megabytes).
public struct ContentHash: Hashable, Sendable {
    public private(set) var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    public private(set) var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    public init() {}

    public init(a: UInt64, b: UInt64) { self.a = a; self.b = b }

    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            mix(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n { tail |= UInt64(bytes[i]) << shift; shift += 8; i += 1 }
        // The length closes each field, so "ab"+"c" and "a"+"bc" differ.
        mix(tail ^ (UInt64(n) << 56) ^ 0xFF)
        mix(UInt64(n))
    }

    public mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBytes { add($0) } }

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    public mutating func add(_ other: ContentHash) { mix(other.a); mix(other.b) }

    /// A number as one word: keys made of many counts need no text for them.
    public mutating func add(_ number: Int) { mix(UInt64(bitPattern: Int64(number)) ^ 0x5555_0000_0000_0000) }

    private mutating func mix(_ w: UInt64) {
        a = ((a ^ w) &* 0x9FB2_1C65_1E98_DF25).rotatedLeft(29)
        b = ((b &+ w) &* 0xFF51_AFD7_ED55_8CCD) ^ (b >> 31)
    }

    /// 32 hex digits.
    public var hex: String {
        func h(_ v: UInt64) -> String { let s = String(v, radix: 16); return String(repeating: "0", count: 16 - s.count) + s }
        return h(a) + h(b)
    }

    public static func of(_ bytes: [UInt8]) -> ContentHash { var h = ContentHash(); h.add(bytes); return h }
    public static func of(_ bytes: UnsafeRawBufferPointer) -> ContentHash { var h = ContentHash(); h.add(bytes); return h }
}

private extension UInt64 {
    func rotatedLeft(_ k: UInt64) -> UInt64 { (self << k) | (self >> (64 - k)) }
}
