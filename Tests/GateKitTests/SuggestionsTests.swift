import Testing

@testable import GateKit

@Suite struct SuggestionsTests {
    static let keys = ["protocol", "name", "reports", "gates", "require", "phase", "level", "documents"]

    @Test(arguments: [
        ("gate", "gates"),  // deletion
        ("gatess", "gates"),  // insertion
        ("gatez", "gates"),  // substitution
        ("gaets", "gates"),  // transposition
        ("GATES", "gates"),  // case
        ("Reprots", "reports"),
        ("requier", "require"),
        ("docments", "documents"),
        ("protocl", "protocol"),
    ])
    func suggestsAPlausibleTypo(word: String, expected: String) {
        #expect(Suggestions.nearest(to: word, in: Self.keys) == expected)
    }

    @Test(arguments: ["gat", "threshold", "x", "", "levels2x"])
    func suggestsNothingForAFarWord(word: String) {
        #expect(Suggestions.nearest(to: word, in: Self.keys) == nil)
    }

    @Test func allowsOneEditPerThreeCharacters() {
        // "abcdef" allows 2 edits, "abcde" only 1.
        #expect(Suggestions.nearest(to: "abcdxy", in: ["abcdef"]) == "abcdef")
        #expect(Suggestions.nearest(to: "abcxy", in: ["abcde"]) == nil)
        #expect(Suggestions.nearest(to: "ab", in: ["ax"]) == "ax")
    }

    @Test func prefersTheClosestAndThenTheFirstCandidate() {
        #expect(Suggestions.nearest(to: "lines", in: ["linez", "line", "lines2"]) == "linez")
        #expect(Suggestions.nearest(to: "latencyp95", in: ["latency.p99", "latency.p95"]) == "latency.p95")
        #expect(Suggestions.nearest(to: "x", in: []) == nil)
    }

    @Test func countsCharactersNotBytes() {
        #expect(Suggestions.nearest(to: "lätency", in: ["latency"]) == "latency")
        #expect(Suggestions.nearest(to: "🎉🎉🎉", in: ["🎉🎉"]) == "🎉🎉")
    }

    @Test(arguments: [
        ("", "", 0), ("abc", "", 3), ("", "ab", 2), ("abc", "abc", 0), ("kitten", "sitting", 3),
        ("ab", "ba", 1), ("ca", "abc", 2), ("abcdef", "badcfe", 3), ("a", "b", 1),
    ])
    func measuresTheDamerauLevenshteinDistance(source: String, target: String, distance: Int) {
        #expect(Suggestions.distance(Array(source), Array(target)) == distance)
        #expect(Suggestions.distance(Array(target), Array(source)) == distance)
    }

    @Test func formatsAHintForAnErrorMessage() {
        #expect(Suggestions.didYouMean("gatse", in: Self.keys) == " (did you mean 'gates'?)")
        #expect(Suggestions.didYouMean("zzzzzz", in: Self.keys) == "")
    }
}
