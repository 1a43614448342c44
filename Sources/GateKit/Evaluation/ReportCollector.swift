/// Finds the report files that gate files declare, reads them, and records what could not be found or read.
public enum ReportCollector {
    /// What was collected for a check.
    public struct Collection: Sendable {
        public var inputs: [MetricStore.Input] = []
        public var reports: [ReportUse] = []
        /// Per category: globs that matched nothing, files that could not be read.
        public var problems: [ReportCategory: [String]] = [:]
    }

    /// Reads every report declared for `categories` under `root`. A glob that matches nothing and a file that
    /// cannot be read are problems of their category; nothing is skipped silently.
    public static func collect(_ sources: [ReportSource], root: String, categories: Set<ReportCategory>) -> Collection {
        var collection = Collection()
        var seen = Set<String>()
        for source in sources where categories.contains(source.category) {
            for pattern in source.patterns {
                let paths: [String]
                do {
                    paths = try FileFinder.find(pattern, under: root)
                } catch {
                    collection.problems[source.category, default: []].append("\(pattern): \(error)")
                    continue
                }
                guard !paths.isEmpty else {
                    collection.problems[source.category, default: []].append(
                        "no \(source.category.rawValue) report matched '\(pattern)'")
                    continue
                }
                for path in paths where seen.insert("\(source.category.rawValue)\u{0}\(path)").inserted {
                    let absolute = path.hasPrefix("/") ? path : root + "/" + path
                    do {
                        let loaded = try ReportLoader.load(
                            path: absolute, displayPath: path, format: source.format, category: source.category)
                        collection.inputs.append(
                            MetricStore.Input(report: loaded, mapping: PathMapping(source: source, root: root)))
                        collection.reports.append(
                            ReportUse(
                                path: path, format: loaded.format, category: source.category,
                                byteCount: loaded.byteCount))
                    } catch {
                        collection.problems[source.category, default: []].append(error.description)
                    }
                }
            }
        }
        return collection
    }
}
