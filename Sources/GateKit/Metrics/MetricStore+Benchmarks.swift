extension MetricStore {
    /// `latency.*`, `requests.*`, `error_rate` and `throughput` over the selected labels (placeholder).
    func measureBenchmark(_ metric: MetricDefinition, selector: [SelectorTerm]) -> MetricOutcome {
        .unavailable("benchmark metrics are not implemented yet")
    }

    /// `metrics.NAME` over the samples whose labels match the selector (placeholder).
    func measureMetrics(_ metric: MetricDefinition, selector: [SelectorTerm]) -> MetricOutcome {
        .unavailable("metrics are not implemented yet")
    }
}
