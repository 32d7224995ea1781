import Dispatch

/// Maps in parallel over all cores, keeping order.
public func parallelMap<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
    guard items.count > 1 else { return items.map(transform) }
    let buffer = UnsafeMutableBufferPointer<U?>.allocate(capacity: items.count)
    buffer.initialize(repeating: nil)
    // Deinitialized before it is freed: deallocating alone kept every result alive for good.
    defer { buffer.deinitialize(); buffer.deallocate() }
    nonisolated(unsafe) let slots = buffer
    DispatchQueue.concurrentPerform(iterations: items.count) { i in slots[i] = transform(items[i]) }
    return buffer.map { $0! }
}
