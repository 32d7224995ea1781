/// One paragraph-level run of text and the element that owns it.
struct TextBlock {
    var text: String
    /// Nearest block-level element containing the text.
    var owner: Node
    var tag: String
    var chars: Int
    var linkChars: Int

    var linkDensity: Double { chars == 0 ? 0 : Double(linkChars) / Double(chars) }
}

/// Text totals of a block-level element's subtree (after pruning).
struct ElementStats {
    var chars = 0
    var linkChars = 0
    var paragraphs = 0
}

/// Flattens the DOM into text blocks, dropping furniture subtrees, and records per-element
/// text/link totals for the scorer. One pass; inline elements merge into the current block,
/// block-level elements (and <br>) start a new one.
struct Flattener {
    /// When false, class/id hints are ignored (fallback for pages whose body wrapper has an odd class).
    let useClassHints: Bool
    private(set) var blocks: [TextBlock] = []
    private(set) var stats: [Node: ElementStats] = [:]

    private var buffer = TextBuffer()
    private var bufferLinkChars = 0
    private var owner: Node
    private var ownerTag: String
    private var totalChars = 0
    private var totalLinkChars = 0
    private var paragraphCount = 0

    init(root: Node, useClassHints: Bool) {
        self.useClassHints = useClassHints
        owner = root
        ownerTag = root.tag
        walk(root, depth: 0, inLink: false)
        flush()
    }

    private mutating func flush() {
        if !buffer.isEmpty {
            let text = buffer.string
            blocks.append(TextBlock(text: text, owner: owner, tag: ownerTag,
                                    chars: buffer.count, linkChars: min(bufferLinkChars, buffer.count)))
            if ownerTag == "p" { paragraphCount += 1 }
        }
        buffer.removeAll()
        bufferLinkChars = 0
    }

    private enum Verdict { case keep, pruneSubtree, suppressOwnText }

    private func verdict(_ n: Node, tag: String) -> Verdict {
        if Hints.prunedTags.contains(tag) || Hints.isHidden(n) { return .pruneSubtree }
        // <article> carries CMS taxonomy classes ("tag-social-media") that would read as furniture.
        if useClassHints, tag != "body", tag != "html", tag != "main", tag != "article", tag != "a",
           let hint = Hints.classAndID(n), Hints.isFurniture(hint) {
            return .suppressOwnText
        }
        return .keep
    }

    /// A body container found inside a furniture-classed wrapper (themes put the whole page in a
    /// "container penci_sidebar" div) is rescued rather than lost with its wrapper.
    private func isRescue(_ n: Node) -> Bool {
        if n.attr("itemprop")?.lowercased() == "articlebody" { return true }
        if let hint = Hints.classAndID(n), Hints.isBodyContainer(hint) { return true }
        return false
    }

    /// Walks a furniture subtree emitting nothing, only looking for rescued body containers.
    private mutating func search(_ node: Node, depth: Int) {
        guard depth < maxWalkDepth else { return }
        var c = node.firstChild
        while let n = c {
            c = n.nextSibling
            guard n.isElement else { continue }
            let tag = n.tag
            if Hints.prunedTags.contains(tag) || Hints.isHidden(n) { continue }
            if isRescue(n) {
                flush()
                visitBlock(n, tag: tag, depth: depth, inLink: false)
            } else {
                search(n, depth: depth + 1)
            }
        }
    }

    private mutating func walk(_ node: Node, depth: Int, inLink: Bool) {
        guard depth < maxWalkDepth else { return }
        var c = node.firstChild
        while let n = c {
            c = n.nextSibling
            if n.isText {
                guard let content = n.pointee.content else { continue }
                let before = buffer.count
                buffer.append(content)
                let added = buffer.count - before
                totalChars += added
                if inLink {
                    bufferLinkChars += added
                    totalLinkChars += added
                }
                continue
            }
            guard n.isElement else { continue }
            let tag = n.tag
            if tag == "br" || tag == "hr" {
                flush()
                continue
            }
            switch verdict(n, tag: tag) {
            case .pruneSubtree: continue
            case .suppressOwnText:
                flush()
                search(n, depth: depth + 1)
                continue
            case .keep: break
            }
            if blockTags.contains(tag) {
                flush()
                visitBlock(n, tag: tag, depth: depth, inLink: inLink)
            } else {
                walk(n, depth: depth + 1, inLink: inLink || tag == "a")
            }
        }
    }

    private mutating func visitBlock(_ n: Node, tag: String, depth: Int, inLink: Bool) {
        let savedOwner = owner, savedTag = ownerTag
        let startChars = totalChars, startLinks = totalLinkChars, startParas = paragraphCount
        owner = n
        ownerTag = tag
        walk(n, depth: depth + 1, inLink: inLink)
        flush()
        owner = savedOwner
        ownerTag = savedTag
        stats[n] = ElementStats(chars: totalChars - startChars,
                                linkChars: totalLinkChars - startLinks,
                                paragraphs: paragraphCount - startParas)
    }
}
