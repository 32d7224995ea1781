/// Items grouped by bucket number (`0..<count`), each bucket keeping its items' order: a stable
/// counting sort, one pass to count and one to place, for groupings too large to sort (a search
/// term's docs, a straggler story's links). Bucket `b` is `self[b]`.
public struct Buckets<Value> {
    /// Every item's value, bucket after bucket.
    public let values: [Value]
    /// Where each bucket starts in `values`, and the end after the last.
    public let starts: [Int]

    /// `bucket` gives an item's bucket, `value` what is kept of it.
    @inlinable
    public init<Item>(_ items: [Item], count: Int, bucket: (Item) -> Int, value: (Item) -> Value) {
        var starts = [Int](repeating: 0, count: count + 1)
        for item in items { starts[bucket(item) + 1] += 1 }
        for b in 0..<count { starts[b + 1] += starts[b] }
        var next = starts
        values = [Value](unsafeUninitializedCapacity: items.count) { out, placed in
            for item in items {
                let b = bucket(item)
                (out.baseAddress! + next[b]).initialize(to: value(item))
                next[b] += 1
            }
            placed = items.count
        }
        self.starts = starts
    }

    @inlinable
    public subscript(_ b: Int) -> ArraySlice<Value> { values[starts[b]..<starts[b + 1]] }
}
