import BriefModel
import XCTest
@testable import BriefIngest

/// The seed articles, exactly as issue 3 states what ingest must make of them.
final class IngestSeedTests: XCTestCase {
    func article(_ prefix: String) throws -> Article {
        let url = TestPaths.seed(prefix)
        let raw = RawArticle(path: "articles/" + url.lastPathComponent, bytes: [UInt8](try Data(contentsOf: url)))
        let result = Ingest.articles(from: raw)
        XCTAssertNil(result.skipped)
        return try XCTUnwrap(result.articles.first)
    }

    func testSeed000DatelineAndEventDate() throws {
        let a = try article("000")
        XCTAssertEqual(a.published?.description, "2023-12-08")
        XCTAssertEqual(a.eventDate?.description, "2023-12-07")
        XCTAssertEqual(a.dateline, "Tehran")
        XCTAssertTrue(a.paragraphs[0].hasPrefix("Iranian President Ebrahim Raisi has stressed"))
        XCTAssertTrue(a.titleFromLead)
    }

    func testSeed001BoilerplateRemoved() throws {
        let a = try article("001")
        XCTAssertEqual(a.title, "Iran, Russia Deepen Ties to Counter US Sanctions")
        XCTAssertEqual(a.published?.description, "2023-12-08")
        XCTAssertEqual(a.outlet, "Asian Lite News")
        XCTAssertEqual(a.eventDate?.description, "2023-12-07")
        XCTAssertTrue(a.paragraphs.last!.hasPrefix("The two countries on Tuesday signed a joint declaration"))
        XCTAssertTrue(a.paragraphs.last!.hasSuffix("IRNA."))
        for junk in ["ALSO READ", "Previous Story", "Next Story", "Latest from", "Don't Miss", "Go toTop",
                     "Saudi F-15SA", "Jaishankar", "mins read", "Blinken"] {
            XCTAssertFalse(a.body.contains(junk), junk)
        }
        // The standfirst repeats a body paragraph: it stays once, in its place in the story.
        XCTAssertEqual(a.paragraphs.filter { $0.hasPrefix("Raisi expressed satisfaction") }.count, 1)
    }

    func testSeed002NoDateInvented() throws {
        let a = try article("002")
        XCTAssertEqual(a.outlet, "Iran Press")
        XCTAssertNil(a.published)
        XCTAssertNil(a.eventDate)
        XCTAssertEqual(a.dateline, "Moscow")
        XCTAssertFalse(a.body.contains("Read More"))
        XCTAssertFalse(a.body.contains("Iran Pres. meets Russian counterpart"))
        XCTAssertFalse(a.body.contains("Iran PressEurope"))
        XCTAssertTrue(a.body.contains("free trade zone between Iran and the Eurasian Economic Union"))
    }

    func testSeed003TitleOnceAndCodeLineRemoved() throws {
        let a = try article("003")
        let title = "Iran, Russia should foster cooperation amid Western sanctions: Raeisi to Putin"
        XCTAssertEqual(a.title, title)
        XCTAssertFalse(a.body.contains(title))
        XCTAssertEqual(a.published?.description, "2022-01-19")
        XCTAssertEqual(a.eventDate?.description, "2022-01-19")
        XCTAssertEqual(a.outlet, "Iran Daily")
        XCTAssertFalse(a.body.contains("Code : 2009621"))
        XCTAssertFalse(a.body.contains("Source: Iran Daily"))
        XCTAssertTrue(a.body.contains("“Now, of course, both we and you are concerned"))
    }

    func testSeed004PublicationNotSaveDate() throws {
        let a = try article("004")
        XCTAssertEqual(a.title, "Russia, Iran share positions regarding Palestine issue")
        XCTAssertEqual(a.published?.description, "2024-03-19")
        XCTAssertEqual(a.eventDate?.description, "2024-03-19")
        XCTAssertEqual(a.outlet, "The Iran Project")
        XCTAssertEqual(a.originalOutlet, "Mehr News")
        for junk in ["Your Name", "Your Email Address", "Story Code", "Reporter :"] {
            XCTAssertFalse(a.body.contains(junk), junk)
        }
        let caption = "Iranian President Ebrahim Raisi and Russian President Vladimir Putin"
        XCTAssertFalse(a.paragraphs.contains(caption), "a caption printed twice is not article text")
        XCTAssertTrue(a.paragraphs[0].hasPrefix("Iranian President Ebrahim Raeisi held a phone call"))
    }

    /// ECB+ articles that open with the source URL, the headline and a date line.
    func testECBPlusHeaderLines() throws {
        let expected: [(String, String, String, String)] = [
            ("1_10ecbplus.txt", "Lindsay Lohan checks into Betty Ford Center", "2013-05-03",
             "http://articles.latimes.com/2013/may/03/local/la-me-0504-lohan-rehab-20130504"),
            ("1_14ecbplus.txt", "Lindsay Lohan Checks Into Betty Ford Rehab – Where She 'Knows Everyone'", "2013-05-03",
             "http://www.people.com/people/article/0,,20697025,00.html"),
            ("1_15ecbplus.txt", "Lindsay Lohan Check Into Betty Ford After Fleeing Other Rehab Facility", "2013-05-03",
             "http://www.starpulse.com/news/index.php/2013/05/03/lindsay_lohan_check_into_betty_ford_af"),
        ]
        for (file, title, date, url) in expected {
            let data = try Data(contentsOf: TestPaths.fixtures.appendingPathComponent("ecbplus/" + file))
            let a = try XCTUnwrap(Ingest.articles(from: RawArticle(path: file, bytes: [UInt8](data))).articles.first)
            XCTAssertEqual(a.title, title, file)
            XCTAssertEqual(a.published?.description, date, file)
            XCTAssertEqual(a.url, url, file)
            XCTAssertEqual(a.outlet, file == "1_10ecbplus.txt" ? "Los Angeles Times" : file == "1_14ecbplus.txt" ? "People" : nil, file)
            XCTAssertFalse(a.body.contains("http://"), file)
            if file == "1_10ecbplus.txt" {
                // It recalls a crash "on June 8" (2012), eleven months back: background, not the event.
                XCTAssertEqual(a.eventDate?.description, "2013-05-03", file)
            }
        }
    }
}
