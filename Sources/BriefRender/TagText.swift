import Mustache

/// A text or number as a tag shows it. swift-mustache shows a `String` or an `Int` only after
/// failing three more casts (custom rendering, lambda, optional) and going through
/// `String(describing:)`; a value that renders itself is shown after one. Transforms
/// (`uppercased(title)`, `plusone(count)`) and sections work on it as on the String or Int it
/// stands for.
///
/// Its 17 bytes fit in an `Any`'s inline buffer (24 bytes), so a context's values need no box
/// each: keeping the number itself (`Int?`, 25 bytes in all) allocated one per value.
struct TagText: MustacheCustomRenderable, MustacheTransformable {
    let renderText: String
    /// Whether it shows a number (`String(number)`, read back when a transform asks).
    private let isNumber: Bool

    init(_ text: String) { renderText = text; isNumber = false }
    init(_ number: Int) { renderText = String(number); isNumber = true }

    /// The number it shows, when it shows one.
    var number: Int? { isNumber ? Int(renderText) : nil }

    var isNull: Bool { false }

    func transform(_ name: String) -> Any? {
        if let number { return number.transform(name) }
        return renderText.transform(name)
    }
}
