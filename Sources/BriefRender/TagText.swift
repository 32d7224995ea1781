import Mustache

/// A text or number as a tag shows it. swift-mustache shows a `String` or an `Int` only after
/// failing three more casts (custom rendering, lambda, optional) and going through
/// `String(describing:)`; a value that renders itself is shown after one. Transforms
/// (`uppercased(title)`, `plusone(count)`) and sections work on it as on the String or Int it
/// stands for.
struct TagText: MustacheCustomRenderable, MustacheTransformable {
    let renderText: String
    /// The number it shows, when it shows one.
    let number: Int?

    init(_ text: String) { renderText = text; number = nil }
    init(_ number: Int) { renderText = String(number); self.number = number }

    var isNull: Bool { false }

    func transform(_ name: String) -> Any? {
        if let number { return number.transform(name) }
        return renderText.transform(name)
    }
}
