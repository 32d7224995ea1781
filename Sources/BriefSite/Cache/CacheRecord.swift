/// A flat binary record for the build cache: lengths and bytes, no field names.
/// Hand-written because Foundation's JSON and property-list coders take longer to decode the
/// cached articles of a large archive than ingest takes to make them again.
/// A cache file is only ever read by the same brief binary that wrote it (`BuildCache.identity`),
/// so the layout needs no versioning; a short or corrupt record decodes as nil and is rebuilt.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    /// The record `write` makes.
    static func record(_ write: (inout CacheWriter) -> Void) -> ArraySlice<UInt8> {
        var w = CacheWriter()
        write(&w)
        return w.bytes[...]
    }

    mutating func int(_ v: Int) {
        var u = UInt64(bitPattern: Int64(v))
        // LEB128: small numbers (lengths, dates) take one or two bytes.
        while u >= 0x80 { bytes.append(UInt8(u & 0x7F) | 0x80); u >>= 7 }
        bytes.append(UInt8(u))
    }

    mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { buffer in
            int(buffer.count)
            bytes.append(contentsOf: buffer)
        }
    }

    mutating func optional<T>(_ v: T?, _ write: (inout CacheWriter, T) -> Void) {
        if let v { bool(true); write(&self, v) } else { bool(false) }
    }

    mutating func string(_ s: String?) { optional(s) { $0.string($1) } }

    mutating func strings(_ list: [String]) {
        int(list.count)
        for s in list { string(s) }
    }

    mutating func array<T>(_ list: [T], _ write: (inout CacheWriter, T) -> Void) {
        int(list.count)
        for v in list { write(&self, v) }
    }

    mutating func raw(_ b: [UInt8]) { int(b.count); bytes.append(contentsOf: b) }
}

struct CacheReader {
    private let bytes: [UInt8]
    private(set) var offset: Int
    /// Set by the first read past the end or of a malformed value; every later read returns a default.
    private(set) var failed = false

    init(_ bytes: [UInt8], offset: Int = 0) { self.bytes = bytes; self.offset = offset }

    var atEnd: Bool { offset >= bytes.count }

    mutating func int() -> Int {
        var v: UInt64 = 0, shift: UInt64 = 0
        while offset < bytes.count, shift < 64 {
            let b = bytes[offset]; offset += 1
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return Int(Int64(bitPattern: v)) }
            shift += 7
        }
        failed = true
        return 0
    }

    mutating func bool() -> Bool {
        guard offset < bytes.count else { failed = true; return false }
        offset += 1
        return bytes[offset - 1] != 0
    }

    mutating func count() -> Int {
        let n = int()
        guard n >= 0, n <= bytes.count - offset else { failed = true; return 0 }
        return n
    }

    mutating func string() -> String {
        let n = count()
        defer { offset += n }
        return bytes.withUnsafeBufferPointer { String(decoding: $0[offset..<offset + n], as: UTF8.self) }
    }

    mutating func optional<T>(_ read: (inout CacheReader) -> T) -> T? {
        bool() ? read(&self) : nil
    }

    mutating func optionalString() -> String? { optional { $0.string() } }

    mutating func strings() -> [String] { array { $0.string() } }

    mutating func array<T>(_ read: (inout CacheReader) -> T) -> [T] {
        let n = count()
        var list: [T] = []
        list.reserveCapacity(n)
        for _ in 0..<n where !failed { list.append(read(&self)) }
        return list
    }

    mutating func skip(_ n: Int) {
        guard n >= 0, n <= bytes.count - offset else { failed = true; return }
        offset += n
    }

    mutating func raw() -> [UInt8] {
        let n = count()
        defer { offset += n }
        return Array(bytes[offset..<offset + n])
    }
}
