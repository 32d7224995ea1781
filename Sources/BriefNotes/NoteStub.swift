import BriefModel

/// The text `brief new note "Title"` starts a note with.
public enum NoteStub {
    public static func text(title: String, date: String, author: String?) -> String {
        """
        ---
        title: \(YAMLScalar.quoted(title))
        date: \(date)
        author: \(YAMLScalar.quoted(author ?? ""))
        tags: []
        ---
        Write the note here. Put an entity name, an alias or a brief id between double square brackets to link it.

        """
    }

    /// File name for a new note: the title's slug.
    public static func fileName(title: String) -> String { Slug.make(title, fallbackPrefix: "note") + ".md" }
}
