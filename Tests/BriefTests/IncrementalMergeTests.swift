import BriefIngest
import BriefModel
import Foundation
import XCTest
@testable import BriefMerge
@testable import BriefSite

/// A rebuild merges from cached features and reuses the grouping with new ids; the faster
/// paths must give exactly what the plain ones give, on real text (ECB+ reports).
final class IncrementalMergeTests: XCTestCase {
    /// Four ECB+ topics as the real ingest reads them.
    private func reports() throws -> [Article] {
        let folder = TestPaths.repository.appendingPathComponent("../shared/corpora/ecbplus-dev/articles").standardizedFileURL
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { ["1_", "3_", "12_", "35_"].contains(where: $0.hasPrefix) }.sorted()
        XCTAssertGreaterThan(names.count, 60)
        return try names.flatMap { name in
            Ingest.articles(from: RawArticle(path: "articles/\(name)", bytes: [UInt8](try Data(contentsOf: folder.appendingPathComponent(name))))).articles
        }
    }

    private func layout(_ stories: [Story]) -> [String] {
        stories.map { s in ([s.id] + s.formerIDs + s.members.map { "\($0.article.file) \($0.role)" }).joined(separator: "|") }
    }

    private func ids(_ stories: [Story]) -> [String: String] {
        var ids: [String: String] = [:]
        for s in stories { for m in s.members { ids[m.article.file] = s.id } }
        return ids
    }

    func testAGroupingTakesAnyBuildsIDsLikeAFreshMerge() throws {
        var articles = try reports()
        articles[4].storyChoice = .own
        let before = Merge.stories(from: Array(articles.dropLast(2)))
        // An analyst puts one report into a story the last build made.
        articles[7].storyChoice = .brief(before[3].id)
        let grouping = Merge.grouping(articles, features: articles.map(ArticleFeatures.init))
        let after = Merge.stories(from: articles, previousIDs: ids(before))
        XCTAssertEqual(layout(Merge.identified(grouping, articles: articles, previousIDs: ids(before))), layout(after))
        XCTAssertTrue(after.contains { $0.id == before[3].id && $0.members.contains { $0.article.file == articles[7].file } })
        // The next build has other previous ids but the same articles: the same grouping serves.
        var moved = ids(after)
        moved[articles[0].file] = "an-id-from-an-older-build"
        XCTAssertEqual(layout(Merge.identified(grouping, articles: articles, previousIDs: moved)),
                       layout(Merge.stories(from: articles, previousIDs: moved)))
    }

    func testFeaturesComeBackFromTheCacheAsTheyWere() throws {
        for article in try reports().prefix(20) {
            let features = ArticleFeatures(article)
            var reader = CacheReader(Array(CacheWriter.record { $0.articleFeatures(features) }))
            XCTAssertEqual(reader.articleFeatures(), features, article.file)
        }
        // A damaged record is made again, not trusted.
        let one = ArticleFeatures(try reports()[0])
        let bytes = Array(CacheWriter.record { $0.articleFeatures(one) })
        var cut = CacheReader(Array(bytes.prefix(bytes.count / 2)))
        XCTAssertNil(cut.articleFeatures())
    }

    /// The term space numbered per slice of articles gives the vectors one numbering of all
    /// articles in order gives (computed here the plain way).
    func testSlicedTermSpaceIsTheOnePassOne() throws {
        let features = try reports().map(ArticleFeatures.init)
        var ids: [UInt64: Int32] = [:]
        var df: [Int32] = []
        for f in features {
            for t in f.terms {
                if let id = ids[t] { df[Int(id)] += 1 } else { ids[t] = Int32(df.count); df.append(1) }
            }
        }
        let n = Float(features.count + TermSpace.background)
        let plain = features.map { f -> TermVector in
            var pairs = f.terms.indices.map { k -> (Int32, Float) in
                let id = ids[f.terms[k]]!
                var w = f.frequencies[k] * log(1 + n / Float(df[Int(id)]))
                if f.kinds[k] == .name { w *= TermSpace.nameBoost } else if f.kinds[k] == .number { w *= TermSpace.numberBoost }
                return (id, w)
            }
            pairs.sort { $0.0 < $1.0 }
            let norm = sqrt(pairs.reduce(Float(0)) { $0 + $1.1 * $1.1 })
            return TermVector(ids: pairs.map(\.0), weights: pairs.map { $0.1 / norm })
        }
        for slice in [7, 50, 2048] {
            let space = TermSpace(features, slice: slice)
            XCTAssertEqual(space.documentFrequency, df)
            XCTAssertEqual(space.vectors.map(\.ids), plain.map(\.ids), "slice \(slice)")
            XCTAssertEqual(space.vectors.map(\.weights), plain.map(\.weights), "slice \(slice)")
        }
    }

    func testPairCosinesAreTheListMergeOnes() throws {
        let space = TermSpace(try reports().map(ArticleFeatures.init))
        let n = min(space.vectors.count, 80)
        var keys: [UInt64] = []
        for i in 0..<n { for j in (i + 1)..<n { keys.append(CandidatePairs.key(i, j)) } }
        let fast = space.cosines(keys[...])
        let plain = keys.map { TermVector.cosine(space.vectors[Int($0 >> 32)], space.vectors[Int($0 & 0xffff_ffff)]) }
        XCTAssertEqual(fast, plain)
        XCTAssertGreaterThan(plain.filter { $0 > 0.3 }.count, 10, "some pairs are alike")
    }

    func testTopIsTheStableSortPrefix() throws {
        let space = TermSpace(try reports().map(ArticleFeatures.init))
        for v in space.vectors.prefix(40) {
            // Rounded weights tie often: ties must go to the earlier position.
            for values in [v.weights, v.weights.map { ($0 * 20).rounded() }] {
                let sorted = values.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }
                for k in [1, 5, 30, 40] {
                    XCTAssertEqual(values.withUnsafeBufferPointer { CandidatePairs.top(k, of: $0) }, Array(sorted.prefix(k)))
                }
            }
        }
    }
}
