import Foundation

/// Hands the memory that earlier stages freed back to the system before rendering, where the
/// build's memory peaks: glibc keeps freed memory in its heaps, and rendering's allocations
/// (other sizes, other threads) reuse little of it. At 50k articles about 170 MB.
enum FreedMemory {
    static func release() {
        #if os(Linux)
        // Looked up at run time: `malloc_trim` is glibc's, not every C library has it.
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        typealias Trim = @convention(c) (Int) -> Int32
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }
}
