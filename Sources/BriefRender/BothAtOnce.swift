import Dispatch

/// Two independent pieces of work made at once, on two cores, their results in order: for the
/// serial steps of rendering (`SiteIndex.init`) that would otherwise leave a core idle.
func bothAtOnce<A: Sendable, B: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
    nonisolated(unsafe) var first: A?
    nonisolated(unsafe) var second: B?
    DispatchQueue.concurrentPerform(iterations: 2) { i in
        if i == 0 { first = a() } else { second = b() }
    }
    return (first!, second!)
}
