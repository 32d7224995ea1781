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

/// The arrays of `lists` joined in order, copied on all cores: a struct of many references
/// (an `Article`) costs a retain per reference to copy, ~20 ms on one core at 10,000 articles.
public func parallelJoined<T: Sendable>(_ lists: [[T]]) -> [T] {
    var total = 0
    let starts = lists.map { list in defer { total += list.count }; return total }
    return Array(unsafeUninitializedCapacity: total) { buffer, count in
        guard total > 0 else { count = 0; return }
        nonisolated(unsafe) let base = buffer.baseAddress!
        let ranges = indexRanges(lists.count, size: 512)
        DispatchQueue.concurrentPerform(iterations: ranges.count) { r in
            for i in ranges[r] {
                lists[i].withUnsafeBufferPointer { items in
                    if let first = items.baseAddress { (base + starts[i]).initialize(from: first, count: items.count) }
                }
            }
        }
        count = total
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
