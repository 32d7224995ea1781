import Foundation

/// Whole-file reads and writes with plain system calls: a build compares and writes tens of
/// thousands of files, and Foundation's `Data` adds several calls and a copy to each.
enum FileBytes {
    struct Failure: Error, LocalizedError {
        var path: String
        var call: String
        var code: Int32
        var errorDescription: String? { "\(path): \(call) failed: \(String(cString: strerror(code)))" }
    }

    /// Makes the file at `path` hold exactly `bytes`, writing only when it holds something else.
    /// Returns whether it wrote. A symbolic link or other non-file in the way is replaced, never followed.
    static func update(_ path: String, to bytes: [UInt8]) throws -> Bool {
        var st = stat()
        if lstat(path, &st) == 0 {
            if st.st_mode & S_IFMT == S_IFREG {
                if Int(st.st_size) == bytes.count, holds(path, bytes) { return false }
            } else {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
        try write(path, bytes)
        return true
    }

    /// True when the file's bytes equal `bytes` (the caller has checked the size).
    private static func holds(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if bytes.isEmpty { return true }
        var buffer = [UInt8](repeating: 0, count: bytes.count)
        var done = 0
        while done < bytes.count {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, bytes.count - done) }
            if n <= 0 { return false }
            done += n
        }
        return buffer == bytes
    }

    static func write(_ path: String, _ bytes: [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(path: path, call: "open", code: errno) }
        defer { close(fd) }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + done, bytes.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, call: "write", code: errno)
            }
            done += n
        }
    }
}
