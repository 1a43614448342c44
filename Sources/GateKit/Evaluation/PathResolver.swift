/// Finds the file under the project root that a source path written in a report names.
///
/// A normalised path (see ``PathMapping``) that names a file under the root is kept. Otherwise:
/// - a relative path is tried under each of the report's source roots (Cobertura's `<sources>`);
/// - an absolute path from another machine — a CI checkout (`/home/runner/work/app/app/…`, `/builds/group/app/…`,
///   `C:/agent/_work/1/s/…`) — is resolved by its longest suffix that names a file under the root, and the prefix
///   that was dropped is remembered for the next paths of the run.
/// A path that names no file is returned unchanged and reported as unmatched: it still counts, but a `path`
/// selector does not select it and `require_files` can fail the gate on it.
final class PathResolver {
    private let root: String
    /// Prefixes of absolute paths that turned out to stand for the root.
    private var prefixes: [String] = []
    private var known: [String: String?] = [:]

    init(root: String) { self.root = root }

    /// The root-relative path of the file `path` names, or nil when no file under the root matches it.
    func resolve(_ path: String, sourceRoots: [String], mapping: PathMapping) -> String? {
        if let cached = known[path] { return cached }
        let resolved = lookUp(path, sourceRoots: sourceRoots, mapping: mapping)
        known[path] = resolved
        return resolved
    }

    private func lookUp(_ path: String, sourceRoots: [String], mapping: PathMapping) -> String? {
        if !Self.isAbsolute(path) {
            if exists(path) { return path }
            for sourceRoot in sourceRoots {
                let joined = mapping.normalise(sourceRoot.replacingBackslashes.trimmingSuffix("/") + "/" + path)
                if !Self.isAbsolute(joined) {
                    if exists(joined) { return joined }
                } else if let found = fromElsewhere(joined) {
                    return found
                }
            }
            return nil
        }
        return fromElsewhere(path)
    }

    /// An absolute path of another checkout: the learned prefixes first, then the longest suffix that exists.
    private func fromElsewhere(_ path: String) -> String? {
        for prefix in prefixes where path.hasPrefix(prefix) {
            let candidate = String(path.dropFirst(prefix.count))
            if exists(candidate) { return candidate }
        }
        let parts = path.split(separator: "/")
        for start in 1..<max(1, parts.count) {
            let candidate = parts[start...].joined(separator: "/")
            if exists(candidate) {
                let prefix = (path.hasPrefix("/") ? "/" : "") + parts[..<start].joined(separator: "/") + "/"
                if !prefixes.contains(prefix) { prefixes.append(prefix) }
                return candidate
            }
        }
        return nil
    }

    private func exists(_ relative: String) -> Bool {
        !relative.isEmpty && FileSystem.kind(of: root + "/" + relative) == .file
    }

    /// `/…` on Unix, `C:/…` from Windows.
    static func isAbsolute(_ path: String) -> Bool {
        if path.hasPrefix("/") { return true }
        let scalars = Array(path.unicodeScalars.prefix(3))
        return scalars.count == 3 && scalars[0].properties.isAlphabetic && scalars[1] == ":" && scalars[2] == "/"
    }
}

extension String {
    /// The string without one trailing `suffix`.
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
