/// Closed word lists that decide what a capitalised word is: never a name, a title in front
/// of a name, a word that makes a name an organisation or a place. All lowercase.
enum NameLexicon {
    /// Capitalised only because a sentence or headline starts with them, or always junk.
    static let neverName: WordSet = [
        "the", "a", "an", "this", "that", "these", "those", "there", "here", "it", "its", "he", "she",
        "his", "her", "hers", "him", "they", "them", "their", "we", "our", "us", "you", "your", "i",
        "me", "my", "mine", "who", "whom", "whose", "what", "which", "when", "where", "why", "how",
        "and", "or", "but", "nor", "so", "yet", "if", "then", "than", "because", "while", "although",
        "though", "as", "at", "by", "for", "from", "in", "into", "of", "on", "onto", "to", "with",
        "without", "about", "above", "after", "against", "along", "amid", "among", "around", "before",
        "behind", "below", "beside", "besides", "between", "beyond", "despite", "during", "except",
        "inside", "near", "over", "since", "through", "throughout", "toward", "towards", "under",
        "until", "upon", "via", "within", "according", "also", "all", "any", "both", "each", "every",
        "few", "many", "more", "most", "much", "no", "not", "none", "one", "other", "others", "some",
        "such", "only", "just", "even", "still", "now", "today", "yesterday", "tomorrow", "tonight",
        "meanwhile", "however", "moreover", "furthermore", "therefore", "thus", "indeed", "instead",
        "last", "next", "previous", "latest", "breaking", "update", "men", "women",
        "updated", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "read", "share", "tweet", "email", "print", "comments", "comment", "advertisement",
        "subscribe", "follow", "related", "source", "sources", "reporter", "editorial", "photo", "video",
        "image", "file", "copyright", "all rights reserved", "click", "home", "menu", "search", "login",
        "yes", "ok", "okay", "mr", "mrs", "ms", "dr", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur",
        "thurs", "fri", "sat", "sun", "am", "pm", "gmt", "utc", "est", "pst", "ist", "code", "story",
        "muslims", "christians", "jews", "god",
        "covid", "covid-19", "ceo", "gdp", "mp", "mps", "tv", "pm", "ok", "faq", "pdf", "vs",
        "don't", "didn't", "doesn't", "isn't", "won't", "can't", "let", "let's", "please", "thanks",
        "dear", "hello", "hi", "oh", "well", "ago", "year", "years", "day", "days", "week", "month",
        "is", "was", "are", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could",
        "should", "do", "does", "did", "dui", "dna", "hiv", "aids", "id", "fm", "rb", "qb",
    ]

    /// Last words of names of laws, events, works and prizes: such names are not people.
    static let otherWords: WordSet = [
        "act", "law", "bill", "treaty", "accord", "agreement", "convention", "award", "awards", "prize",
        "games", "cup", "championship", "championships", "tournament", "festival", "war", "olympics",
        "series", "bowl", "open", "picture", "show", "film", "movie", "album", "book", "report", "day",
        "plan", "initiative", "doctrine", "declaration", "conference", "summit", "forum", "talks",
    ]

    /// Words that are part of names ("New York", "Islamic Republic of Iran", "First Street") but
    /// never a name alone.
    static let notAlone: WordSet = [
        "new", "first", "second", "third", "western", "eastern", "northern", "southern", "islamic",
        "zionist", "arab", "muslim", "christian", "jewish", "catholic", "sunni", "shia", "shiite",
        "north", "south", "east", "west", "central", "great", "united", "national", "international",
        "federal", "royal", "supreme", "general", "old", "upper", "lower", "holy", "grand", "northwest",
        "northeast", "southwest", "southeast", "big", "little", "black", "white", "red", "golden",
    ]

    /// Whole sequences that are page furniture, not names.
    static let boilerplate: WordSet = [
        "read more", "previous story", "next story", "previous article", "next article", "also read",
        "don't miss", "go to top", "latest from", "top news", "your name", "your email address",
        "your email", "story code", "news code", "related news", "related articles", "more news",
        "most read", "most popular", "click here", "sign up", "log in", "leave a reply", "post comment",
        "all rights reserved", "privacy policy", "terms of use", "contact us", "about us", "newsletter",
        "breaking news", "top stories", "general category", "other media", "from other media",
    ]

    /// Role titles written before a name: stripped from names and aliases, and they type a person.
    static let roleTitles: WordSet = [
        "president", "vice", "vice-president", "prime", "minister", "premier", "chancellor", "king",
        "queen", "prince", "princess", "emperor", "emir", "sultan", "crown", "secretary", "general",
        "gen", "lt", "col", "colonel", "major", "captain", "capt", "sgt", "sergeant", "admiral",
        "commander", "lieutenant", "marshal", "senator", "sen", "rep", "representative", "congressman",
        "congresswoman", "governor", "gov", "mayor", "judge", "justice", "attorney", "prosecutor",
        "defender", "public", "district", "sheriff", "deputy", "chief", "officer", "detective",
        "inspector", "superintendent", "spokesman", "spokeswoman", "spokesperson", "ambassador",
        "envoy", "speaker", "chairman", "chairwoman", "chair", "director", "ceo", "founder", "coach",
        "pope", "bishop", "archbishop", "cardinal", "rabbi", "imam", "reverend", "rev", "father",
        "foreign", "defence", "defense", "interior", "finance", "economy", "health", "justice",
        "supreme", "leader", "former", "late", "acting", "head", "mr", "mrs", "ms", "miss", "dr",
        "prof", "professor", "sir", "dame", "lord", "lady", "eam", "mp", "state", "councilman",
        "councillor", "assemblyman", "trooper", "agent", "actress", "actor", "singer", "star",
        "assistant", "associate", "senior", "pres", "vice-chairman", "dep", "manager", "owner", "president-elect",
    ]

    /// Religious and traditional honorifics: part of how a name is written (kept in aliases)
    /// but not of the name itself.
    static let honorifics: WordSet = [
        "seyyed", "sayyid", "seyed", "sayed", "syed", "sheikh", "shaikh", "sheik", "ayatollah",
        "hojatoleslam", "hujjat", "mullah", "haji", "hajji", "hajj", "sardar", "sayyed",
    ]

    /// Lowercase words after a nationality that make a role reference ("the Iranian president").
    static let roleNouns: WordSet = [
        "president", "counterpart", "leader", "premier", "minister", "king", "emir", "chancellor",
        "head", "monarch", "ruler", "prime",
    ]

    /// Last (or any) word of an organisation's name.
    static let organizationWords: WordSet = [
        "organization", "organisation", "agency", "party", "union", "commission", "ministry", "council",
        "committee", "department", "university", "college", "school", "academy", "bank", "company",
        "corporation", "corp", "inc", "ltd", "llc", "plc", "group", "association", "federation",
        "institute", "institution", "court", "parliament", "assembly", "congress", "senate", "army",
        "navy", "force", "forces", "police", "bureau", "office", "board", "times", "post", "news",
        "press", "daily", "herald", "tribune", "journal", "gazette", "telegraph", "guardian", "review",
        "gang", "team", "club", "foundation", "fund", "airlines", "airways", "network", "church",
        "hospital", "project", "service", "services", "authority", "cabinet", "government", "guard",
        "corps", "brigade", "brigades", "movement", "front", "alliance", "coalition", "league",
        "society", "trust", "industries", "motors", "bros", "fc", "tv", "radio", "channel", "media",
        "television", "broadcasting", "telecom", "technologies", "systems", "energy", "oil", "holdings",
        "capital", "partners", "exchange", "chamber", "programme", "program", "mission", "center",
        "centre", "secretariat", "sheriff", "embassy", "consulate", "prison", "jail", "division", "unit", "squad",
    ]

    /// Last word of a place's name.
    static let placeWords: WordSet = [
        "city", "county", "province", "state", "street", "st", "avenue", "ave", "road", "rd",
        "boulevard", "square", "river", "lake", "mountain", "mountains", "mount", "mt", "island",
        "islands", "sea", "ocean", "gulf", "bay", "strait", "straits", "valley", "region", "district",
        "park", "stadium", "airport", "bridge", "hill", "hills", "beach", "peninsula", "desert",
        "coast", "oblast", "canal", "harbor", "harbour", "port", "village", "town", "heights",
        "plaza", "highway", "freeway", "lane", "drive", "territory", "territories", "republic",
        "kingdom", "emirate", "borough", "neighborhood", "neighbourhood", "courthouse", "arena",
        "building", "tower", "palace", "castle", "cathedral", "mosque", "temple",
    ]

    /// Words that may join capitalised words inside one name ("Bank of England", "bin Salman").
    static let nameParticles: WordSet = ["de", "del", "della", "da", "di", "du", "van", "von", "der",
                                            "den", "la", "le", "al", "el", "bin", "ibn", "ben", "abu", "y"]
    /// Joiners allowed only inside institution names.
    static let institutionJoiners: WordSet = ["of", "for", "and", "&", "the", "on"]

    static let speechVerbs: WordSet = [
        "said", "says", "say", "told", "tells", "added", "adds", "stressed", "noted", "stated",
        "explained", "insisted", "warned", "asked", "declared", "announced", "wrote", "remarked",
        "emphasized", "emphasised", "continued", "replied", "argued", "urged", "recalled", "testified",
        "pointed", "underlined", "concluded", "commented", "acknowledged", "admitted", "claimed",
    ]

    /// Prepositions after which a capitalised unknown name is most likely a place.
    static let placePrepositions: WordSet = ["in", "near", "outside", "across", "throughout"]
}
