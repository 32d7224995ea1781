import Mustache

/// The named values of one context object (a page, a brief in a list, an entity link): what a
/// template's `{{name}}` finds. swift-mustache looks every tag's name up with dynamic casts on
/// `Any`; for a `[String: Any]` that was a conditional conformance and a hash of the name per
/// tag, per object of the section stack. A short list of names scanned in order costs less
/// (tens of names at most), and reads the same to a template, `enumerated(...)` and
/// `sorted(...)` included.
struct Fields: MustacheParent, MustacheTransformable, ExpressibleByDictionaryLiteral {
    private var names: [String]
    private var values: [Any]

    init(dictionaryLiteral elements: (String, Any)...) {
        names = elements.map(\.0)
        values = elements.map(\.1)
    }

    init(capacity: Int) {
        names = []; values = []
        names.reserveCapacity(capacity); values.reserveCapacity(capacity)
    }

    mutating func reserveCapacity(_ n: Int) {
        names.reserveCapacity(n); values.reserveCapacity(n)
    }

    private func index(of name: String) -> Int? {
        // Most names differ in length: compare lengths first (cheap for any String) and
        // characters only when they match.
        let length = name.utf8.count
        for i in names.indices where names[i].utf8.count == length && names[i] == name { return i }
        return nil
    }

    /// Setting a value replaces the one of that name, as a dictionary's subscript does.
    subscript(name: String) -> Any? {
        get { index(of: name).map { values[$0] } }
        set {
            if let i = index(of: name) {
                if let newValue { values[i] = newValue } else { names.remove(at: i); values.remove(at: i) }
            } else if let newValue {
                names.append(name); values.append(newValue)
            }
        }
    }

    /// A copy with one value more (or replaced), made with room for it: setting it on a copy of
    /// shared Fields copied both lists, then grew them again.
    func with(_ name: String, _ value: Any) -> Fields {
        var copy = Fields(capacity: names.count + 1)
        copy.names += names; copy.values += values
        copy[name] = value
        return copy
    }

    /// Adds or replaces each of `other`'s values.
    mutating func merge(_ other: Fields) {
        for (name, value) in zip(other.names, other.values) { self[name] = value }
    }

    var count: Int { names.count }

    func child(named name: String) -> Any? { self[name] }

    /// What a dictionary of the same values gives (`count`, `empty`, `enumerated`, `sorted`).
    func transform(_ name: String) -> Any? {
        Dictionary(zip(names, values), uniquingKeysWith: { _, last in last }).transform(name)
    }
}

/// Contexts are made of Strings, Ints, Bools and lists of further `Fields`, never changed once
/// made: shared between the rendering threads (`ContextItems`, `Chrome`) they are only read.
extension Fields: @unchecked Sendable {}
