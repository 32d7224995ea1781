import Dispatch

/// Maps in parallel over all cores, keeping order.
public func parallelMap<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
    guard items.count > 1 else { return items.map(transform) }
    // Each result is made in its place in the array: collecting them from a buffer of optionals
    // copied every result once more (a retain each), on one core after the others finished.
    return Array(unsafeUninitializedCapacity: items.count) { buffer, count in
        nonisolated(unsafe) let slots = buffer.baseAddress!
        DispatchQueue.concurrentPerform(iterations: items.count) { i in (slots + i).initialize(to: transform(items[i])) }
        count = items.count
    }
}

/// Runs two independent pieces of work at once, one per core, and returns both results: for
/// serial steps that would otherwise leave a core idle.
public func inParallel<A: Sendable, B: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
    nonisolated(unsafe) var first: A?
    nonisolated(unsafe) var second: B?
    DispatchQueue.concurrentPerform(iterations: 2) { i in
        if i == 0 { first = a() } else { second = b() }
    }
    return (first!, second!)
}

/// `0..<count` cut into consecutive ranges of `size` indices (the last one shorter): the pieces
/// of work a stage hands to `parallelMap`, each stage choosing its size.
public func indexRanges(_ count: Int, size: Int) -> [Range<Int>] {
    stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
}
