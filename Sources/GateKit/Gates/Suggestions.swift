/// "Did you mean …?" hints for mistyped names (keys, metrics, units).
public enum Suggestions {
    /// The candidate closest to `word` (Damerau-Levenshtein distance, case-insensitive), when it is close enough to be
    /// a plausible typo (distance ≤ max(1, word.count / 3)); nil otherwise.
    ///
    /// On a tie the candidate listed first wins; an empty word has no suggestion.
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        guard !word.isEmpty else { return nil }
        let typed = Array(word.lowercased())
        let limit = max(1, word.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = Suggestions.distance(typed, Array(candidate.lowercased()))
            if distance <= limit, distance < best?.distance ?? Int.max { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// " (did you mean 'x'?)" or "" — for appending to an error message.
    public static func didYouMean(_ word: String, in candidates: [String]) -> String {
        guard let candidate = nearest(to: word, in: candidates) else { return "" }
        return " (did you mean '\(candidate)'?)"
    }

    /// The Damerau-Levenshtein distance: the fewest insertions, deletions, substitutions and transpositions of two
    /// adjacent characters that turn `source` into `target` (the unrestricted form of Lowrance and Wagner).
    static func distance(_ source: [Character], _ target: [Character]) -> Int {
        guard !source.isEmpty else { return target.count }
        guard !target.isEmpty else { return source.count }
        let infinity = source.count + target.count
        let width = target.count + 2
        // table[(i + 1) * width + (j + 1)] is the distance between the first i of source and the first j of target.
        var table = [Int](repeating: infinity, count: (source.count + 2) * width)
        for i in 0...source.count { table[(i + 1) * width + 1] = i }
        for j in 0...target.count { table[width + j + 1] = j }
        var lastRowOf: [Character: Int] = [:]
        for i in 1...source.count {
            var lastMatchingColumn = 0
            for j in 1...target.count {
                let k = lastRowOf[target[j - 1]] ?? 0
                let l = lastMatchingColumn
                let cost = source[i - 1] == target[j - 1] ? 0 : 1
                if cost == 0 { lastMatchingColumn = j }
                table[(i + 1) * width + j + 1] = Swift.min(
                    table[i * width + j] + cost,
                    table[(i + 1) * width + j] + 1,
                    table[i * width + j + 1] + 1,
                    table[k * width + l] + (i - k - 1) + 1 + (j - l - 1))
            }
            lastRowOf[source[i - 1]] = i
        }
        return table[(source.count + 1) * width + target.count + 1]
    }
}
