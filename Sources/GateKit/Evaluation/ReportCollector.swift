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
    /// cannot be read are problems of their category; nothing is skipped silently. `observer` is told how the
    /// reading of each file goes (the progress line).
    public static func collect(
        _ sources: [ReportSource], root: String, categories: Set<ReportCategory>, observer: ReadObserver? = nil
    ) -> Collection {
        var collection = Collection()
        var seen = Set<String>()
        let resolver = PathResolver(root: root)
        for source in sources where categories.contains(source.category) {
            if let notFound = source.notFound { collection.problems[source.category, default: []].append(notFound) }
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
                        var loaded = try ReportLoader.load(
                            path: absolute, displayPath: path, format: source.format, category: source.category,
                            observer: observer)
                        let mapping = PathMapping(source: source, root: root)
                        let unmatched = resolve(&loaded, mapping: mapping, resolver: resolver)
                        collection.inputs.append(MetricStore.Input(report: loaded, mapping: mapping.filtersOnly))
                        let use = ReportUse(
                            path: path, format: loaded.format, category: source.category, byteCount: loaded.byteCount,
                            sourcePaths: unmatched.total, unmatchedPaths: unmatched.paths,
                            records: loaded.report.recordCounts, tools: loaded.report.tools)
                        collection.reports.append(use)
                        if let problem = requireFiles(source, use) {
                            collection.problems[source.category, default: []].append(problem)
                        }
                    } catch {
                        collection.problems[source.category, default: []].append(error.description)
                    }
                }
            }
        }
        return collection
    }

    /// Rewrites the source paths of a coverage or lint report to root-relative paths of files under the root
    /// (``PathResolver``); returns how many source paths the report has and those that match no file.
    private static func resolve(_ loaded: inout LoadedReport, mapping: PathMapping, resolver: PathResolver)
        -> (total: Int, paths: [String])
    {
        switch loaded.report {
        case .coverage(var report):
            var unmatched: [String] = []
            for index in report.files.indices {
                let written = report.files[index].path
                let normalised = mapping.normalise(written)
                if let found = resolver.resolve(normalised, sourceRoots: report.sourceRoots, mapping: mapping) {
                    report.files[index].path = found
                } else {
                    report.files[index].path = normalised
                    unmatched.append(written)
                }
            }
            loaded.report = .coverage(report)
            return (report.files.count, unmatched)
        case .findings(var report):
            for index in report.findings.indices {
                guard let written = report.findings[index].path else { continue }
                let normalised = mapping.normalise(written)
                report.findings[index].path =
                    resolver.resolve(normalised, sourceRoots: [], mapping: mapping) ?? normalised
            }
            loaded.report = .findings(report)
            return (0, [])
        case .tests, .benchmark, .metrics:
            return (0, [])
        }
    }

    /// The problem of a report whose source paths name too few files under the root, per `require_files`.
    private static func requireFiles(_ source: ReportSource, _ use: ReportUse) -> String? {
        guard let required = source.requireFiles, use.sourcePaths > 0 else { return nil }
        let matched = use.sourcePaths - use.unmatchedPaths.count
        guard Double(matched) * 100 < required * Double(use.sourcePaths) else { return nil }
        let examples = use.unmatchedPaths.prefix(3).joined(separator: ", ")
        return "only \(matched) of \(use.sourcePaths) source paths in \(use.path) name a file under the root "
            + "(require_files: \(NumberFormatting.decimal(required, decimals: 0))%); unmatched: \(examples)"
            + (use.unmatchedPaths.count > 3 ? ", …" : "") + " — map them with strip or map"
    }
}
