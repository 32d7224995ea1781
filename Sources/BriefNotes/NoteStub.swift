import BriefModel

/// The text `brief new note "Title"` starts a note with.
public enum NoteStub {
    public static func text(title: String, date: String, author: String?) -> String {
        """
        ---
        title: \(yamlQuoted(title))
        date: \(date)
        author: \(yamlQuoted(author ?? ""))
        tags: []
        ---
        Write the note here. Put an entity name, an alias or a brief id between double square brackets to link it.

        """
    }

    /// File name for a new note: the title's slug.
    public static func fileName(title: String) -> String { Slug.make(title, fallbackPrefix: "note") + ".md" }

    /// A YAML double-quoted scalar: any title survives, colons and quotes included.
    static func yamlQuoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: if c.value < 32 { out += " " } else { out.unicodeScalars.append(c) }
            }
        }
        return out + "\""
    }
}
