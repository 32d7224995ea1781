/// One page of a long list cut into pages of `size`: page 1 is `first` (a file in some folder),
/// page N is `folder/N.html` beside it, one folder deeper. Gives the slice to show and the
/// pager's values for `Templates/pager.mustache`, with each address relative to the page.
struct Pager {
    static let size = 200

    let number: Int
    let count: Int
    let total: Int
    /// File name of page 1 ("index.html", "reuters.html") and the folder of the others.
    let first: String
    let folder: String

    init(page number: Int, of total: Int, first: String, folder: String) {
        self.number = number
        self.total = total
        self.count = Pager.pages(total)
        self.first = first
        self.folder = folder
    }

    static func pages(_ total: Int) -> Int { max(1, (total + size - 1) / size) }

    /// Page 1's path is `base + first`; page N's is `base + folder/N.html`.
    static func path(_ page: Int, base: String, first: String, folder: String) -> String {
        page == 1 ? base + first : "\(base)\(folder)/\(page).html"
    }

    /// The `root` prefix of this page, given that of page 1.
    func root(_ firstRoot: String) -> String { number == 1 ? firstRoot : "../" + firstRoot }

    /// The positions of the list this page shows.
    var range: Range<Int> {
        let start = min((number - 1) * Pager.size, total)
        return start..<min(start + Pager.size, total)
    }

    /// Address of page `k` from this page.
    func url(_ k: Int) -> String {
        switch (number == 1, k == 1) {
        case (true, true): return first
        case (true, false): return "\(folder)/\(k).html"
        case (false, true): return "../\(first)"
        case (false, false): return "\(k).html"
        }
    }

    /// What `pager.mustache` shows: "page N of M", newer and older, newest and oldest.
    var context: Fields {
        ["isPaged": count > 1, "pageNumber": TagText(number), "pageCount": TagText(count),
         "firstShown": TagText(range.lowerBound + 1), "lastShown": TagText(range.upperBound),
         "hasNewer": number > 1, "newerURL": TagText(number > 1 ? url(number - 1) : ""),
         "hasOlder": number < count, "olderURL": TagText(number < count ? url(number + 1) : ""),
         "firstURL": TagText(url(1)), "lastURL": TagText(url(count))]
    }
}
