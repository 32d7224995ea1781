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

    private func shouldPrune(_ n: Node, tag: String) -> Bool {
        if Hints.prunedTags.contains(tag) { return true }
        if Hints.isHidden(n) { return true }
        if useClassHints, tag != "body", tag != "html", tag != "main", tag != "a",
           let hint = Hints.classAndID(n), Hints.isFurniture(hint) {
            return true
        }
        return false
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
            if shouldPrune(n, tag: tag) { continue }
            if blockTags.contains(tag) {
                flush()
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
            } else {
                walk(n, depth: depth + 1, inLink: inLink || tag == "a")
            }
        }
    }
}
