import BriefIngest
import BriefModel
import Foundation
import XCTest
@testable import BriefMerge

/// The merge stage on real text: the five seed articles and one ECB+ topic holding two events.
final class MergeTests: XCTestCase {
    private static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    // MARK: seeds

    /// The seeds as the real ingest stage reads them.
    private func seeds() throws -> [Article] {
        let folder = TestPaths.content.appendingPathComponent("articles")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().flatMap { name in
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            return Ingest.articles(from: RawArticle(path: "articles/\(name)", bytes: bytes)).articles
        }
    }

    private func memberSets(_ stories: [Story]) -> Set<Set<String>> {
        Set(stories.map { Set($0.members.map { String($0.article.file.dropFirst("articles/".count).prefix(3)) }) })
    }

    func testSeedsMergeIntoThreeDatedStories() throws {
        let stories = Merge.stories(from: try seeds())
        XCTAssertEqual(memberSets(stories), [["000", "001", "002"], ["003"], ["004"]])
        let dates = Dictionary(uniqueKeysWithValues: stories.map { s in
            (s.members.map(\.article.file).sorted().first!.dropFirst(9).prefix(3), Merge.brief(from: s).date?.description)
        })
        XCTAssertEqual(dates["000"], "2023-12-07")
        XCTAssertEqual(dates["003"], "2022-01-19")
        XCTAssertEqual(dates["004"], "2024-03-19")
    }

    func testSameTextOnTwoSitesIsACopyAndOtherOutletIsAReport() throws {
        let story = try XCTUnwrap(Merge.stories(from: try seeds()).first { $0.members.count == 3 })
        let roles = Dictionary(uniqueKeysWithValues: story.members.map { ($0.article.file.prefix(12).suffix(3), $0.role) })
        XCTAssertEqual(roles["001"], .lead, "001 has the headline, the date and the full text")
        XCTAssertEqual(roles["000"], .copy(of: "articles/001_1e5be81f8de97407.txt"))
        XCTAssertEqual(roles["002"], .report)
    }

    func testBriefKeepsWhatOnlyTheOtherReportSays() throws {
        let story = try XCTUnwrap(Merge.stories(from: try seeds()).first { $0.members.count == 3 })
        let brief = Merge.brief(from: story)
        XCTAssertEqual(brief.title, "Iran, Russia Deepen Ties to Counter US Sanctions")
        XCTAssertEqual(brief.published?.description, "2023-12-08")
        XCTAssertEqual(brief.sources.count, 3)
        let added = brief.additions.first { $0.source.contains("002_") }?.paragraphs.joined(separator: " ") ?? ""
        XCTAssertTrue(added.contains("free trade zone"), added)
        XCTAssertTrue(added.contains("human rights advocates"), added)
        // The lead's own sentences are not repeated as additions.
        XCTAssertFalse(brief.additions.flatMap(\.paragraphs).contains { $0.contains("at the best possible level") })
        XCTAssertTrue((2...3).contains(brief.summary.count), "\(brief.summary)")
        for s in brief.summary { XCTAssertTrue(brief.paragraphs.joined(separator: " ").contains(s)) }
        XCTAssertNotNil(brief.dateEvidence)
    }

    func testIDsStayWhenAnArticleIsAdded() throws {
        let all = try seeds()
        let first = Merge.stories(from: all.filter { !$0.file.contains("002_") })
        var previous: [String: String] = [:]
        for s in first { for m in s.members { previous[m.article.file] = s.id } }
        let second = Merge.stories(from: all, previousIDs: previous)
        XCTAssertEqual(Set(second.map(\.id)), Set(first.map(\.id)))
        let meeting = try XCTUnwrap(second.first { $0.members.count == 3 })
        XCTAssertEqual(meeting.id, previous["articles/001_1e5be81f8de97407.txt"])
        XCTAssertEqual(meeting.id, "iran-russia-deepen-ties-to-counter-us-sanctions")
    }

    func testMergedStoriesKeepTheMajorityIDAndRedirectTheOther() throws {
        let previous = ["articles/000_9edaa20b011edeb8.txt": "raisi-in-moscow", "articles/001_1e5be81f8de97407.txt": "raisi-in-moscow",
                        "articles/002_2db1ea2f512086a7.txt": "iran-president-meets-putin"]
        let story = try XCTUnwrap(Merge.stories(from: try seeds(), previousIDs: previous).first { $0.members.count == 3 })
        XCTAssertEqual(story.id, "raisi-in-moscow")
        XCTAssertEqual(story.formerIDs, ["iran-president-meets-putin"])
    }

    func testAnalystChoicesWin() throws {
        var articles = try seeds()
        articles[2].storyChoice = .own
        articles[3].storyChoice = .brief("iran-russia-deepen-ties-to-counter-us-sanctions")
        let stories = Merge.stories(from: articles)
        XCTAssertEqual(memberSets(stories), [["000", "001", "003"], ["002"], ["004"]])
        XCTAssertTrue(stories.contains { $0.id == "iran-russia-deepen-ties-to-counter-us-sanctions" && $0.members.count == 3 })
    }

    func testDifferentEventsOfOneKindStayApart() throws {
        // Same people, same words, two years apart: the 2022 visit must not join the 2023 meeting.
        var articles = try seeds()
        articles[3].published = DayDate(year: 2023, month: 12, day: 20)
        XCTAssertEqual(memberSets(Merge.stories(from: articles)).count, 3)
    }

    // MARK: ECB+

    func testECBTopicWithTwoRehabEventsSplitsByEvent() throws {
        let folder = MergeTests.here.appendingPathComponent("Fixtures/ecbplus")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") && $0.hasPrefix("1_") }
        XCTAssertEqual(files.count, 10)
        let articles = try files.sorted().map { name -> Article in
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let lines = text.components(separatedBy: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("http") }
            var a = Article(file: "ecb/\(name)", format: .text, paragraphs: lines)
            a.title = String(lines[0].prefix(80)); a.titleFromLead = true
            return a
        }
        let groups = Set(Merge.stories(from: articles).map { Set($0.members.map { $0.article.file.hasSuffix("ecbplus.txt") ? "plus" : "ecb" }) })
        XCTAssertEqual(Merge.stories(from: articles).count, 2)
        XCTAssertEqual(groups, [["ecb"], ["plus"]])
    }

    /// ECB+ topics 12 and 35 read by the real ingest, two events of one kind each. Topic 35:
    /// 10 undated reports of Chargers receiver Vincent Jackson arrested for DUI (2009-01) and
    /// 11 dated ones of Chargers tackle Jamal Williams arrested for DUI (2009-02). Chargers,
    /// DUI and California Highway Patrol are in all 21, so the archive-wide TF-IDF puts them in
    /// one story; inside it, the players and details of each arrest tell the events apart.
    /// Topic 12 (two Indian Navy anti-piracy actions) is the background and must stay whole.
    private func chargersAndNavy() throws -> [Article] {
        let folder = TestPaths.fixtures.appendingPathComponent("ecbplus-merge")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") && !$0.hasPrefix("LICENSE") }.sorted()
        XCTAssertEqual(files.count, 51)
        return try files.flatMap { name in
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            return Ingest.articles(from: RawArticle(path: "ecb/\(name)", bytes: bytes)).articles
        }
    }

    /// Gold event of each story member: topic plus ecb/ecbplus.
    private func eventsPerStory(_ stories: [Story]) -> [[String: Int]] {
        stories.map { s in
            var count: [String: Int] = [:]
            for m in s.members {
                let name = m.article.file.dropFirst("ecb/".count)
                count["\(name.prefix { $0 != "_" })-\(name.hasSuffix("ecbplus.txt") ? "plus" : "ecb")", default: 0] += 1
            }
            return count
        }
    }

    /// Lindsay Lohan's 2013 rehab stay, one gold event of ECB+ topic 1, merged with the whole
    /// corpus through the real ingest: outlets reported her checking in on May 2-3 and leaving
    /// on June 12-14, six weeks later. Follow-ups that late are still the event; with a two-week
    /// span they fell apart. The topic's other event (2008, the ecb files) stays apart.
    func testFollowUpsWeeksLaterStayWithTheirEvent() throws {
        let folder = TestPaths.repository.appendingPathComponent("../shared/corpora/ecbplus-dev/articles").standardizedFileURL
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertGreaterThan(names.count, 700)
        let articles = try names.flatMap { name in
            Ingest.articles(from: RawArticle(path: "ecb/\(name)", bytes: [UInt8](try Data(contentsOf: folder.appendingPathComponent(name))))).articles
        }
        func storyOf(_ file: String, in stories: [Story]) -> Set<String> {
            Set(stories.first { s in s.members.contains { $0.article.file == "ecb/\(file)" } }?.members.map(\.article.file) ?? [])
        }
        XCTAssertEqual(articles.first { $0.file == "ecb/1_12ecbplus.txt" }?.published?.description, "2013-05-02")
        XCTAssertEqual(articles.first { $0.file == "ecb/1_3ecbplus.txt" }?.published?.description, "2013-06-14")
        let story = storyOf("1_12ecbplus.txt", in: Merge.stories(from: articles))
        XCTAssertTrue(story.isSuperset(of: ["ecb/1_3ecbplus.txt", "ecb/1_1ecbplus.txt", "ecb/1_8ecbplus.txt"]), "\(story.sorted())")
        XCTAssertFalse(story.contains { $0.hasSuffix("ecb.txt") }, "\(story.sorted())")
        var twoWeeks = Merge.Tuning()
        twoWeeks.maxDaySpan = 14
        XCTAssertFalse(storyOf("1_12ecbplus.txt", in: Merge.stories(from: articles, tuning: twoWeeks)).contains("ecb/1_3ecbplus.txt"))
    }

    func testTwoArrestsOfOneKindAreCutApart() throws {
        let articles = try chargersAndNavy()
        var unsplit = Merge.Tuning()
        unsplit.splitCrossRatio = 0
        // Without the split the two arrests share a story: the case the split exists for.
        XCTAssertTrue(eventsPerStory(Merge.stories(from: articles, tuning: unsplit)).contains { $0["35-ecb"] != nil && $0["35-plus"] != nil })
        let events = eventsPerStory(Merge.stories(from: articles))
        XCTAssertTrue(events.allSatisfy { $0.count == 1 }, "\(events)")
        // Each arrest, and each navy action, stays mostly whole: the cuts are between events.
        for (event, size) in [("35-ecb", 10), ("35-plus", 11), ("12-ecb", 19), ("12-plus", 11)] {
            XCTAssertGreaterThanOrEqual(events.compactMap { $0[event] }.max() ?? 0, size - 2, event)
        }
    }

    func testOneEventToldDifferentlyStaysWhole() throws {
        // The Jamal Williams reports alone, published within days: no cut however they differ.
        let reports = try chargersAndNavy().filter { $0.file.hasPrefix("ecb/35_") && $0.file.hasSuffix("ecbplus.txt") }
        let stories = Merge.stories(from: reports)
        XCTAssertGreaterThanOrEqual(stories.map(\.members.count).max() ?? 0, 9, "\(stories.map { $0.members.map(\.article.file) })")
    }

    func testAddressGivesTheDayWhenTheTextDoesNot() throws {
        // Real ECB+ addresses: to the day in three spellings; a month alone is not a day.
        let day = { (url: String) in URLDate.day(url)?.description }
        XCTAssertEqual(day("http://www.utsandiego.com/news/2009/Feb/02/bn02jamal225516-no-headline/"), "2009-02-02")
        XCTAssertEqual(day("http://tucsoncitizen.com/morgue/2009/02/04/109301-san-diego-lineman-arrested-on-suspicion-of-dui/"), "2009-02-04")
        XCTAssertEqual(day("http://www.rediff.com/news/slide-show/slide-show-1-must-see-navy-pins-down-somali-pirates-in-heroic-face-off/20111111.htm"), "2011-11-11")
        XCTAssertEqual(day("http://www.cnn.com/2009/POLITICS/03/03/endangered.species.act/"), "2009-03-03")
        XCTAssertEqual(day("http://boston.redsox.mlb.com/news/article.jsp?ymd=20081216&content_id=3718580"), "2008-12-16")
        XCTAssertNil(day("http://brutegorilla.blogspot.nl/2011/11/anti-piracy-ops-by-ins-sukanya.html"))
        XCTAssertNil(day("http://www.nytimes.com/2007/04/10revenge.html"))
        XCTAssertNil(day("http://www.people.com/people/article/0,,20697025,00.html"))

        // 35_2ecbplus: ingest finds no date in its text, the address has one.
        let reports = try chargersAndNavy().filter { $0.file.hasPrefix("ecb/35_") && $0.file.hasSuffix("ecbplus.txt") }
        let undated = try XCTUnwrap(reports.first { $0.file == "ecb/35_2ecbplus.txt" })
        XCTAssertNil(undated.eventDate ?? undated.published)
        XCTAssertEqual(ArticleFeatures(undated).day, DayDate(year: 2009, month: 2, day: 2)!.dayNumber)
        // So the date window holds it: moved two months on, the other dated reports of the
        // arrest are a later event to it, not reports it may join for want of a date.
        // (Copies are left out: a copy joins its original whatever the dates.)
        let features = reports.map(ArticleFeatures.init)
        let originals = reports.indices.filter { i in !reports.indices.contains { $0 != i && Merge.isCopy(features[i], features[$0]) } }.map { reports[$0] }
        XCTAssertTrue(originals.contains { $0.file == undated.file })
        let moved = originals.map { a -> Article in
            guard a.file != undated.file, a.url.flatMap(URLDate.day) == nil, a.eventDate ?? a.published != nil else { return a }
            var b = a
            b.published = a.published?.adding(days: 60); b.eventDate = a.eventDate?.adding(days: 60)
            return b
        }
        let story = try XCTUnwrap(Merge.stories(from: moved).first { $0.members.contains { $0.article.file == undated.file } })
        let late = story.members.filter { m in ((m.article.eventDate ?? m.article.published)?.dayNumber ?? 0) > undated.url.flatMap(URLDate.day)!.dayNumber + 30 }
        XCTAssertEqual(late.map(\.article.file), [])
    }

    func testSplitNeedsBothHalvesApartInsideAndAcross() {
        // Three members with A-words, three with B-words, all sharing the topic word 0.
        func v(_ ids: [Int32]) -> TermVector {
            let w = 1 / Float(ids.count).squareRoot()
            return TermVector(ids: ids, weights: ids.map { _ in w })
        }
        let two = [v([0, 1, 2]), v([0, 1, 3]), v([0, 1, 2, 3]), v([0, 7, 8]), v([0, 7, 9]), v([0, 7, 8, 9])]
        let split = EventSplit(maxLocalRatio: 0.3, minSide: 2)
        XCTAssertEqual(split.split(two, days: Array(repeating: nil, count: 6)), [[0, 1, 2], [3, 4, 5]])
        // Dated reports of both halves on the same days are one event told two ways.
        XCTAssertEqual(split.split(two, days: [100, nil, nil, 101, nil, nil]).count, 1)
        // Halves that still share most of their weight overall are not cut.
        let close = [v([0, 5, 6, 1]), v([0, 5, 6, 3]), v([0, 5, 6, 1, 3]), v([0, 5, 6, 8]), v([0, 5, 6, 9]), v([0, 5, 6, 8, 9])]
        XCTAssertEqual(split.split(close, days: Array(repeating: nil, count: 6)).count, 1)
    }

    func testStragglerJoinsItsStoryOnlyWhenDatesAgree() {
        // Story 0: articles 0-2 dated day 100; story 1: articles 3-5 undated; article 6 alone.
        let stories = [[0, 1, 2], [3, 4, 5], [6]]
        let pairs: [(Int, Int, Float)] = [(6, 0, 0.2), (6, 1, 0.2), (6, 2, 0.2), (6, 3, 0.3), (6, 4, 0.3), (6, 5, 0.3)]
        let attach = FragmentAttachment(threshold: 0.15, maxDaySpan: 14)
        // Undated, it joins the story it is most like.
        XCTAssertEqual(attach.attach(stories, pairs: pairs, days: [100, 100, 100, nil, nil, nil, nil]), [[0, 1, 2], [3, 4, 5, 6]])
        // Dated, the undated story gives no evidence of its event: it joins the one dated near it.
        XCTAssertEqual(attach.attach(stories, pairs: pairs, days: [100, 100, 100, nil, nil, nil, 103]), [[0, 1, 2, 6], [3, 4, 5]])
        // Dated months away from both, it stays alone.
        XCTAssertEqual(attach.attach(stories, pairs: pairs, days: [100, 100, 100, nil, nil, nil, 200]), stories)
    }

    // MARK: MinHash

    func testMinHashEstimatesJaccard() {
        let hasher = MinHash(count: 256)
        for (shared, onlyA, onlyB) in [(100, 0, 0), (60, 20, 20), (30, 35, 35), (10, 45, 45), (0, 50, 50)] {
            let a = (0..<(shared + onlyA)).map { UInt64($0) &* 0x9E3779B97F4A7C15 }
            let b = ((0..<shared).map { UInt64($0) } + (1000..<(1000 + onlyB)).map { UInt64($0) }).map { $0 &* 0x9E3779B97F4A7C15 }
            let truth = Double(shared) / Double(shared + onlyA + onlyB)
            let estimate = MinHash.similarity(hasher.signature(a), hasher.signature(b))
            XCTAssertEqual(estimate, truth, accuracy: 0.08, "shared \(shared)")
        }
    }

    func testShinglesOfEditedTextStayClose() {
        let text = "Iranian President Ebrahim Raisi has stressed that the ground is prepared for taking more effective steps to expand cooperation between Iran and Russia"
        let edited = text.replacingOccurrences(of: "more effective", with: "effective")
        let hash = { (t: String) in ArticleFeatures.minHash.signature(MinHash.shingles(WordScanner.words(t).map(\.hash))) }
        XCTAssertGreaterThan(MinHash.similarity(hash(text), hash(edited)), 0.5)
        XCTAssertLessThan(MinHash.similarity(hash(text), hash("Putin hailed the two countries' trade ties during the pandemic")), 0.1)
    }
}
