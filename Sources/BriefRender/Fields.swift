import Mustache

/// The named values of one context object (a page, a brief in a list, an entity link): what a
/// template's `{{name}}` finds. swift-mustache looks every tag's name up with dynamic casts on
/// `Any`; for a `[String: Any]` that was a conditional conformance and a hash of the name per
/// tag, per object of the section stack. A short list of names scanned in order costs less
/// (tens of names at most), and reads the same to a template, `enumerated(...)` and
/// `sorted(...)` included.
struct Fields: MustacheParent, MustacheTransformable, ExpressibleByDictionaryLiteral {
    /// One array (one reference to count when a context is copied onto swift-mustache's stack).
    private var entries: [(name: String, value: Any)]

    init(dictionaryLiteral elements: (String, Any)...) {
        entries = elements.map { (name: $0.0, value: $0.1) }
    }

    init(capacity: Int) {
        entries = []
        entries.reserveCapacity(capacity)
    }

    mutating func reserveCapacity(_ n: Int) { entries.reserveCapacity(n) }

    private func index(of name: String) -> Int? {
        // Most names differ in length: compare lengths first (cheap for any String) and
        // characters only when they match.
        let length = name.utf8.count
        return entries.firstIndex { $0.name.utf8.count == length && $0.name == name }
    }

    /// Setting a value replaces the one of that name, as a dictionary's subscript does.
    subscript(name: String) -> Any? {
        get { index(of: name).map { entries[$0].value } }
        set {
            if let i = index(of: name) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append((name, newValue))
            }
        }
    }

    /// Adds or replaces each of `other`'s values.
    mutating func merge(_ other: Fields) {
        for (name, value) in other.entries { self[name] = value }
    }

    var count: Int { entries.count }

    func child(named name: String) -> Any? { self[name] }

    /// What a dictionary of the same values gives (`count`, `empty`, `enumerated`, `sorted`).
    func transform(_ name: String) -> Any? {
        Dictionary(entries.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last }).transform(name)
    }
}

/// Contexts are made of Strings, Ints, Bools and lists of further `Fields`, never changed once
/// made: shared between the rendering threads (`ContextItems`, `Chrome`) they are only read.
extension Fields: @unchecked Sendable {}
