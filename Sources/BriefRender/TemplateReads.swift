import Foundation

/// Which context values a page's templates can read, found from the templates' tags. A value
/// nested in a list (an entity's mention count in a brief page's entity chips) can only be read
/// by a tag inside a section over that list, since Mustache looks names up only in the sections
/// a tag is in. `PageKeys` leaves out of a page's key what its templates cannot read, so that one
/// new article, which changes the counts of a few much-mentioned entities, does not make every
/// page that lists those entities again.
///
/// When in doubt it answers yes: a template that changes its delimiters, or a partial that
/// includes itself, reads everything.
struct TemplateReads: Sendable {
    private enum Kind { case variable, section, close, partial, parent, block, other }
    private struct Tag { var kind: Kind; var names: [String] }

    /// Template name -> its tags, in order; nil for a template that could not be scanned.
    private let tags: [String: [Tag]?]

    init(files: [String: String]) {
        tags = files.mapValues(TemplateReads.scan)
    }

    /// Whether `template`, with the partials and parents it includes, has a tag reading one of
    /// `names` inside a section over one of `sections` (anywhere, when `sections` is empty).
    func reads(_ names: Set<String>, inside sections: Set<String>, from template: String) -> Bool {
        var visiting: Set<String> = []
        return walk(template, stack: [], names: names, sections: sections, visiting: &visiting)
    }

    private func walk(_ template: String, stack: [String], names: Set<String>, sections: Set<String>,
                      visiting: inout Set<String>) -> Bool {
        guard let entry = tags[template] else { return false }   // a missing template renders nothing
        guard let list = entry, visiting.insert(template).inserted else { return true }
        defer { visiting.remove(template) }
        var stack = stack
        var pushed: [Int] = []
        func matches(_ tagNames: [String]) -> Bool {
            // `{{.}}` names nothing and shows the whole value.
            guard tagNames.isEmpty || tagNames.contains(where: names.contains) else { return false }
            return sections.isEmpty || stack.contains(where: sections.contains) || tagNames.contains(where: sections.contains)
        }
        for tag in list {
            switch tag.kind {
            case .variable:
                if matches(tag.names) { return true }
            case .section:
                if matches(tag.names) { return true }
                stack += tag.names
                pushed.append(tag.names.count)
            case .close:
                let n = pushed.popLast() ?? 0
                stack.removeLast(min(n, stack.count))
            case .partial:
                if walk(tag.names.first ?? "", stack: stack, names: names, sections: sections, visiting: &visiting) { return true }
            case .parent:
                let parent = tag.names.first ?? ""
                if walk(parent, stack: stack, names: names, sections: sections, visiting: &visiting) { return true }
                // The blocks given to the parent are rendered inside the parent's sections around them.
                let around = blockSections(parent, visiting: [])
                guard let around else { return true }
                stack += around
                pushed.append(around.count)
            case .block:
                pushed.append(0)
            case .other:
                break
            }
        }
        return false
    }

    /// Every section name around a block of `template` (or of its parents); nil when unknown.
    private func blockSections(_ template: String, visiting: Set<String>) -> [String]? {
        guard let entry = tags[template] else { return [] }
        guard let list = entry, !visiting.contains(template) else { return nil }
        var found: Set<String> = []
        var stack: [String] = []
        var pushed: [Int] = []
        for tag in list {
            switch tag.kind {
            case .section: stack += tag.names; pushed.append(tag.names.count)
            case .close: let n = pushed.popLast() ?? 0; stack.removeLast(min(n, stack.count))
            case .block: found.formUnion(stack); pushed.append(0)
            case .parent:
                guard let above = blockSections(tag.names.first ?? "", visiting: visiting.union([template])) else { return nil }
                found.formUnion(above); pushed.append(0)
            default: break
            }
        }
        return found.sorted()
    }

    /// The tags of a template; nil when it changes its delimiters (then its tags are unknown).
    private static func scan(_ text: String) -> [Tag]? {
        let b = Array(text.utf8)
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var found: [Tag] = []
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
            if kind == .partial || kind == .parent {
                let name = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                found.append(Tag(kind: kind, names: [name]))
            } else {
                found.append(Tag(kind: kind, names: identifiers(body)))
            }
        }
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
