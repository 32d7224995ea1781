import Foundation

/// Chooses the article paragraphs: DOM scoring first, then JSON-LD articleBody as a filter or fallback.
enum BodyExtractor {
    static func paragraphs(root: Node, jsonLDBody: String?, title: String?) -> [String] {
        var flat = Flattener(root: root, useClassHints: true)
        var dom = domParagraphs(flat)
        // Class hints occasionally prune the real body (an odd wrapper class); retry without them.
        if !holdsMoreCharacters(dom, than: 249) {
            let loose = Flattener(root: root, useClassHints: false)
            let looseDom = domParagraphs(loose)
            if charCount(looseDom) > charCount(dom) * 2 {
                flat = loose
                dom = looseDom
            }
        }
        if let ldBody = jsonLDBody.map(cleanJSONLDBody), ldBody.count >= 300 {
            return reconcile(ldBody: ldBody, dom: dom, flat: flat)
        }
        return dedupe(dom, title: title)
    }

    private static func charCount(_ ps: [String]) -> Int { ps.reduce(0) { $0 + $1.count } }

    /// `charCount(ps) > limit`, walking Characters only until the limit is passed: a page's
    /// paragraphs are thousands of Characters, and a Character is at least one byte.
    private static func holdsMoreCharacters(_ ps: [String], than limit: Int) -> Bool {
        var left = limit
        for p in ps {
            if isLonger(p, than: left) { return true }
            left -= p.count
        }
        return false
    }

    /// `s.count > n`, walking at most n + 1 Characters.
    private static func isLonger(_ s: String, than n: Int) -> Bool {
        s.utf8.count > n && !s.dropFirst(n).isEmpty
    }

    /// Paragraph-level blocks of the selected containers, minus link lists and stock phrases.
    static func domParagraphs(_ flat: Flattener) -> [String] {
        let scorer = ContentScorer(flat)
        let selected = Set(scorer.selectContent())
        guard !selected.isEmpty else { return [] }
        var out: [String] = []
        for block in flat.blocks where isInside(block.owner, selected) && keep(block) {
            out.append(block.text)
        }
        return out
    }

    private static func isInside(_ n: Node, _ selected: Set<Node>) -> Bool {
        var p: Node? = n
        var steps = 0
        while let x = p, steps < maxWalkDepth + 10 {
            if selected.contains(x) { return true }
            p = x.parentNode
            steps += 1
        }
        return false
    }

    /// Stock lines that sit inside article containers on many sites.
    private static let junkLines: Set<String> = [
        "advertisement", "advertisement continue reading the main story", "continue reading the main story",
        "story continues below advertisement", "continue reading below", "supported by", "read more",
        "related", "share this article", "share", "comments", "sponsored", "click here", "more",
        "skip advertisement", "article continues below", "scroll to continue with content",
    ]

    /// What is trimmed from a block before comparing it with the stock lines.
    private static let junkTrim = CharacterSet.punctuationCharacters.union(.whitespaces)

    private static let junkLimit = junkLines.map(\.utf8.count).max()!

    /// `junkTrim` of each ASCII byte, asked of the set once.
    private static let asciiJunkTrim: [Bool] = (0..<128).map { junkTrim.contains(Unicode.Scalar(UInt8($0))) }

    /// The text lowercased and trimmed of `junkTrim`. ASCII text (most short blocks: bylines, dates,
    /// labels) is cut and lowercased by bytes; Foundation's trimming bridges every block to NSString.
    static func junkKey(_ text: String) -> String {
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            let trim = asciiJunkTrim
            var start = 0
            var end = bytes.count
            while start < end && trim[Int(bytes[start])] { start += 1 }
            while end > start && trim[Int(bytes[end - 1])] { end -= 1 }
            return String(decoding: bytes[start..<end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        return (ascii ?? nil) ?? text.lowercased().trimmingCharacters(in: junkTrim)
    }

    /// Trimming takes only punctuation and spaces, so a block with more ASCII letters and digits
    /// than the longest stock line is none of them: most blocks are ruled out without Foundation.
    private static func mayBeJunk(_ text: String) -> Bool {
        var alphanumerics = 0
        for b in text.utf8 where (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) {
            alphanumerics += 1
            if alphanumerics > junkLimit { return false }
        }
        return true
    }

    private static func keep(_ block: TextBlock) -> Bool {
        if block.chars == 0 { return false }
        // Counters and bare numbers ("3.409", "0") are widget furniture, not sentences.
        // (Table cells are exempt: figures in a results table are content.)
        if block.tag != "td" && block.tag != "th" && !block.text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) { return false }
        if mayBeJunk(block.text), junkLines.contains(junkKey(block.text)) {
            return false
        }
        // Link lists ("Read more: ...", related headlines) are mostly anchor text.
        if block.linkDensity > 0.5 { return false }
        if block.tag == "h1" { return false }
        return true
    }

    private static func dedupe(_ ps: [String], title: String?) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for p in ps where !p.isEmpty {
            // Long paragraphs repeated verbatim are template duplicates (mobile + desktop copies).
            if isLonger(p, than: 40) {
                if seen.contains(p) { continue }
                seen.insert(p)
            }
            if let title, p == title { continue }
            out.append(p)
        }
        return out
    }

    /// JSON-LD bodies are sometimes HTML-escaped markup; flatten that to text paragraphs.
    static func cleanJSONLDBody(_ s: String) -> String {
        guard s.contains("<p") || s.contains("<br") || s.contains("</") else { return s }
        guard let doc = HTMLDocument(bytes: Array(("<html><body>" + s + "</body></html>").utf8)), let root = doc.root else { return s }
        let flat = Flattener(root: root, useClassHints: false)
        return flat.blocks.map(\.text).joined(separator: "\n")
    }

    /// JSON-LD articleBody is the publisher's own statement of the text, but it can be truncated,
    /// or lack paragraph breaks. Prefer DOM blocks that it confirms (they carry the paragraphing);
    /// fall back to its own lines when the DOM confirms too little of it.
    static func reconcile(ldBody: String, dom: [String], flat: Flattener) -> [String] {
        let normalized = ldBody.collapsedWhitespace
        let domChars = charCount(dom)
        var confirmed: [String] = []
        var seen = Set<String>()
        var covered = 0
        for block in flat.blocks where block.chars >= 15 && !seen.contains(block.text) {
            if normalized.contains(block.text) {
                confirmed.append(block.text)
                seen.insert(block.text)
                covered += block.chars
            }
        }
        let ldChars = normalized.count
        if covered >= ldChars * 85 / 100 { return confirmed }
        // The DOM has much more text than articleBody: articleBody is a teaser, trust the DOM.
        if domChars > ldChars * 2 && domChars > 1500 { return dedupe(dom, title: nil) }
        // Otherwise a reasonably long DOM extraction is safer than a run-on articleBody that may include extras.
        if domChars >= ldChars / 2 { return dedupe(dom, title: nil) }
        let lines = ldBody.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map { String($0).collapsedWhitespace }
            .filter { !$0.isEmpty }
        return lines
    }
}
