import Foundation

/// The order `JSONSerialization`'s `.sortedKeys` puts object keys in: Foundation's localized compare with
/// `.numeric, .caseInsensitive, .forcedOrdering` (ICU collation, digits by value, punctuation first).
/// Keeping it keeps `archive.json` and the search shards byte for byte what they were.
enum JSONKeyOrder {
    /// Whether `a` sorts before `b`. Keys of only `a`–`z` (most search terms) collate as their bytes do,
    /// so they skip Foundation; any other pair asks Foundation.
    static func ascending(_ a: String, _ b: String) -> Bool {
        if let order = lowercaseLetterOrder(a, b) { return order }
        return a.compare(b, options: [.numeric, .caseInsensitive, .forcedOrdering],
                         range: a.startIndex..<a.endIndex, locale: NSLocale.system) == .orderedAscending
    }

    static func sorted(_ keys: some Sequence<String>) -> [String] { keys.sorted(by: ascending) }

    /// Byte order when both keys are only `a`–`z`; nil otherwise.
    private static func lowercaseLetterOrder(_ a: String, _ b: String) -> Bool? {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y -> Bool? in
                guard isLowercaseLetters(x), isLowercaseLetters(y) else { return nil }
                let n = min(x.count, y.count)
                for i in 0..<n where x[i] != y[i] { return x[i] < y[i] }
                return x.count < y.count
            }
        }
    }

    private static func isLowercaseLetters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in bytes where b < UInt8(ascii: "a") || b > UInt8(ascii: "z") { return false }
        return true
    }
}
