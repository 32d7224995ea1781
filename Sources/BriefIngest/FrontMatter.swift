import BriefModel
import Yams

/// YAML front matter between `---` lines at the top of a Markdown file (articles and notes).
///
/// Front matter comes from many hands, so it is parsed with limits: a size cap, and a
/// budget on the nodes walked so that a document of nested aliases ("billion laughs")
/// is refused instead of expanded.
public struct FrontMatter: Sendable {
    public static let maxBytes = 64 * 1024
    public static let maxNodes = 10_000
    public static let maxDepth = 32

    /// Scalar values by key; lists as arrays of strings. Only what brief reads is kept.
    public var fields: [String: FrontMatterValue]
    /// The text after the closing `---`.
    public var body: String
    /// 1-based line of the file where `body` starts.
    public var bodyLine: Int
    /// 1-based line of the file of each top-level key, for messages.
    public var lines: [String: Int] = [:]

    public enum FrontMatterValue: Sendable, Hashable {
        case text(String)
        case list([String])

        public var text: String? {
            if case .text(let s) = self { return s }
            return nil
        }
        public var list: [String] {
            switch self {
            case .text(let s): return s.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            case .list(let l): return l
            }
        }
    }

    public func text(_ key: String) -> String? { fields[key]?.text.flatMap { $0.isEmpty ? nil : $0 } }
    public func list(_ key: String) -> [String] { fields[key]?.list ?? [] }

    /// Splits and parses; a file without front matter gives empty fields and the whole text.
    public static func parse(_ text: String, file: String) throws(Diagnostic) -> FrontMatter {
        guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n") else {
            return FrontMatter(fields: [:], body: text, bodyLine: 1)
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeFirst()
        guard let close = lines.firstIndex(where: { $0.trimmingSpaces() == "---" || $0.trimmingSpaces() == "..." }) else {
            throw Diagnostic(.error, file: file, line: 1, "front matter opened with --- is never closed")
        }
        let yaml = lines[..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        guard yaml.utf8.count <= maxBytes else {
            throw Diagnostic(.error, file: file, line: 1, "front matter larger than \(maxBytes / 1024) KiB")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw Diagnostic(.error, file: file, line: yamlLine(error).map { $0 + 1 }, "front matter is not valid YAML: \(yamlMessage(error))")
        } catch {
            throw Diagnostic(.error, file: file, line: 1, "front matter is not valid YAML")
        }
        var budget = maxNodes
        guard walk(node, depth: 0, budget: &budget) else {
            throw Diagnostic(.error, file: file, line: 1,
                             "front matter refused: more than \(maxNodes) nodes or deeper than \(maxDepth) (nested aliases?)")
        }
        var fields: [String: FrontMatterValue] = [:]
        if let node {
            guard let mapping = node.mapping else {
                throw Diagnostic(.error, file: file, line: 2, "front matter must be a mapping of keys to values")
            }
            for (key, value) in mapping {
                guard let name = key.string?.lowercased() else { continue }
                if let s = value.scalar?.string {
                    fields[name] = .text(s.trimmingSpaces())
                } else if let seq = value.sequence {
                    fields[name] = .list(seq.compactMap { $0.scalar?.string.trimmingSpaces() })
                }
            }
        }
        var keyLines: [String: Int] = [:]
        for (i, line) in lines[..<close].enumerated() {
            guard let colon = line.firstIndex(of: ":"), line.first?.isLetter == true else { continue }
            keyLines[line[..<colon].lowercased()] = i + 2
        }
        return FrontMatter(fields: fields, body: body, bodyLine: close + 3, lines: keyLines)
    }

    /// Counts nodes as if aliases were expanded, stopping as soon as the budget is spent.
    private static func walk(_ node: Node?, depth: Int, budget: inout Int) -> Bool {
        guard let node else { return true }
        budget -= 1
        if budget < 0 || depth > maxDepth { return false }
        if let seq = node.sequence {
            for child in seq where !walk(child, depth: depth + 1, budget: &budget) { return false }
        } else if let map = node.mapping {
            for (k, v) in map {
                if !walk(k, depth: depth + 1, budget: &budget) || !walk(v, depth: depth + 1, budget: &budget) { return false }
            }
        }
        return true
    }

    static func yamlLine(_ error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default: return nil
        }
    }

    static func yamlMessage(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default: return "\(error)"
        }
    }
}
