import Foundation

/// One file of the shared corpus with the figures its producing tool printed (../shared/corpus/expectations.json).
struct CorpusExpectation: CustomStringConvertible {
    struct Check {
        var metric: String
        var labels: [String: String]
        var value: Double
        var tolerance: Double
    }

    var path: String
    var format: String
    var checks: [Check]

    var absolutePath: String { (corpusDirectory ?? "") + "/" + path }
    var description: String { path }

    /// The value expected for `metric` with no labels, if the corpus checks it.
    func expected(_ metric: String) -> Check? { checks.first { $0.metric == metric && $0.labels.isEmpty } }

    /// The entries of the given corpus formats, or none when the corpus is not beside this repository.
    static func entries(formats: Set<String>) -> [CorpusExpectation] {
        guard let corpusDirectory,
            let data = FileManager.default.contents(atPath: corpusDirectory + "/expectations.json"),
            let document = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let entries = document["expectations"] as? [[String: Any]]
        else { return [] }
        return entries.compactMap { entry in
            guard let path = entry["path"] as? String, let format = entry["format"] as? String,
                formats.contains(format), let checks = entry["checks"] as? [[String: Any]]
            else { return nil }
            return CorpusExpectation(
                path: path, format: format,
                checks: checks.compactMap { check in
                    guard let metric = check["metric"] as? String,
                        let value = (check["value"] as? NSNumber)?.doubleValue
                    else { return nil }
                    return Check(
                        metric: metric, labels: check["labels"] as? [String: String] ?? [:], value: value,
                        tolerance: (check["tol"] as? NSNumber)?.doubleValue ?? 0)
                })
        }
    }
}
