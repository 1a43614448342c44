/// One benchmark statistic of DESIGN §5, as `measureBenchmark` computes it.
enum BenchmarkStatistic: Equatable {
    case percentile(Double)
    case minimum, maximum, mean
    case requests, failures, errorRate, throughput

    init?(_ name: String) {
        switch name {
        case "latency.min": self = .minimum
        case "latency.max": self = .maximum
        case "latency.mean": self = .mean
        case "requests.total": self = .requests
        case "requests.failed": self = .failures
        case "error_rate": self = .errorRate
        case "throughput": self = .throughput
        default:
            guard name.hasPrefix("latency.p"), let rank = Double(name.dropFirst("latency.p".count)) else { return nil }
            self = .percentile(rank)
        }
    }

    /// How the statistic reads in a basis: `p95`, `minimum`.
    var word: String {
        switch self {
        case .percentile(let rank): return "p" + NumberFormatting.decimal(rank, decimals: 3, trimZeros: true)
        case .minimum: return "minimum"
        case .maximum: return "maximum"
        case .mean: return "mean"
        case .requests: return "requests"
        case .failures: return "failed requests"
        case .errorRate: return "error rate"
        case .throughput: return "throughput"
        }
    }

    var isPercentile: Bool {
        if case .percentile = self { return true }
        return false
    }

    /// Whether a higher value is the better one (for `aggregate: "best"`).
    var higherIsBetter: Bool { self == .throughput || self == .requests }

    /// The value `stated` gives for this statistic, if any.
    func stated(_ stated: StatedStatistics) -> Double? {
        switch self {
        case .percentile(let rank): return stated.percentiles[rank] ?? (rank == 50 ? stated.median : nil)
        case .minimum: return stated.minimum
        case .maximum: return stated.maximum
        case .mean: return stated.mean
        case .throughput: return stated.throughput
        case .requests, .failures, .errorRate: return nil
        }
    }
}

/// A selected series and the report it comes from.
struct SelectedSeries {
    var path: String
    var series: BenchmarkSeries

    /// `path (label)`, for messages.
    var name: String { "\(path) (\(series.label))" }
}

/// A benchmark value before it becomes a measurement: how many samples it rests on, and how it was found.
struct BenchmarkValue {
    var value: Double
    var samples: Int?
    var basis: String
}

extension MetricStore {
    /// `latency.*`, `requests.*`, `error_rate` and `throughput` over the selected labels.
    ///
    /// Without a `label` term a report's aggregate series (Locust's `Aggregated`) stands for the report, else its
    /// labels pool; with one, the matching labels pool. Raw samples pool exactly; a statistic a report states is used
    /// as stated, and stated percentiles of several series are never combined (an error says what to select).
    /// `aggregate` measures each matching report as one run and takes the median, best or worst run.
    func measureBenchmark(_ metric: MetricDefinition, selector: [SelectorTerm]) -> MetricOutcome {
        guard let statistic = BenchmarkStatistic(metric.name) else {
            return .unavailable("\(metric.name) is not a benchmark statistic")
        }
        let (options, terms) = BenchmarkOptions.split(selector)
        let runs = benchmarks.map { path, report in
            Self.select(report, terms).map { SelectedSeries(path: path, series: $0) }
        }
        .filter { !$0.isEmpty }
        guard !runs.isEmpty else {
            if benchmarks.isEmpty { return .unavailable("no benchmark report was read") }
            let labels = Set(benchmarks.flatMap { $0.report.series.filter { !$0.isAggregate }.map(\.label) })
            return .unavailable(
                "no benchmark label matches \(terms.map(\.text).joined(separator: ", ")) (labels: "
                    + labels.sorted().prefix(5).joined(separator: ", ") + ")")
        }
        guard let aggregate = options.aggregate, runs.count > 1 else {
            return Self.outcome(Self.measure(statistic, runs.flatMap { $0 }, options), options: options)
        }
        var values: [(run: String, value: BenchmarkValue)] = []
        for run in runs {
            switch Self.measure(statistic, run, options) {
            case .failure(let reason): return .unavailable("\(run[0].path): \(reason.message)")
            case .success(let value): values.append((run[0].path, value))
            }
        }
        return Self.aggregated(values, aggregate, statistic: statistic, unit: metric.unit, options: options)
    }

    /// The series of `report` that `terms` select: its aggregate series, or all, without terms.
    static func select(_ report: BenchmarkReport, _ terms: [SelectorTerm]) -> [BenchmarkSeries] {
        guard !terms.isEmpty else {
            if let aggregate = report.series.first(where: \.isAggregate) { return [aggregate] }
            return report.series
        }
        return report.series.filter { series in !series.isAggregate && terms.allSatisfy { $0.selects(series.label) } }
    }

    /// A value as a measurement, vacuous when it rests on fewer samples than `min_samples`.
    private static func outcome(_ result: Result<BenchmarkValue, BenchmarkError>, options: BenchmarkOptions)
        -> MetricOutcome
    {
        switch result {
        case .failure(let error): return .unavailable(error.message)
        case .success(let value):
            return .measured(
                Measurement(value: value.value, basis: value.basis, vacuous: tooFewSamples(value.samples, options)))
        }
    }

    /// "not enough samples: 37 < 100" when `min_samples` asks for more than `samples`.
    private static func tooFewSamples(_ samples: Int?, _ options: BenchmarkOptions, in run: String? = nil) -> String? {
        guard let minimum = options.minimumSamples else { return nil }
        let place = run.map { " in \($0)" } ?? ""
        guard let samples else { return "the sample count is unknown\(place): min_samples cannot be checked" }
        guard samples < minimum else { return nil }
        return "not enough samples: \(NumberFormatting.count(samples)) < \(NumberFormatting.count(minimum))\(place)"
    }

    /// The median, best or worst of several runs' values.
    private static func aggregated(
        _ values: [(run: String, value: BenchmarkValue)], _ aggregate: RunAggregate, statistic: BenchmarkStatistic,
        unit: UnitKind, options: BenchmarkOptions
    ) -> MetricOutcome {
        let sorted = values.sorted { $0.value.value < $1.value.value }
        let result: Double
        switch aggregate {
        case .median:
            let middle = sorted.count / 2
            result =
                sorted.count % 2 == 1
                ? sorted[middle].value.value : (sorted[middle - 1].value.value + sorted[middle].value.value) / 2
        case .best: result = (statistic.higherIsBetter ? sorted.last : sorted.first)?.value.value ?? 0
        case .worst: result = (statistic.higherIsBetter ? sorted.first : sorted.last)?.value.value ?? 0
        }
        let runs = values.map { "\($0.run): \(NumberFormatting.quantity($0.value.value, unit)) (\($0.value.basis))" }
        let vacuous = values.lazy.compactMap { tooFewSamples($0.value.samples, options, in: $0.run) }.first
        return .measured(
            Measurement(
                value: result, basis: "\(aggregate.rawValue) of \(values.count) runs", offenders: runs,
                vacuous: vacuous))
    }
}

/// Why a benchmark statistic has no value.
struct BenchmarkError: Error {
    let message: String
}

extension MetricStore {
    /// `statistic` over the pooled `series`.
    static func measure(_ statistic: BenchmarkStatistic, _ series: [SelectedSeries], _ options: BenchmarkOptions)
        -> Result<BenchmarkValue, BenchmarkError>
    {
        switch statistic {
        case .percentile, .minimum, .maximum, .mean: return latency(statistic, series, options)
        case .requests, .failures, .errorRate: return counts(statistic, series)
        case .throughput: return throughput(series)
        }
    }

    /// A latency statistic: as one series states it, else from the pooled raw samples, else (minimum, maximum,
    /// mean) combined exactly from what each series states.
    private static func latency(
        _ statistic: BenchmarkStatistic, _ series: [SelectedSeries], _ options: BenchmarkOptions
    ) -> Result<BenchmarkValue, BenchmarkError> {
        if series.count == 1, let only = series.first, let value = statistic.stated(only.series.stated) {
            // A chosen percentile definition is computed from the raw samples when there are any.
            let recompute = statistic.isPercentile && options.percentile != nil && only.series.samples != nil
            let count = only.series.requests ?? only.series.samples?.count
            let samples = count.map { ", \(NumberFormatting.count($0)) \($0 == 1 ? "sample" : "samples")" } ?? ""
            if !recompute {
                return .success(
                    BenchmarkValue(
                        value: value, samples: count,
                        basis: "\(statistic.word) as stated by \(only.path) for \(only.series.label)\(samples)"))
            }
        }
        if series.allSatisfy({ $0.series.samples != nil }) { return fromSamples(statistic, series, options) }
        return combinedStatements(statistic, series)
    }

    private static func fromSamples(
        _ statistic: BenchmarkStatistic, _ series: [SelectedSeries], _ options: BenchmarkOptions
    ) -> Result<BenchmarkValue, BenchmarkError> {
        var pooled = series.count == 1 ? series[0].series.samples ?? SampleDistribution() : SampleDistribution()
        if series.count > 1 {
            for item in series { if let samples = item.series.samples { pooled.add(samples) } }
        }
        let count = pooled.count
        guard count > 0 else { return .failure(BenchmarkError(message: "the selected labels have no samples")) }
        let of = "of \(NumberFormatting.count(count)) \(count == 1 ? "sample" : "samples")"
        switch statistic {
        case .percentile(let rank):
            let definition = options.percentile ?? .linear
            let value = definition.percentile(rank, of: pooled) ?? 0
            return .success(
                BenchmarkValue(
                    value: value, samples: count, basis: "\(statistic.word) \(of), \(definition.description)"))
        case .minimum, .maximum:
            let values = pooled.distinctValues()
            let value = (statistic == .minimum ? values.first : values.last)?.value ?? 0
            return .success(BenchmarkValue(value: value, samples: count, basis: "\(statistic.word) \(of)"))
        default:
            return .success(BenchmarkValue(value: pooled.sum / Double(count), samples: count, basis: "mean \(of)"))
        }
    }

    /// Minimum and maximum of several series are the extremes of theirs; their mean is the mean weighted by their
    /// request counts. Percentiles do not combine: that is an error saying what to select instead.
    private static func combinedStatements(_ statistic: BenchmarkStatistic, _ series: [SelectedSeries])
        -> Result<BenchmarkValue, BenchmarkError>
    {
        var parts: [(value: Double, count: Int?)] = []
        for item in series {
            let samples = item.series.samples
            let stated = statistic.stated(item.series.stated)
            let count = item.series.requests ?? samples?.count
            switch statistic {
            case .minimum, .maximum:
                let values = samples?.distinctValues()
                guard let value = (statistic == .minimum ? values?.first : values?.last)?.value ?? stated else {
                    return .failure(BenchmarkError(message: "\(item.name) states no \(statistic.word) latency"))
                }
                parts.append((value, count))
            case .mean:
                if let samples, samples.count > 0 {
                    parts.append((samples.sum / Double(samples.count), samples.count))
                } else if let stated, let count {
                    parts.append((stated, count))
                } else {
                    return .failure(
                        BenchmarkError(
                            message: "\(item.name) states no mean latency with a request count: the means of the "
                                + "selected labels cannot be weighted; select one with {label=\"…\"}"))
                }
            default:
                let stating = series.filter { statistic.stated($0.series.stated) != nil }
                guard stating.count > 1 else {
                    return .failure(
                        BenchmarkError(message: "\(item.name) has neither raw samples nor a stated \(statistic.word)"))
                }
                let names = stating.prefix(4).map(\.name).joined(separator: ", ")
                return .failure(
                    BenchmarkError(
                        message: "\(stating.count) series state a \(statistic.word) (\(names)): stated percentiles "
                            + "are never combined; select one label with {label=\"…\"} or one report, use "
                            + "aggregate=\"median\" across runs, or supply raw samples"))
            }
        }
        let total = sumOfCounts(parts.map(\.count))
        let basis =
            "\(statistic.word) of \(series.count) series"
            + (total.map { ", \(NumberFormatting.count($0)) requests" } ?? "")
        switch statistic {
        case .minimum:
            return .success(BenchmarkValue(value: parts.map(\.value).min() ?? 0, samples: total, basis: basis))
        case .maximum:
            return .success(BenchmarkValue(value: parts.map(\.value).max() ?? 0, samples: total, basis: basis))
        default:
            let weight = Double(total ?? 0)
            let value = weight > 0 ? parts.reduce(0) { $0 + $1.value * Double($1.count ?? 0) } / weight : 0
            return .success(BenchmarkValue(value: value, samples: total, basis: basis + ", weighted by requests"))
        }
    }

    private static func sumOfCounts(_ counts: [Int?]) -> Int? {
        var total = 0
        for count in counts {
            guard let count else { return nil }
            total += count
        }
        return total
    }

    /// `requests.total` (stated requests, else samples), `requests.failed` and `error_rate` = failed / total.
    private static func counts(_ statistic: BenchmarkStatistic, _ series: [SelectedSeries])
        -> Result<BenchmarkValue, BenchmarkError>
    {
        var total = 0
        var failed = 0
        for item in series {
            guard let requests = item.series.requests ?? item.series.samples?.count else {
                return .failure(BenchmarkError(message: "\(item.name) does not say how many requests were made"))
            }
            total += requests
            guard statistic != .requests else { continue }
            guard let failures = item.series.failures else {
                return .failure(BenchmarkError(message: "\(item.name) does not say how many requests failed"))
            }
            failed += failures
        }
        let basis = "\(NumberFormatting.count(failed)) of \(NumberFormatting.count(total)) requests failed"
        switch statistic {
        case .requests:
            return .success(
                BenchmarkValue(
                    value: Double(total), samples: total, basis: "\(NumberFormatting.count(total)) requests"))
        case .failures: return .success(BenchmarkValue(value: Double(failed), samples: total, basis: basis))
        default:
            guard total > 0 else {
                return .failure(BenchmarkError(message: "no requests were made: 0 of 0 is not an error rate"))
            }
            return .success(
                BenchmarkValue(value: Double(failed) * 100 / Double(total), samples: total, basis: basis))
        }
    }

    /// The throughput one series states; else per report the selected requests over the longest selected duration
    /// (the labels of one run run at the same time), summed over the reports (several load generators).
    private static func throughput(_ series: [SelectedSeries]) -> Result<BenchmarkValue, BenchmarkError> {
        if series.count == 1, let only = series.first, let stated = only.series.stated.throughput {
            let count = only.series.requests ?? only.series.samples?.count
            return .success(
                BenchmarkValue(
                    value: stated, samples: count,
                    basis: "throughput as stated by \(only.path) for \(only.series.label)"))
        }
        var rate = 0.0
        var total = 0
        var reports: [String] = []
        for item in series where !reports.contains(item.path) { reports.append(item.path) }
        for path in reports {
            let run = series.filter { $0.path == path }
            var requests = 0
            var duration = 0.0
            for item in run {
                guard let count = item.series.requests ?? item.series.samples?.count,
                    let seconds = item.series.duration
                else {
                    return .failure(
                        BenchmarkError(message: "\(item.name) states no throughput, nor requests and a duration"))
                }
                requests += count
                duration = max(duration, seconds)
            }
            guard duration > 0 else {
                return .failure(BenchmarkError(message: "\(path) lasted 0 s: a throughput needs a duration"))
            }
            rate += Double(requests) / duration
            total += requests
        }
        let span = reports.count == 1 ? "" : " summed over \(reports.count) reports"
        return .success(
            BenchmarkValue(
                value: rate, samples: total,
                basis: "\(NumberFormatting.count(total)) requests over the run's duration\(span)"))
    }
}

extension MetricStore {
    /// `metrics.NAME` over the samples whose labels match the selector: one sample is the value; several (one per
    /// instance) are items, each of which must hold.
    func measureMetrics(_ metric: MetricDefinition, selector: [SelectorTerm]) -> MetricOutcome {
        let name = String(metric.name.dropFirst(MetricDefinition.metricsPrefix.count))
        var matches: [(path: String, sample: MetricSample)] = []
        for (path, report) in metricsReports {
            for sample in report.samples where sample.name == name {
                if selector.allSatisfy({ $0.selects(sample.label($0.key)) }) { matches.append((path, sample)) }
            }
        }
        guard let first = matches.first else {
            if metricsReports.isEmpty { return .unavailable("no metrics report was read") }
            let names = Set(metricsReports.flatMap { $0.report.samples.map(\.name) })
            let terms = selector.isEmpty ? "" : " with \(selector.map(\.text).joined(separator: ", "))"
            let hint = names.contains(name) ? "" : Suggestions.didYouMean(name, in: names.sorted())
            return .unavailable("the metrics reports have no sample of \(name)\(terms)\(hint)")
        }
        guard matches.count > 1 else {
            return .measured(
                Measurement(value: first.sample.value, basis: "\(Self.describe(first.sample)) in \(first.path)"))
        }
        let items = matches.map { MeasuredItem(name: Self.describe($0.sample), value: $0.sample.value, basis: $0.path) }
        return .measured(
            Measurement(value: first.sample.value, basis: "\(matches.count) samples of \(name)", items: items))
    }

    /// `name{key="value",…}` with the labels sorted.
    static func describe(_ sample: MetricSample) -> String {
        let labels = sample.labelText
        return labels.isEmpty ? sample.name : sample.name + "{" + labels + "}"
    }
}
