import BriefModel
import BriefSite
import Foundation
import XCTest

/// An archive whose every field an attacker controls: nothing executable may reach the site,
/// and every machine-readable output must still parse.
final class HostileArchiveTests: XCTestCase {
    static let control = "\u{01}\u{08}\u{0B}\u{1B}\u{7F}"
    static let mustache = "{{title}} {{{x}}} {{#briefs}}{{/briefs}} {{> base}} {{=<% %>=}}"

    static var files: [String: String] {
        let body = """
        Tehran: Iranian President Ebrahim Raisi met Russian President Vladimir Putin in Moscow on Thursday. \
        The talks covered trade and energy <img src=x onerror=alert(1)> and <script>alert('body')</script> too.

        See [click me](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) \
        and [spaced]( javascript:alert(1) ) and [entity](&#106;avascript:alert(1)) and <javascript:alert(1)> \
        and ![img](javascript:alert(1)) and [vb](VBScript:msgbox(1)) and [colon](javascript&colon;alert(1)) \
        and [tab](java&#x09;script:alert(1)) and [nl](java&#10;script:alert(1)) and [ref][r] and <a href=javascript:alert(1)>x</a>.

        [r]: javascript:alert(1) "title\" onclick=\"alert(1)"

        <a href="javascript:alert(1)" onclick="alert(1)">raw link</a> <iframe src="data:text/html,x"></iframe>
        <svg onload=alert(1)></svg> <div style="background:url(javascript:alert(1))">x</div>

        Mustache: \(mustache) and CDATA end ]]> and </script> and "quotes" & 'apostrophes' & &amp; &lt;b&gt;.
        Control characters: \(control) end.

        Putin said relations between the two countries were at the best possible level, and Raisi said \
        cooperation with Russia was important for Iran's policy toward its neighbours.
        """
        return [
            "site.yml": """
            title: "<script>alert('site')</script> {{x}} ]]>"
            description: "\\" onload=\\"alert(1) <img src=x onerror=alert(1)> & </script>"
            language: en
            base_url: https://briefs.example.org/
            """,
            "entities.yml": """
            entities:
              - name: "<script>alert('entity')</script>"
                type: person
                aliases: ["<img src=x onerror=alert(2)>", "{{{x}}}", "Raisi"]
                description: "</script><script>alert(3)</script> ]]> & \\" onmouseover=\\"alert(1)"
              - name: "Vladimir Putin"
                type: person
                aliases: [Putin, "javascript:alert(1)"]
                description: "<a href=javascript:alert(1)>x</a> {{#x}}"
            """,
            "articles/a1-front-matter.md": """
            ---
            title: "<script>alert(1)</script> Raisi meets Putin \\u0001 {{title}}"
            published: 2023-12-08
            outlet: "<b onmouseover=alert(1)>Evil Outlet</b>"
            author: "<img src=x onerror=alert(1)> & Co"
            url: "javascript:alert(document.cookie)"
            dateline: "<script>x</script>"
            ---
            \(body)
            """,
            "articles/a2.json": jsonArticle([
                "title": "<script>alert(2)</script> Iran and Russia sign trade accord {{{x}}}",
                "url": "data:text/html,<script>alert(1)</script>",
                "source": "<svg onload=alert(1)>",
                "author": "\" onerror=\"alert(1)",
                "date": "2024-01-19",
                "body": body.replacingOccurrences(of: "Thursday", with: "Friday") + "\n\nThe accord covers gas and railways.",
            ]),
            "articles/a3.html": """
            <!doctype html><html><head>
            <title><script>alert(3)</script> Putin hosts Raisi</title>
            <meta property="og:title" content="&quot;&gt;&lt;script&gt;alert(4)&lt;/script&gt; Putin hosts Raisi">
            <meta property="og:site_name" content="&lt;img src=x onerror=alert(5)&gt;">
            <meta property="og:url" content="javascript:alert(6)">
            <meta property="article:published_time" content="2022-01-19T13:57:00Z">
            <script>alert('page')</script>
            </head><body><article>
            <h1><script>alert(3)</script> Putin hosts Raisi</h1>
            <p onclick="alert(1)">Moscow: Russian President Vladimir Putin hosted Iranian President Ebrahim Raisi in the Kremlin \
            on Wednesday for talks on trade, energy and the nuclear deal, <a href="javascript:alert(1)">officials said</a>.</p>
            <p>Raisi told Putin that Iran had no limits in expanding ties with Russia <img src=x onerror=alert(1)> \
            and that {{{x}}} ]]> &amp; &lt;/script&gt; mattered.</p>
            <p>The two presidents discussed a long-term cooperation agreement between Tehran and Moscow covering \
            twenty years, according to the Kremlin statement issued after the meeting.</p>
            </article></body></html>
            """,
            "articles/a4.txt": """
            <script>alert(7)</script> Raisi and Putin talk by phone
            date 2024-03-19
            \(body.replacingOccurrences(of: "met", with: "spoke by phone with"))
            Source: <b onmouseover=alert(1)>Iran Daily</b>
            """,
            "articles/a5.jsonl": jsonArticle(["headline": "</script><script>alert(8)</script>", "url": "javascript:alert(8)",
                                              "publishedAt": "2024-05-20", "outlet": "{{#x}}", "content": "Tehran: A quiet day " + body]) + "\n"
                + jsonArticle(["title": "]]></title><script>alert(9)</script>", "link": " JaVaScRiPt:alert(9)",
                               "pubDate": "2024-06-01", "site_name": "&amp;<x>", "text": body + " Separate event about oil prices."]),
            "notes/hostile-note.md": """
            ---
            title: "<script>alert('note')</script> {{{x}}} ]]>"
            date: 2024-01-02
            author: "<img src=x onerror=alert(10)>"
            tags: ["<b>x</b>", "javascript:alert(1)", "{{x}}", "\\" onclick=\\"alert(1)", "../../etc"]
            entities: ["<script>alert(11)</script>"]
            briefs: ["javascript:alert(1)"]
            ---
            The [[Raisi]] and [[<script>alert(12)</script>]] and [[Putin|<img src=x onerror=alert(13)>]] and \
            [[javascript:alert(1)]] and [[x|javascript:alert(1)]] links.

            [markdown js](javascript:alert(14)) [md data](data:text/html,<script>alert(15)</script>)
            <script>alert(16)</script> <img src=x onerror=alert(17)> \(mustache) ]]> \(control)
            """,
            "notes/{{x}}<script>.md": """
            ---
            title: Plain title
            tags: [gaza]
            ---
            Body with [[Vladimir Putin]].
            """,
        ]
    }

    static func jsonArticle(_ fields: [String: String]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]), as: UTF8.self)
    }

    func buildHostile() throws -> URL {
        let root = TestPaths.temporaryFolder()
        let content = root.appendingPathComponent("Content")
        Hostile.write(Self.files, under: content)
        let output = root.appendingPathComponent("Output")
        do {
            _ = try SiteBuild.run(SiteBuild.Options(content: content, templates: TestPaths.templates, output: output),
                                  buildDate: "2024-07-01", force: true)
        } catch {
            XCTFail("hostile archive must build: \(error)")
            throw error
        }
        return output
    }

    func testNoExecutableMarkupReachesTheSite() throws {
        let output = try buildHostile()
        let files = Hostile.snapshot(output)
        XCTAssertGreaterThan(files.keys.filter { $0.hasPrefix("briefs/") }.count, 1, "the hostile articles should make briefs")
        var problems: [String] = []
        for (path, data) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            let text = String(decoding: data, as: UTF8.self)
            problems += Hostile.executableMarkup(in: text, page: path)
            if path.hasSuffix(".xml") {
                // Feed readers render html-typed Atom text (and RSS descriptions) as HTML: scan the decoded text too.
                let parsed = Hostile.parseXML(data)
                for (element, type, inner) in parsed.texts
                where type == "html" || type == "xhtml" || element == "description" || element == "content:encoded" {
                    problems += Hostile.executableMarkup(in: inner, page: "\(path) <\(element)>")
                }
            }
            for c in text.unicodeScalars where path.hasSuffix(".xml") && c.value < 0x20 && c != "\n" && c != "\t" && c != "\r" {
                problems.append("\(path): control character U+\(String(c.value, radix: 16))"); break
            }
        }
        XCTAssertEqual(problems, [], "executable markup in the output:\n" + problems.joined(separator: "\n"))
    }

    func testMachineReadableOutputsParse() throws {
        let output = try buildHostile()
        let files = Hostile.snapshot(output)
        for (path, data) in files where path.hasSuffix(".json") {
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: data), "\(path) does not parse as JSON")
        }
        XCTAssertNotNil(files["archive.json"])
        XCTAssertFalse(files.keys.filter { $0.hasPrefix("search/") && $0.hasSuffix(".json") }.isEmpty, "no search index written")
        for name in ["feed.xml", "sitemap.xml"] {
            guard let data = files[name] else { XCTFail("\(name) not written"); continue }
            let parsed = Hostile.parseXML(data)
            XCTAssertNil(parsed.error, "\(name) does not parse as XML")
        }
        // search.js puts each document's `url` into `a.href`: it must be a relative page path.
        func urls(_ value: Any) -> [String] {
            if let d = value as? [String: Any] { return d.flatMap { ($0.key == "url" ? [$0.value as? String ?? ""] : []) + urls($0.value) } }
            if let a = value as? [Any] { return a.flatMap(urls) }
            return []
        }
        for (path, data) in files where path.hasPrefix("search/") && path.hasSuffix(".json") {
            for url in urls((try? JSONSerialization.jsonObject(with: data)) ?? [:]) {
                XCTAssertFalse(Hostile.dangerousURL(url) || Markdown_hasScheme(url) || url.hasPrefix("//"), "\(path): search url \(url)")
            }
        }
        // The hostile strings survive as text (escaped), not dropped wholesale.
        let archive = String(decoding: files["archive.json"]!, as: UTF8.self)
        XCTAssertTrue(archive.contains("alert"), "hostile titles should be kept as text")
    }

    /// The scanner itself finds what it is meant to find (so a passing hostile build means something).
    func testScannerCatchesKnownBadMarkup() {
        let bad = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>",
                   "<a href=' &#106;avascript:alert(1)'>x</a>", "<iframe src=\"data:text/html,x\"></iframe>", "<SVG/ONLOAD=alert(1)>",
                   "<a\nhref=JaVaScRiPt:alert(1)>", "<p title=x onclick=alert(1)>", "<script src=\"https://evil.example/x.js\"></script>"]
        for html in bad { XCTAssertFalse(Hostile.executableMarkup(in: html, page: "t").isEmpty, "not caught: \(html)") }
        let good = ["<script src=\"../assets/search.js\" defer></script>", "<p title=\"x onclick=alert(1)\">&lt;script&gt;</p>",
                    "<a href=\"https://example.org/?q=javascript:\">x</a>", "<!-- <script>x</script> -->"]
        for html in good { XCTAssertEqual(Hostile.executableMarkup(in: html, page: "t"), [], html) }
    }

    /// Templates never see content as a template: Mustache-looking text is printed as it is.
    func testMustacheLookingTextIsNotExpanded() throws {
        let output = try buildHostile()
        let files = Hostile.snapshot(output)
        let all = files.filter { $0.key.hasSuffix(".html") }.map { String(decoding: $0.value, as: UTF8.self) }.joined()
        XCTAssertTrue(all.contains("{{{x}}}") || all.contains("{{{x}}}".replacingOccurrences(of: "{", with: "&#123;")),
                      "content's {{{x}}} should appear literally somewhere")
    }
}

private func Markdown_hasScheme(_ url: String) -> Bool {
    guard let colon = url.firstIndex(of: ":") else { return false }
    return !url[..<colon].contains("/") && !url[..<colon].contains("?") && !url[..<colon].contains("#")
}
