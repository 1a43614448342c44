import Foundation

@testable import GateKit

/// Calls `body` with the path (relative to the corpus) and the head of every corpus file under `folder`, decoded
/// and looked at as recognition looks at it; does nothing when the corpus is not beside this repository.
func forEachCorpusHead(under folder: String, _ body: (String, ContentHead) -> Void) throws {
    guard let corpusDirectory else { return }
    let root = URL(fileURLWithPath: corpusDirectory).appendingPathComponent(folder)
    let paths = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
    for path in paths.sorted() {
        let url = root.appendingPathComponent(path)
        guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
        let input = try TextDecoding.open(path: url.path).0
        _ = try input.ensure(ContentHead.size)
        body(folder + "/" + path, ContentHead(input.unconsumed.slice(0, min(input.available, ContentHead.size))))
    }
}
