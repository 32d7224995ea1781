import Foundation

/// Which context values a page's templates can read, found from the templates' tags. A value
/// nested in a list (an entity's mention count in a brief page's entity chips) can only be read
/// by a tag inside a section over that list, since Mustache looks names up only in the sections
/// a tag is in. `PageKeys` leaves out of a page's key what its templates cannot read, so that one
/// new article, which changes the counts of a few much-mentioned entities, does not make every
/// page that lists those entities again.
///
/// When in doubt it answers yes: a template that changes its delimiters, a partial that includes
/// itself or one named by a value (`{{>*kind}}`) reads everything, and inside `sorted(...)` or
/// `enumerated(...)` (a dictionary's values as a list) every list counts as entered.
struct TemplateReads: Sendable {
    private enum Kind { case variable, section, close, partial, parent, block, other }
    /// A tag; `end` is the index of the close tag of a section, parent or block.
    private struct Tag { var kind: Kind; var names: [String]; var end = 0 }
    /// Tags `range` of `template`: the content of a block a page overrides.
    private struct Region: Hashable { var template: String; var range: Range<Int> }
    /// A block override in effect, by the block's name.
    private typealias Override = (name: String, region: Region)

    /// Template name -> its tags, in order; nil for a template that could not be scanned.
    private let tags: [String: [Tag]?]

    init(files: [String: String]) {
        tags = files.mapValues(TemplateReads.scan)
    }

    /// Whether `template`, with the partials and parents it includes, has a tag reading one of
    /// `names` inside a section over one of `sections` (anywhere, when `sections` is empty).
    func reads(_ names: Set<String>, inside sections: Set<String>, from template: String) -> Bool {
        var walk = Walk(reads: self, names: names, sections: sections)
        return walk.enter(template, stack: [], overrides: [])
    }

    /// Transforms that make a dictionary a list of its keys and values: `{{#value}}` inside one
    /// is a section over any of the dictionary's lists, whatever its name.
    private static let dictionaryTransforms: Set<String> = ["enumerated", "sorted"]

    private struct Walk {
        let reads: TemplateReads
        let names: Set<String>
        let sections: Set<String>
        /// Templates being walked (through partials and parents) and overrides being expanded:
        /// met again, they recur without end, and the answer is yes.
        var visiting: Set<String> = []
        var expanding: Set<Region> = []

        init(reads: TemplateReads, names: Set<String>, sections: Set<String>) {
            self.reads = reads; self.names = names; self.sections = sections
        }

        /// A template included at `stack` (a partial, or a parent given `overrides`).
        mutating func enter(_ template: String, stack: [String], overrides: [Override]) -> Bool {
            // `{{>*name}}` and `{{<*name}}` include the template a value names: any of them.
            guard !template.hasPrefix("*") else { return true }
            guard let entry = reads.tags[template] else { return false }   // a missing template renders nothing
            guard let list = entry, visiting.insert(template).inserted else { return true }
            defer { visiting.remove(template) }
            return walk(Region(template: template, range: list.indices), stack: stack, overrides: overrides)
        }

        /// Overrides are those of the pages around: Mustache renders a page's block wherever a
        /// block of its name is expanded below the page's `{{<parent}}`, in the parent, its
        /// partials, its own parents, or the page's other overrides, with the context there.
        mutating func walk(_ region: Region, stack: [String], overrides: [Override]) -> Bool {
            guard let list = reads.tags[region.template] ?? nil else { return true }
            func matches(_ tagNames: [String]) -> Bool {
                // `{{.}}` names nothing and shows the whole value.
                guard tagNames.isEmpty || tagNames.contains(where: names.contains) else { return false }
                return sections.isEmpty || stack.contains(where: sections.contains) || tagNames.contains(where: sections.contains)
            }
            var i = region.range.lowerBound
            while i < region.range.upperBound {
                let tag = list[i]
                // What a section, parent or block encloses.
                var inside: Region { Region(template: region.template, range: i + 1..<tag.end) }
                switch tag.kind {
                case .variable:
                    if matches(tag.names) { return true }
                case .section:
                    if matches(tag.names) { return true }
                    var within = stack + tag.names
                    if tag.names.contains(where: TemplateReads.dictionaryTransforms.contains) { within += sections }
                    if walk(inside, stack: within, overrides: overrides) { return true }
                    i = tag.end
                case .partial:
                    if enter(tag.names.first ?? "", stack: stack, overrides: overrides) { return true }
                case .parent:
                    var given = overrides
                    var j = inside.range.lowerBound
                    while j < inside.range.upperBound {
                        if list[j].kind == .block {
                            given.append((list[j].names.first ?? "", Region(template: region.template, range: j + 1..<list[j].end)))
                            j = list[j].end
                        }
                        j += 1
                    }
                    if enter(tag.names.first ?? "", stack: stack, overrides: given) { return true }
                    i = tag.end
                case .block:
                    // Its default, and every override of its name (the outermost is rendered).
                    for o in overrides where o.name == tag.names.first {
                        guard expanding.insert(o.region).inserted else { return true }
                        defer { expanding.remove(o.region) }
                        if walk(o.region, stack: stack, overrides: overrides) { return true }
                    }
                    if walk(inside, stack: stack, overrides: overrides) { return true }
                    i = tag.end
                case .close, .other:
                    break
                }
                i += 1
            }
            return false
        }
    }

    /// The tags of a template; nil when it changes its delimiters (then its tags are unknown).
    private static func scan(_ text: String) -> [Tag]? {
        let b = Array(text.utf8)
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var found: [Tag] = []
        var opened: [Int] = []   // sections, parents and blocks not yet closed
        var i = 0
        while i + 1 < b.count {
            guard b[i] == open, b[i + 1] == open else { i += 1; continue }
            var start = i + 2
            let triple = start < b.count && b[start] == open
            if triple { start += 1 }
            var end = start
            while end + 1 < b.count, !(b[end] == close && b[end + 1] == close) { end += 1 }
            guard end + 1 < b.count else { break }
            var body = b[start..<end]
            i = end + 2 + (triple && end + 2 < b.count && b[end + 2] == close ? 1 : 0)
            while let f = body.first, f == UInt8(ascii: " ") { body = body.dropFirst() }
            var kind = Kind.variable
            if !triple, let sigil = body.first {
                switch sigil {
                case UInt8(ascii: "#"), UInt8(ascii: "^"): kind = .section
                case UInt8(ascii: "/"): kind = .close
                case UInt8(ascii: ">"): kind = .partial
                case UInt8(ascii: "<"): kind = .parent
                case UInt8(ascii: "$"): kind = .block
                case UInt8(ascii: "!"), UInt8(ascii: "%"): kind = .other
                case UInt8(ascii: "="): return nil
                case UInt8(ascii: "&"): kind = .variable
                default: break
                }
                if kind != .variable || sigil == UInt8(ascii: "&") { body = body.dropFirst() }
            }
            if kind == .partial || kind == .parent || kind == .block {
                // A template's or a block's name, as written (`{{<*name}}` keeps its `*`).
                let name = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                found.append(Tag(kind: kind, names: [name]))
            } else {
                found.append(Tag(kind: kind, names: identifiers(body)))
            }
            switch kind {
            case .section, .parent, .block: opened.append(found.count - 1)
            case .close: if let o = opened.popLast() { found[o].end = found.count - 1 }
            default: break
            }
        }
        // An unclosed tag (the parser refuses it) runs to the end.
        for o in opened { found[o].end = found.count }
        return found
    }

    /// The words of a tag: `a.b` is `a`, `b`; a transform `first(list)` is `first`, `list`.
    private static func identifiers(_ body: ArraySlice<UInt8>) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        for c in body {
            let isWordByte = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
                || c == UInt8(ascii: "_") || c == UInt8(ascii: "-") || c >= 0x80
            if isWordByte { word.append(c) } else if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)); word = [] }
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }
}
