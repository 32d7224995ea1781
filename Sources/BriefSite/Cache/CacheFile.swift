import BriefModel
import Foundation

/// One file of the build cache: records keyed by content hash, written by one brief binary.
/// Reading it only indexes the records; each is decoded when a build asks for it.
struct CacheFile: Sendable {
    private static let magic = Array("brief-cache-1\n".utf8)

    let bytes: [UInt8]
    /// Key -> where its record lies in `bytes`.
    let records: [ContentHash: Range<Int>]

    static let empty = CacheFile(bytes: [], records: [:])

    /// The records of `url`, or none when it is missing, damaged or written by another brief.
    static func read(_ url: URL, identity: String) -> CacheFile {
        guard let bytes = try? FileBytes.read(url.path).get() else { return .empty }
        guard bytes.starts(with: magic) else { return .empty }
        var reader = CacheReader(bytes, offset: magic.count)
        guard reader.string() == identity else { return .empty }
        // A checksum of all records, so a damaged file is dropped instead of trusted.
        let sum = ContentHash(a: UInt64(bitPattern: Int64(reader.int())), b: UInt64(bitPattern: Int64(reader.int())))
        guard !reader.failed, bytes.withUnsafeBytes({ ContentHash.of(UnsafeRawBufferPointer(rebasing: $0[reader.offset...])) }) == sum
        else { return .empty }
        var records: [ContentHash: Range<Int>] = [:]
        let count = reader.count()
        records.reserveCapacity(count)
        for _ in 0..<count {
            let key = ContentHash(a: UInt64(bitPattern: Int64(reader.int())), b: UInt64(bitPattern: Int64(reader.int())))
            let length = reader.count()
            guard !reader.failed else { return .empty }
            records[key] = reader.offset..<reader.offset + length
            reader.skip(length)
        }
        return reader.failed ? .empty : CacheFile(bytes: bytes, records: records)
    }

    /// A reader at the record of `key`, if there is one.
    func record(_ key: ContentHash) -> CacheReader? {
        records[key].map { CacheReader(bytes, offset: $0.lowerBound) }
    }

    /// The record of `key` as stored, to carry it into the next cache file unchanged.
    func recordBytes(_ key: ContentHash) -> ArraySlice<UInt8>? {
        records[key].map { bytes[$0] }
    }

    /// The value stored under `key`, decoded by `read`, with its record as stored; nil when
    /// there is none or it does not decode (then the caller computes it again).
    func value<T>(_ key: ContentHash, _ read: (inout CacheReader) -> T) -> (value: T, record: ArraySlice<UInt8>)? {
        guard var reader = record(key) else { return nil }
        let value = read(&reader)
        guard !reader.failed, let stored = recordBytes(key) else { return nil }
        return (value, stored)
    }

    /// Writes the records through a temporary file and a rename, so a killed build leaves
    /// either the old cache or the new one. A cache that cannot be written is only a slower next build.
    static func write(_ records: [(key: ContentHash, record: ArraySlice<UInt8>)], to url: URL, identity: String) {
        var body = CacheWriter()
        body.int(records.count)
        var tail = body.bytes
        tail.reserveCapacity(tail.count + records.reduce(0) { $0 + $1.record.count + 24 })
        for (key, record) in records {
            var head = CacheWriter()
            head.int(Int(Int64(bitPattern: key.a))); head.int(Int(Int64(bitPattern: key.b))); head.int(record.count)
            tail += head.bytes
            tail += record
        }
        let sum = ContentHash.of(tail)
        var w = CacheWriter()
        w.string(identity)
        w.int(Int(Int64(bitPattern: sum.a))); w.int(Int(Int64(bitPattern: sum.b)))
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Head and records written one after the other, not joined first: at 50,000 articles
        // the records are 70 MB, and two more copies of them were the build's memory peak.
        let temporary = url.path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        let written = writeAll(fd, magic) && writeAll(fd, w.bytes) && writeAll(fd, tail)
        close(fd)
        if !written || rename(temporary, url.path) != 0 { unlink(temporary) }
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { return false }
                done += n
            }
            return true
        }
    }
}
