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

    /// Which file: a file system and an inode.
    struct Identity: Equatable {
        var device: UInt64; var inode: UInt64
        init(_ st: stat) { device = UInt64(st.st_dev); inode = UInt64(st.st_ino) }
    }

    /// A file as `stat` sees it: enough to tell that it is not the file a build recorded (`KeptPages`).
    struct Stamp: Equatable {
        var inode: Int, size: Int, seconds: Int, nanoseconds: Int

        init(_ st: stat) {
            inode = Int(st.st_ino); size = Int(st.st_size)
            seconds = Int(st.st_mtim.tv_sec); nanoseconds = Int(st.st_mtim.tv_nsec)
        }

        /// The regular file at `path`, never through a symbolic link; nil for anything else.
        init?(_ path: String) {
            var st = stat()
            guard lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
            self.init(st)
        }

        init(inode: Int, size: Int, seconds: Int, nanoseconds: Int) {
            self.inode = inode; self.size = size; self.seconds = seconds; self.nanoseconds = nanoseconds
        }
    }

    /// Makes `path` (in a staging tree) hold `bytes`. When `current` (the same page in Output)
    /// already holds them, its file is hard-linked in: nothing is written and the file keeps its
    /// time. Other bytes go into a new file renamed into place, so a file that Output shares with
    /// the staging tree is never written in place. Whatever was at `path` (a stale file, a
    /// symbolic link, a folder) is replaced, never followed. Returns whether bytes were written,
    /// and the stamp of the file now at `path`, which it keeps when the tree becomes Output (so
    /// the build records its pages' stamps without a stat of each at its end).
    /// `current` nil: Output has no such file (there was no Output), so there is nothing to share.
    static func place(_ path: String, _ bytes: [UInt8], current: String?) throws -> (written: Bool, stamp: Stamp) {
        if let current, let kept = status(of: current, ifItHolds: bytes),
           try share(current, at: path, kept: Identity(kept), occupant: status(path)) {
            return (false, Stamp(kept))
        }
        // Not looked at first: the exclusive create fails on anything at `path` (a dangling
        // link too), and then goes through a temporary name. An lstat per page saved in a fresh tree.
        return (true, try create(path, bytes, occupied: false))
    }

    /// Makes `path` (in a staging tree) Output's file `current`, whatever its bytes, by a hard
    /// link (see `place`), and returns its stamp; nil when `current` is not a regular file or
    /// cannot be linked.
    static func keep(_ path: String, current: String) -> Stamp? {
        guard let st = status(current), st.st_mode & S_IFMT == S_IFREG,
              (try? share(current, at: path, kept: Identity(st), occupant: status(path))) == true else { return nil }
        return Stamp(st)
    }

    /// Makes `path` the file `current` (whose identity is `kept`) unless it is already;
    /// `occupant` is what `path` holds now. False when the link cannot be made.
    private static func share(_ current: String, at path: String, kept: Identity, occupant: stat?) throws -> Bool {
        if let st = occupant, st.st_mode & S_IFMT == S_IFREG, Identity(st) == kept {
            return true   // the staging tree already shares Output's file
        }
        return try link(current, at: path, expecting: kept, occupied: occupant != nil)
    }

    /// `lstat` of `path`, nil when there is nothing there.
    private static func status(_ path: String) -> stat? {
        var st = stat()
        return lstat(path, &st) == 0 ? st : nil
    }

    /// The status of the regular file at `path` when it holds exactly `bytes`, else nil.
    /// Read in pieces into one buffer per thread: a buffer per file, as large as the file, made
    /// the allocator grow and shrink its heaps for every page.
    static func status(of path: String, ifItHolds bytes: [UInt8]) -> stat? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, Int(st.st_size) == bytes.count else { return nil }
        let piece = 1 << 16
        return withUnsafeTemporaryAllocation(byteCount: piece, alignment: 16) { buffer -> stat? in
            bytes.withUnsafeBytes { want -> stat? in
                var done = 0
                while done < want.count {
                    let n = Foundation.read(fd, buffer.baseAddress!, min(piece, want.count - done))
                    if n < 0, errno == EINTR { continue }
                    if n <= 0 { return nil }
                    if memcmp(buffer.baseAddress!, want.baseAddress! + done, n) != 0 { return nil }
                    done += n
                }
                return st
            }
        }
    }

    /// The bytes of the regular file at `path`, read straight into one array with plain system
    /// calls (no `Data` to copy from: archive.json is tens of megabytes at scale, and a build
    /// reads tens of thousands of articles), never through a symbolic link.
    static func read(_ path: String) -> Result<[UInt8], Failure> {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return .failure(Failure(path: path, call: "open", code: errno)) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(Failure(path: path, call: "fstat", code: errno)) }
        guard st.st_mode & S_IFMT == S_IFREG else { return .failure(Failure(path: path, call: "open", code: EISDIR)) }
        let size = Int(st.st_size)
        var code: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let n = Foundation.read(fd, buffer.baseAddress! + count, size - count)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { code = n < 0 ? errno : EIO; return }   // EIO: the file shrank while read
                count += n
            }
        }
        return code == 0 ? .success(bytes) : .failure(Failure(path: path, call: "read", code: code))
    }

    /// Hard-links `source` at `path`; false when the system will not (another file system, a
    /// file that changed under us), so the caller writes the bytes instead.
    private static func link(_ source: String, at path: String, expecting kept: Identity, occupied: Bool) throws -> Bool {
        let target = occupied ? temporary(path) : path
        var made = Foundation.link(source, target) == 0
        if !made, errno == EEXIST { unlink(target); made = Foundation.link(source, target) == 0 }
        guard made else { return false }
        var st = stat()
        guard lstat(target, &st) == 0, Identity(st) == kept else {
            unlink(target)
            return false
        }
        if occupied { try rename(target, over: path) }
        return true
    }

    /// Writes `bytes` to a new file at `path` (through a temporary name when something is there),
    /// and returns its stamp once written.
    private static func create(_ path: String, _ bytes: [UInt8], occupied: Bool) throws -> Stamp {
        let target = occupied ? temporary(path) : path
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC
        var fd = open(target, flags, 0o644)
        if fd < 0, errno == EEXIST {
            if !occupied { return try create(path, bytes, occupied: true) }
            unlink(target)   // left by a killed build
            fd = open(target, flags, 0o644)
        }
        guard fd >= 0 else { throw Failure(path: target, call: "open", code: errno) }
        var st = stat()
        do {
            try writeAll(fd, bytes, path: target)
            guard fstat(fd, &st) == 0 else { throw Failure(path: target, call: "fstat", code: errno) }
            close(fd)
        } catch {
            close(fd)
            unlink(target)
            throw error
        }
        if occupied { try rename(target, over: path) }
        return Stamp(st)
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
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

    /// Renames `temporary` over `path`; a folder in the way is removed first.
    private static func rename(_ temporary: String, over path: String) throws {
        if Foundation.rename(temporary, path) == 0 {
            // Two names of one file: rename does nothing, so drop the temporary name.
            var st = stat()
            if lstat(temporary, &st) == 0 { unlink(temporary) }
            return
        }
        let code = errno
        guard code == EISDIR || code == ENOTEMPTY || code == EEXIST else {
            unlink(temporary)
            throw Failure(path: path, call: "rename", code: code)
        }
        try? FileManager.default.removeItem(atPath: path)
        guard Foundation.rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw Failure(path: path, call: "rename", code: code)
        }
    }

    /// The name a file is made under before it replaces `path`: hidden, beside it, never a page
    /// (the staging tree is pruned of anything that is not a page before it is swapped in), and
    /// the writing thread's own, so two pages with one path never share a temporary file.
    private static func temporary(_ path: String) -> String {
        let mark = ".brief-new-\(pthread_self())"
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return ".\(path)\(mark)" }
        return "\(path[...slash]).\(path[path.index(after: slash)...])\(mark)"
    }
}
