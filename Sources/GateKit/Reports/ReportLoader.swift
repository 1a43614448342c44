import Glibc

/// A report that was found, recognised and read.
public struct LoadedReport: Sendable {
    /// The path shown to the user (relative to the project root when the file is under it).
    public var path: String
    public var format: ReportFormat
    public var report: Report
    /// The file's size in bytes.
    public var byteCount: Int
    public var encoding: TextDecoding.Encoding
    /// The category the report feeds: the one it was declared under, else its format's.
    public var category: ReportCategory

    public init(
        path: String, format: ReportFormat, report: Report, byteCount: Int, encoding: TextDecoding.Encoding,
        category: ReportCategory? = nil
    ) {
        self.path = path
        self.format = format
        self.report = report
        self.byteCount = byteCount
        self.encoding = encoding
        self.category = category ?? format.category
    }
}

/// A report file that could not be used, with the reason in words for the user.
public struct ReportLoadError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "\(path): \(reason)" }
}

/// Opens a report file, recognises its format by content (unless one is given) and reads it.
public enum ReportLoader {
    /// Reads the report at `path`.
    ///
    /// - Parameters:
    ///   - displayPath: how to name the file in messages (defaults to `path`).
    ///   - format: the format to read it as; when nil it is recognised from the content.
    ///   - category: the category it was declared under; limits recognition to that category's formats.
    ///   - observer: told how far the reading has got (the progress line); nil costs nothing.
    public static func load(
        path: String, displayPath: String? = nil, format: ReportFormat? = nil, category: ReportCategory? = nil,
        observer: ReadObserver? = nil
    ) throws(ReportLoadError) -> LoadedReport {
        let shownPath = displayPath ?? path
        func failure(_ error: InputError) -> ReportLoadError {
            ReportLoadError(path: shownPath, reason: error.description)
        }
        do {
            let file = try FileByteSource(path: path)
            var source: ByteSource = file
            if let observer {
                var info = stat()
                observer.begin(path: shownPath, total: stat(path, &info) == 0 ? Int(info.st_size) : 0)
                source = ProgressByteSource(file, observer: observer)
            }
            defer { observer?.end() }
            let (input, encoding) = try TextDecoding.open(source: source)
            _ = try input.ensure(ContentHead.size)
            let head = ContentHead(input.unconsumed.slice(0, min(input.available, ContentHead.size)))
            let chosen = try choose(format: format, category: category, head: head)
            let report = try chosen.reader.read(input)
            var info = stat()
            let size = stat(path, &info) == 0 ? Int(info.st_size) : input.offset
            return LoadedReport(
                path: shownPath, format: chosen, report: report, byteCount: size, encoding: encoding, category: category
            )
        } catch {
            throw failure(error)
        }
    }

    /// Picks the reader: the declared format, else the first format of the category that recognises the head.
    static func choose(format: ReportFormat?, category: ReportCategory?, head: ContentHead) throws(InputError)
        -> ReportFormat
    {
        if head.kind == .binary { throw InputError("binary data, not a text report") }
        if let format {
            if let category, !format.categories.contains(category) {
                throw InputError(
                    "format '\(format.rawValue)' holds \(format.category.rawValue) results, "
                        + "but the file is declared under '\(category.rawValue)'")
            }
            if head.kind == .empty, format != .diagnostics {
                throw InputError("the file is empty: no \(format.category.rawValue) data")
            }
            return format
        }
        let candidates = ReportFormat.allCases.filter { category == nil || $0.categories.contains(category ?? .lint) }
        if head.kind == .empty {
            // A compiler or linter that found nothing prints nothing: an empty lint log is a clean one.
            if category == .lint { return .diagnostics }
            throw InputError("the file is empty: no \(category?.rawValue ?? "report") data")
        }
        if let match = candidates.first(where: { $0.reader.recognizes(head) }) { return match }
        let names = candidates.map { "\($0.displayName) (\($0.rawValue))" }.joined(separator: ", ")
        throw InputError(
            "not a recognised \(category.map { "\($0.rawValue) " } ?? "")report format; "
                + "expected one of: \(names). Name the format with format: \"…\" if it is one of these")
    }
}
