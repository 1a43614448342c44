/// Reads JMeter's XML results file (JTL with `jmeter.save.saveservice.output_format=xml`): a `<testResults>` root
/// holding `<httpSample>` and `<sample>` elements, whose attributes are `t` (elapsed, whole milliseconds), `lb`
/// (label), `s` (success, `true`/`false`) and `ts` (start, epoch milliseconds).
///
/// Every `<httpSample>` and `<sample>` is one sample (``JMeterSamples``), nested sub-samples (redirects, embedded
/// resources) included: the CSV results of the same run hold them as rows of their own, which JMeter's dashboard
/// counts. Other children (`<responseData>`, `<assertionResult>`, `<cookies>`…) are skipped unread. A sample
/// without `t` is an error; without `s` its success is unknown (no failure count); without `ts` the duration, and
/// so the computed throughput, is unknown. Figures equal JMeter's Aggregate Report for the file loaded in the GUI
/// (`# Samples`, `Error %`, min, max, average, throughput).
public enum JMeterXMLReader: ReportReader {
    public static let category = ReportCategory.bench
    public static let displayName = "JMeter JTL XML"

    public static func recognizes(_ head: ContentHead) -> Bool {
        head.kind == .xml && head.xmlRoot == "testResults"
    }

    public static func read(_ input: InputBuffer) throws(InputError) -> Report {
        let xml = XMLTokenizer(input)
        guard try xml.next() == .startElement, xml.localName == "testResults" else {
            throw InputError("not a JMeter XML results file: the root element is not <testResults>", line: xml.line)
        }
        var samples = JMeterSamples()
        while true {
            switch try xml.next() {
            case .end: return .benchmark(try samples.report(noSamples: "the JMeter results file holds no samples"))
            case .startElement:
                if xml.localName == "httpSample" || xml.localName == "sample" {
                    try add(xml, to: &samples)
                } else {
                    try xml.skipElement()
                }
            case .endElement, .text: continue
            }
        }
    }

    private static func add(_ xml: XMLTokenizer, to samples: inout JMeterSamples) throws(InputError) {
        let line = xml.line
        let label = xml.attribute("lb") ?? ByteSpan(base: xml.name.base, count: 0)
        guard let elapsedText = xml.attribute("t") else {
            throw InputError("the <\(xml.name)> of '\(label)' has no elapsed time (t)", line: line)
        }
        guard let elapsed = elapsedText.int() else {
            throw InputError(
                "the elapsed time of '\(label)' is '\(XMLSyntax.shown(elapsedText))', not a whole number of "
                    + "milliseconds", line: line)
        }
        let success = try xml.attribute("s").map { text throws(InputError) in
            try JMeterCSVColumns.success(text, line)
        }
        let start = xml.attribute("ts")?.int()
        try samples.add(label: label, elapsed: elapsed, success: success, start: start, line: line)
    }
}
