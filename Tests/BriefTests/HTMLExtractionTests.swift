import Foundation
import XCTest
@testable import BriefHTML

/// Real pages from the article-extraction-benchmark corpus (MIT, see Fixtures/html/LICENSE-article-extraction-benchmark).
final class HTMLExtractionTests: XCTestCase {
    private func fixture(_ name: String) throws -> [UInt8] {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/html/\(name)", withExtension: "html"))
        return [UInt8](try Data(contentsOf: url))
    }

    func testVentureBeatArticleMetadataAndBody() throws {
        let page = HTMLArticleExtractor.extract(try fixture("venturebeat-wework"))
        // <title> is "... | VentureBeat"; the site suffix must not leak into the title.
        XCTAssertEqual(page.title, "New York State Attorney General investigating WeWork and former CEO")
        XCTAssertEqual(page.outlet, "VentureBeat")
        XCTAssertEqual(page.published, "2019-11-19T07:03:25+00:00")
        XCTAssertEqual(page.url, "https://venturebeat.com/2019/11/18/new-york-state-attorney-general-investigating-wework-and-former-ceo/")

        let body = page.paragraphs.joined(separator: "\n")
        XCTAssertTrue(body.contains("A spokesperson for the NYAG declined to comment."))
        // Inline links must stay inside their sentence, with entities decoded and spacing intact.
        XCTAssertTrue(body.contains("The company shelved its plans for an initial public offering on September 30"))
        XCTAssertTrue(page.paragraphs.contains("A spokeswoman for Neumann declined to comment."))
        XCTAssertTrue(body.contains("hitting 16.057% on Monday, according to data from MarketAxess."))
        // Menus, captions, share bar and the "most read" rail are not article text.
        XCTAssertFalse(body.contains("Follow VentureBeat on Twitter"))
        XCTAssertFalse(body.contains("Above: A WeWork coworking space in San Francisco."))
        XCTAssertFalse(body.contains("Image Credit: WeWork"))
        XCTAssertFalse(body.contains("Brookings: AI will heavily affect tech and white-collar jobs"))
        XCTAssertFalse(body.contains("Support independent journalism"))
        // Paragraphs are whitespace-normalised.
        for p in page.paragraphs {
            XCTAssertFalse(p.contains("  ") || p.contains("\n") || p.hasPrefix(" ") || p.hasSuffix(" "), p)
        }
    }

    func testCTPostArticleKeepsSubheadingsAndDropsRails() throws {
        let page = HTMLArticleExtractor.extract(try fixture("ctpost-la-auto-show"))
        XCTAssertEqual(page.title, "New SUVs and electric vehicles highlight L.A. Auto Show")
        XCTAssertEqual(page.outlet, "Connecticut Post")
        XCTAssertEqual(page.published, "2019-11-20T06:35:39Z")
        XCTAssertNotNil(page.author)

        XCTAssertEqual(page.paragraphs.first?.hasPrefix("New electric vehicles, several new small SUVs, a redesigned compact car"), true)
        XCTAssertTrue(page.paragraphs.contains("The show opens to the public on Friday. Here are some of the highlights:"))
        XCTAssertTrue(page.paragraphs.contains("FORD MUSTANG MACH E"))
        XCTAssertTrue(page.paragraphs.contains("The Mach E was unveiled Sunday night ahead of the Los Angeles show."))
        let body = page.paragraphs.joined(separator: "\n")
        XCTAssertFalse(body.contains("Advertise with Us"))
        XCTAssertFalse(body.contains("Weston captures 7th straight Class S swim title"))
        XCTAssertFalse(body.contains("Photo: Damian Dovarganes, AP"))
        XCTAssertFalse(body.contains("Vice President for Global Design and Architecture"))
        XCTAssertFalse(body.contains("Longtime CT gunmaker leaving state for Wyoming"))
    }

    func testJSONLDAndMetaFallbacks() {
        let html = """
        <html><head><title>Storm closes the harbour - Coast Gazette</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
        {"@type":"NewsArticle","headline":"Storm closes the harbour","datePublished":"2024-03-02T08:00:00Z",
        "author":[{"@type":"Person","name":"Ana Ruiz"}],"publisher":{"@type":"Organization","name":"Coast Gazette"}}]}</script>
        <link rel="canonical" href="https://example.org/storm"></head>
        <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <div class="story-body"><p>The harbour was closed on Saturday after the storm, officials said.</p>
        <p>Ferries will resume on Monday &amp; fishing boats on Tuesday, the port authority added.</p></div>
        <div class="comments"><p>Great article, thanks for writing it, very informative indeed!</p></div>
        <footer>Copyright Coast Gazette</footer></body></html>
        """
        let page = HTMLArticleExtractor.extract(Array(html.utf8))
        XCTAssertEqual(page.title, "Storm closes the harbour")
        XCTAssertEqual(page.published, "2024-03-02T08:00:00Z")
        XCTAssertEqual(page.outlet, "Coast Gazette")
        XCTAssertEqual(page.author, "Ana Ruiz")
        XCTAssertEqual(page.url, "https://example.org/storm")
        XCTAssertEqual(page.paragraphs, [
            "The harbour was closed on Saturday after the storm, officials said.",
            "Ferries will resume on Monday & fishing boats on Tuesday, the port authority added.",
        ])
    }

    func testTitleSuffixCleaning() {
        XCTAssertEqual(MetadataResolver.cleanTitle("Markets rally on rate hopes | CNN", outlet: nil), "Markets rally on rate hopes")
        XCTAssertEqual(MetadataResolver.cleanTitle("Markets rally on rate hopes - BBC News", outlet: "BBC News"), "Markets rally on rate hopes")
        // A hyphenated headline with no site suffix stays whole.
        XCTAssertEqual(MetadataResolver.cleanTitle("Left-wing party wins", outlet: nil), "Left-wing party wins")
    }

    func testTitleSeparatorsFoundWhereFoundationFindsThem() {
        // Foundation's search matches canonical equivalents: the Greek ano teleia is a middle dot.
        XCTAssertEqual(MetadataResolver.cleanTitle("Markets rally on rate hopes \u{0387} CNN", outlet: nil), "Markets rally on rate hopes")
        XCTAssertEqual(MetadataResolver.cleanTitle("Markets rally on rate hopes · CNN", outlet: nil), "Markets rally on rate hopes")
        XCTAssertEqual(MetadataResolver.cleanTitle("Markets rally on rate hopes — Café", outlet: nil), "Markets rally on rate hopes")
        XCTAssertEqual(MetadataResolver.cleanTitle("CNN :: Markets rally on rate hopes", outlet: "CNN"), "Markets rally on rate hopes")
        XCTAssertEqual(MetadataResolver.cleanTitle("Markets rally on rate hopes |\u{301} CNN", outlet: nil), "Markets rally on rate hopes |\u{301} CNN")
        XCTAssertEqual(MetadataResolver.cleanTitle("“Markets” rally on rate hopes » Le Monde", outlet: nil), "“Markets” rally on rate hopes")
    }

    func testCollapsedWhitespaceMatchesScalarWalk() {
        func old(_ s: String) -> String {
            var out = ""
            var pending = false
            for ch in s.unicodeScalars {
                if ch.properties.isWhitespace || ch == "\u{200B}" { pending = true; continue }
                if pending && !out.isEmpty { out.unicodeScalars.append(" ") }
                pending = false
                out.unicodeScalars.append(ch)
            }
            return out
        }
        for s in ["", " ", "  a \t\n b  ", "\u{00A0}x\u{2003}\u{200B}y\u{3000}", "e\u{301} \u{301}", "\r\n x \u{85}", "東京 🇮🇷  👩‍👩‍👧", "\u{1C}a\u{1F}"] {
            XCTAssertEqual(s.collapsedWhitespace, old(s), s.debugDescription)
        }
    }

    func testHostileInputNeverCrashes() {
        XCTAssertEqual(HTMLArticleExtractor.extract([]), ExtractedPage())
        _ = HTMLArticleExtractor.extract([0, 0, 0, 0xFF, 0xFE, 0x00, 0x3C])

        var rng = SystemRandomNumberGenerator()
        let binary = (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        _ = HTMLArticleExtractor.extract(binary)

        _ = HTMLArticleExtractor.extract(Array("<html><body><div><p>Unclosed <a href='x'>link <table><tr><td><p>cell".utf8))
        let unclosed = "<html><body><div><p>Unclosed <b>bold <i>italic <p>Second paragraph with enough text to count as a paragraph of the article."
        let page = HTMLArticleExtractor.extract(Array(unclosed.utf8))
        XCTAssertTrue(page.paragraphs.joined(separator: " ").contains("Second paragraph"))

        let deep = String(repeating: "<div>", count: 50_000) + "<p>Deep text in the middle.</p>" + String(repeating: "</div>", count: 50_000)
        _ = HTMLArticleExtractor.extract(Array(deep.utf8))
        let deepInline = String(repeating: "<span><b>", count: 30_000) + "x"
        _ = HTMLArticleExtractor.extract(Array(deepInline.utf8))

        let junkScripts = "<script type=\"application/ld+json\">{\"@type\": [[[[[[[[[[[[\"Article\"</script><title>\u{0}</title><meta property=og:title>"
        _ = HTMLArticleExtractor.extract(Array(junkScripts.utf8))
        // Latin-1 bytes that are not valid UTF-8 go through libxml2's own charset sniffing.
        let latin1: [UInt8] = Array("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf".utf8) + [0xE9] + Array(" cr".utf8) + [0xE8] + Array("me and a long enough sentence, with commas, for a paragraph.</p></body></html>".utf8)
        let lp = HTMLArticleExtractor.extract(latin1)
        XCTAssertTrue(lp.paragraphs.first?.hasPrefix("Café crème") ?? false, "\(lp.paragraphs)")
    }

    /// Stock-line keys of ASCII blocks are cut by bytes: the same as Foundation's lowercasing and trimming.
    func testJunkKeyMatchesFoundation() {
        for text in ["Advertisement", "  ADVERTISEMENT  ", "— Read more »", "(Share)", "[Related]:", "#more!", "$more+",
                     "<Related>", "~Share~", "|Comments|", "\tSponsored\t", "Read more…", "“Share”", "Café", "", " ", "...",
                     "Continue reading the main story", "@click here?", "_more_", "{Supported by}", "`more`", "^more^", "=more="] {
            let foundation = text.lowercased().trimmingCharacters(in: CharacterSet.punctuationCharacters.union(.whitespaces))
            XCTAssertEqual(BodyExtractor.junkKey(text), foundation, text.debugDescription)
        }
    }
}
