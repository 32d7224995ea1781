import BriefIngest
import BriefModel

/// Turns `[[Entity name]]`, `[[alias]]` and `[[brief-id]]` into Markdown links to their pages.
public enum NoteLinks {
    /// A page a wikilink can lead to.
    public struct Target: Sendable {
        public var path: String
        public var kind: Archive.TimelineEntry.Kind?
        public var id: String
        public init(path: String, id: String, isBrief: Bool) {
            self.path = path; self.id = id; self.kind = isBrief ? .brief : nil
        }
    }

    /// `targets` maps lowercased names, aliases and ids to pages (paths relative to the Output root).
    /// Unresolved links render as their plain text and give a warning with the note's file and line.
    public static func resolve(_ note: Note, targets: [String: Target]) -> (markdown: String, briefs: [String], entities: [String], diagnostics: [Diagnostic]) {
        var briefs: [String] = []
        var entities: [String] = []
        var diagnostics: [Diagnostic] = []
        var out = ""
        for (offset, line) in note.markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if offset > 0 { out += "\n" }
            var rest = line[...]
            while let open = rest.range(of: "[["), let close = rest[open.upperBound...].range(of: "]]") {
                out += rest[..<open.lowerBound]
                let inner = rest[open.upperBound..<close.lowerBound]
                let parts = inner.split(separator: "|", maxSplits: 1)
                let target = (parts.first ?? inner).trimmingSpaces()
                let label = (parts.count > 1 ? parts[1] : parts.first ?? inner).trimmingSpaces()
                if let found = targets[target.lowercased()] {
                    out += "[\(escapeLabel(label))](\(found.path))"
                    if found.kind == .brief { briefs.append(found.id) } else { entities.append(found.id) }
                } else {
                    out += escapeLabel(label)
                    diagnostics.append(Diagnostic(file: note.file, line: note.bodyLine + offset, "unresolved link [[\(target)]]"))
                }
                rest = rest[close.upperBound...]
            }
            out += rest
        }
        return (out, unique(briefs), unique(entities), diagnostics)
    }

    /// Link text is Markdown: brackets and backslashes in a label must not open other syntax.
    static func escapeLabel(_ label: String) -> String {
        var s = ""
        for c in label {
            if "[]\\*_`<>".contains(c) { s.append("\\") }
            s.append(c)
        }
        return s
    }

    public static func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}
