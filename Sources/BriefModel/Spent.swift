import Dispatch

/// Large values of a build that are no longer needed, freed on another core while this one goes
/// on: freeing the nodes of 10,000 texts, a site index or a whole archive is tens of milliseconds
/// of releases.
public final class Spent<Value>: @unchecked Sendable {
    private var held: Value?
    public init(_ value: consuming Value) { held = value }

    /// The value, until it is freed.
    public var value: Value { held! }

    /// Does `work` while the value (whose last reference this is) is freed on another thread. Not
    /// one item of a `parallelMap`: work inside that would find its own `parallelMap`s run serially.
    public func freed<T>(while work: () -> T) -> T {
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { self.held = nil }
        let result = work()
        group.wait()
        return result
    }

    /// Frees the value on another thread without waiting: at the end of a build, whose caller
    /// prints its summary (or `brief serve` waits for the next change) meanwhile.
    public func free() {
        DispatchQueue.global().async { self.held = nil }
    }
}
