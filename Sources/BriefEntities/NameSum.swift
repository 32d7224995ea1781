import BriefModel

/// The findings of consecutive texts with their names summed by key, in order of first
/// mention: a part of the archive-wide sum. Parts are summed on all cores and then joined in
/// order, which gives the same nodes in the same order as summing text by text. A build
/// decodes cached texts straight into a part (`node`, `mention`, `role`, `quote`, `endText`),
/// so a name met again adds its counts instead of making a node of its own first.
public struct NameSum: Sendable {
    public private(set) var nodes: [NameNode] = []
    private var index = WordIndex()   // node key -> node
    /// Per mention: its node here, or -1 when dropped.
    private(set) var mentionNode: [Int] = []
    /// Mentions per text.
    private(set) var mentions: [Int] = []
    /// Role references and quotes, with their text's position in this part; a quote's speaker is
    /// as in `TextEntities.Quote`, relative to its text.
    private(set) var roles: [(text: Int, role: TextEntities.Role)] = []
    private(set) var quotes: [(text: Int, quote: TextEntities.Quote)] = []
    /// Mentions of the text being added so far.
    private var open = 0

    public init() {}

    public var textCount: Int { mentions.count }

    /// Adds a text found in this build.
    public mutating func add(_ text: TextEntities) {
        var local: [Int] = []
        local.reserveCapacity(text.names.count)
        // By index: `for name in text.names` copied every node before merging it.
        for i in text.names.indices {
            let (n, isNew) = node(key: text.names[i].key, known: text.names[i].known)
            if isNew { nodes[n] = text.names[i] } else { nodes[n].merge(text.names[i]) }
            local.append(n)
        }
        for m in text.mentionNames { mention(m < 0 ? -1 : local[m]) }
        for r in text.roles { role(r) }
        for q in text.quotes { quote(q) }
        endText()
    }

    /// The node of `key` in this part, made (with empty evidence) if the key is new here.
    public mutating func node(key: String, known: KnownName?) -> (index: Int, isNew: Bool) {
        let hash = WordHash.of(key)   // once for the look-up and the insertion
        if let n = index[key, hash: hash] { return (n, false) }
        index[key, hash: hash] = nodes.count
        nodes.append(NameNode(key: key, known: known, words: []))
        return (nodes.count - 1, true)
    }

    /// Adds evidence to a node in place.
    public mutating func update(_ n: Int, _ change: (inout NameNode) -> Void) { change(&nodes[n]) }

    /// The next mention of the open text: a node of this part, or -1.
    public mutating func mention(_ node: Int) { mentionNode.append(node); open += 1 }

    public mutating func role(_ role: TextEntities.Role) { roles.append((mentions.count, role)) }

    public mutating func quote(_ quote: TextEntities.Quote) { quotes.append((mentions.count, quote)) }

    public mutating func endText() { mentions.append(open); open = 0 }

    /// Sums texts found in this build, in parts on all cores.
    static func parts(_ texts: [TextEntities]) -> [NameSum] {
        let size = max(64, (texts.count + 3) / 4)
        return parallelMap(Array(stride(from: 0, to: texts.count, by: size))) { start in
            var sum = NameSum()
            for text in texts[start..<min(start + size, texts.count)] { sum.add(text) }
            return sum
        }
    }
}
