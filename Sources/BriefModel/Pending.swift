import Dispatch

/// A value made on another thread while the caller does other work; `value` and `take` wait for it.
/// For serial steps whose result is needed only later (the last build's cache at the start of
/// a forced build, the entity result's cache record), which would otherwise leave a core idle.
public final class Pending<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    private var made: Value?

    public init(_ work: @escaping @Sendable () -> Value) {
        done.enter()
        DispatchQueue.global().async {
            self.made = work()
            self.done.leave()
        }
    }

    /// Waits for the value.
    public var value: Value {
        done.wait()
        return made!
    }

    /// Waits for the value and hands it over: kept here too, it would outlive the caller's copy.
    public func take() -> Value {
        done.wait()
        defer { made = nil }
        return made!
    }
}
