/// Readability-style candidate scoring: paragraphs vote for their ancestors, votes are damped
/// by link density, the best container wins and well-scoring siblings join it.
struct ContentScorer {
    private let flat: Flattener
    private(set) var scores: [Node: Double] = [:]

    init(_ flat: Flattener) {
        self.flat = flat
        scoreBlocks()
    }

    /// Tags whose text is paragraph-like and worth a vote.
    private static let votingTags: Set<String> = [
        "p", "pre", "td", "div", "section", "article", "main", "blockquote", "dd", "li", "center",
    ]
    /// Tags that hold text directly but are not themselves containers (vote starts at the parent).
    private static let leafTags: Set<String> = ["p", "pre", "blockquote", "li", "dd", "h2", "h3", "h4"]

    private static func initialScore(_ n: Node) -> Double {
        let base: Double
        switch n.tag {
        case "div", "article", "main", "section": base = 5
        case "pre", "td", "blockquote": base = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": base = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": base = -5
        default: base = 0
        }
        var bonus = 0.0
        if n.tag == "article" { bonus += 10 }
        if n.attr("itemprop")?.lowercased() == "articlebody" { bonus += 40 }
        return base + bonus + Hints.classWeight(n)
    }

    private mutating func scoreBlocks() {
        var raw: [Node: Double] = [:]
        for block in flat.blocks where block.chars >= 25 && Self.votingTags.contains(block.tag) {
            var commas = 0
            for u in block.text.unicodeScalars where u == "," || u == "，" || u == "、" { commas += 1 }
            let score = 1 + Double(commas) + min(Double(block.chars / 100), 3)
            var node: Node? = Self.leafTags.contains(block.tag) ? block.owner.parentNode : block.owner
            var level = 0
            while let n = node, n.isElement, level < 5 {
                if raw[n] == nil { raw[n] = Self.initialScore(n) }
                let divider: Double = level == 0 ? 1 : (level == 1 ? 2 : Double(level) * 3)
                raw[n]! += score / divider
                node = n.parentNode
                level += 1
            }
        }
        for (n, s) in raw {
            let st = flat.stats[n] ?? ElementStats()
            let ld = st.chars == 0 ? 0 : Double(st.linkChars) / Double(st.chars)
            scores[n] = s * (1 - ld)
        }
    }

    /// The chosen container plus the siblings that belong with it, in document order.
    func selectContent() -> [Node] {
        guard var top = scores.max(by: { $0.value < $1.value })?.key else { return [] }
        let topScore = scores[top]!

        // Several near-equal candidates under one ancestor mean the article is split into
        // sections; take the common ancestor instead of one section.
        let alternatives = scores.filter { $0.key != top && $0.value >= topScore * 0.75 }.map(\.key)
        if alternatives.count >= 3 {
            var parent = top.parentNode
            while let p = parent, p.isElement, p.tag != "body" {
                let containing = alternatives.filter { isAncestor(p, of: $0) }.count
                if containing >= 3 {
                    top = p
                    break
                }
                parent = p.parentNode
            }
        }

        // Climb while the parent scores higher (the body continues outside the candidate).
        var lastScore = scores[top] ?? topScore
        let threshold = lastScore / 3
        var parent = top.parentNode
        while let p = parent, p.isElement, p.tag != "body" {
            guard let ps = scores[p] else { parent = p.parentNode; continue }
            if ps < threshold { break }
            if ps > lastScore {
                top = p
                break
            }
            lastScore = ps
            parent = p.parentNode
        }
        // A wrapper with a single element child is the same content.
        while let p = top.parentNode, p.isElement, p.tag != "body", p.elementChildren.count == 1 {
            top = p
        }

        guard let container = top.parentNode, container.isElement else { return [top] }
        let finalTop = scores[top] ?? topScore
        let siblingThreshold = max(10, finalTop * 0.2)
        let topClass = top.attr("class") ?? ""
        var selected: [Node] = []
        for sibling in container.elementChildren {
            if sibling == top {
                selected.append(sibling)
                continue
            }
            var bonus = 0.0
            if !topClass.isEmpty, sibling.attr("class") == topClass { bonus += finalTop * 0.2 }
            if let s = scores[sibling], s + bonus >= siblingThreshold {
                selected.append(sibling)
                continue
            }
            if sibling.tag == "p", let st = flat.stats[sibling] {
                let ld = st.chars == 0 ? 1 : Double(st.linkChars) / Double(st.chars)
                if st.chars > 80 && ld < 0.25 {
                    selected.append(sibling)
                } else if st.chars > 0 && st.chars <= 80 && ld == 0 {
                    let text = sibling.textContent
                    if text.hasSuffix(".") { selected.append(sibling) }
                }
            }
        }
        return selected
    }
}

func isAncestor(_ a: Node, of n: Node) -> Bool {
    var p: Node? = n
    var guardCount = 0
    while let x = p, guardCount < maxWalkDepth + 10 {
        if x == a { return true }
        p = x.parentNode
        guardCount += 1
    }
    return false
}
