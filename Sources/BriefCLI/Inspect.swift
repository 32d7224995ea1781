import ArgumentParser
import BriefIngest
import BriefModel
import Foundation

/// `brief inspect FILE...`: what ingest makes of each raw article, one JSON object per line.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print what brief makes of raw article files, one JSON object per line.")

    @Argument(help: "Raw article files (text, Markdown, HTML, JSON).")
    var files: [String]

    struct Record: Encodable {
        var file: String
        var format: String?
        var title: String?
        var published: String?
        var date: String?
        var outlet: String?
        var original_outlet: String?
        var dateline: String?
        var url: String?
        var author: String?
        var body: String?
        var evidence: [String: String]
        var warnings: [String]
        var skipped: String?

        // Absent values are written as null, not left out.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(file, forKey: .file); try c.encode(format, forKey: .format)
            try c.encode(title, forKey: .title); try c.encode(published, forKey: .published)
            try c.encode(date, forKey: .date); try c.encode(outlet, forKey: .outlet)
            try c.encode(original_outlet, forKey: .original_outlet); try c.encode(dateline, forKey: .dateline)
            try c.encode(url, forKey: .url); try c.encode(author, forKey: .author); try c.encode(body, forKey: .body)
            try c.encode(evidence, forKey: .evidence); try c.encode(warnings, forKey: .warnings)
            try c.encode(skipped, forKey: .skipped)
        }
        enum CodingKeys: String, CodingKey {
            case file, format, title, published, date, outlet, original_outlet, dateline, url, author, body, evidence, warnings, skipped
        }
    }

    func run() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var failed = false
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("\(path): error: cannot read file\n".utf8))
                failed = true
                continue
            }
            let result = Ingest.articles(from: RawArticle(path: path, bytes: [UInt8](data)))
            let warnings = result.diagnostics.map(\.message)
            var records = result.articles.map { a in
                Record(file: a.file, format: a.format.rawValue, title: a.title, published: a.published?.description,
                       date: a.eventDate?.description, outlet: a.outlet, original_outlet: a.originalOutlet,
                       dateline: a.dateline, url: a.url, author: a.author, body: a.body, evidence: a.evidence,
                       warnings: warnings, skipped: nil)
            }
            if records.isEmpty {
                records = [Record(file: path, evidence: [:], warnings: warnings, skipped: result.skipped)]
            }
            for record in records {
                print(String(decoding: try encoder.encode(record), as: UTF8.self))
            }
        }
        if failed { throw ExitCode.failure }
    }
}
