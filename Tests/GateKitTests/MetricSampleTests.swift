import Testing

@testable import GateKit

/// A sample keeps its labels as one length-prefixed string (an exposition can hold millions of samples): whatever the
/// label values hold, they must come back as they went in.
@Suite struct MetricSampleTests {
    @Test func labelsComeBackAsTheyWentIn() {
        let labels = [
            "path": "/api/v1:items/12:3", "le": "+Inf", "empty": "", "accent": "\u{301}é", "nul": "a\u{0}b",
            "digits": "10:20", "emoji": "🚀 launch",
        ]
        let sample = MetricSample(name: "http_requests_total", labels: labels, value: 3)
        #expect(sample.labels == labels)
        for (key, value) in labels { #expect(sample.label(key) == value) }
        #expect(sample.label("missing") == nil)
        #expect(sample.label("pat") == nil, "a prefix of a name is not the name")
    }

    @Test func labelTextIsSortedByName() {
        let sample = MetricSample(name: "up", labels: ["job": "api", "instance": "a:9090"], value: 1)
        #expect(sample.labelText == #"instance="a:9090",job="api""#)
        #expect(MetricSample(name: "up", value: 1).labelText.isEmpty)
        #expect(MetricStore.describe(sample) == #"up{instance="a:9090",job="api"}"#)
    }

    @Test func samplesWithTheSameLabelsAreEqualWhateverTheOrderTheyWereGiven() {
        var first = MetricSample(name: "up", labels: ["b": "2", "a": "1"], value: 1)
        let second = MetricSample(name: "up", labels: ["a": "1", "b": "2"], value: 1)
        #expect(first == second)
        first.labels["a"] = "9"
        #expect(first != second)
        #expect(first.label("a") == "9")
    }
}
