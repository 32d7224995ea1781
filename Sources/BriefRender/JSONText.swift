import Foundation

/// JSON written straight into bytes, laid out exactly as Foundation's `JSONSerialization` lays it out
/// with `.withoutEscapingSlashes` (and `.prettyPrinted` when `pretty`): the archive's JSON files were
/// made that way first, and boxing every value into `[String: Any]` for it cost more than the rest of
/// the file's work. Callers write object keys in `JSONKeyOrder` (what `.sortedKeys` gave).
struct JSONText {
    private(set) var bytes: [UInt8] = []
    let pretty: Bool
    private var depth = 0
    /// True right after a container opened: the next key or item needs no comma.
    private var first = true

    init(pretty: Bool, capacity: Int = 4096) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts an object member; its value follows.
    mutating func key(_ name: String) {
        separate()
        string(name)
        if pretty { bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20]) } else { bytes.append(UInt8(ascii: ":")) }
    }

    /// Starts an array element; its value follows.
    mutating func item() { separate() }

    mutating func null() { bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

    mutating func int(_ value: Int) {
        if value >= 0 && value < 10 { bytes.append(UInt8(ascii: "0") + UInt8(value)); return }
        guard value > 0 else { bytes.append(contentsOf: String(value).utf8); return }
        // Digits written in place, last first (the search shards are mostly doc numbers: a String
        // per number was made only to be copied).
        var count = 1, rest = value
        while rest >= 10 { rest /= 10; count += 1 }
        let end = bytes.count + count
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
        rest = value
        bytes.withUnsafeMutableBufferPointer { digits in
            var i = end
            while rest > 0 { i -= 1; digits[i] = UInt8(ascii: "0") + UInt8(rest % 10); rest /= 10 }
        }
    }

    mutating func string(_ value: String?) {
        guard let value else { return null() }
        string(value)
    }

    /// A quoted string, escaped as `JSONSerialization` escapes: `"` and `\`, and the C0 controls
    /// (`\b \f \n \r \t`, others as lowercase `\u00xx`); everything else is copied as UTF-8.
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            for i in 0..<utf8.count {
                let b = utf8[i]
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
                runStart = i + 1
                switch b {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
                case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
                case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                default:
                    bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                              JSONText.hexDigits[Int(b >> 4)], JSONText.hexDigits[Int(b & 0xF)]])
                }
            }
            if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// An array of strings.
    mutating func strings(_ values: [String]) {
        beginArray()
        for v in values { item(); string(v) }
        endArray()
    }

    /// An array of integers.
    mutating func ints<C: Collection<Int>>(_ values: C) {
        beginArray()
        for v in values { item(); int(v) }
        endArray()
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        if pretty { bytes.append(0x0A); depth += 1 }
        first = true
    }

    private mutating func close(_ bracket: UInt8) {
        if pretty { bytes.append(0x0A); depth -= 1; indent() }
        bytes.append(bracket)
        first = false
    }

    private mutating func separate() {
        if !first {
            bytes.append(UInt8(ascii: ","))
            if pretty { bytes.append(0x0A) }
        }
        if pretty { indent() }
        first = false
    }

    private mutating func indent() {
        bytes.append(contentsOf: repeatElement(0x20, count: depth * 2))
    }
}
