#!/usr/bin/env python3
"""Writes a JMeter CSV results file (JTL, default columns) of N rows and the exact p50/p95/p99 of its samples.

usage: jmeter_jtl.py ROWS OUT.jtl            writes OUT.jtl and OUT.jtl.expected.json
       jmeter_jtl.py --check OUT.jtl.expected.json METRICS.json
                                              compares `protocol metrics --format json` with the expectations

The percentiles are computed independently of protocol, without numpy: from an exact tally of the generated
values (value -> count), by the definitions protocol documents (linear: rank p/100*(n-1); nearest rank: ceil(p/100*n);
jmeter: commons-math R6, pos = p/100*(n+1)).
"""
import json, math, random, sys
from collections import Counter

LABELS = ["GET /users", "POST /orders", "GET /orders/{id}", "HTTP Request-0", "HTTP Request-1", "login, \"quoted\""]
HEADER = ("timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes,"
          "sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n")


def order_statistic(tally, k):
    seen = 0
    for value in sorted(tally):
        seen += tally[value]
        if k < seen:
            return value
    raise ValueError(k)


def linear(tally, n, p):
    h = p * (n - 1) / 100
    low = math.floor(h)
    x = order_statistic(tally, low)
    return x if h == low else x + (h - low) * (order_statistic(tally, low + 1) - x)


def nearest_rank(tally, n, p):
    return order_statistic(tally, max(0, math.ceil(p * n / 100) - 1))


def r6(tally, n, p):
    pos = p * (n + 1) / 100
    if pos < 1:
        return order_statistic(tally, 0)
    if pos >= n:
        return order_statistic(tally, n - 1)
    low = math.floor(pos)
    x = order_statistic(tally, low - 1)
    return x + (pos - low) * (order_statistic(tally, low) - x)


def generate(rows, path):
    rng = random.Random(6)
    tallies = {label: Counter() for label in LABELS}
    failures = Counter()
    clock = 1_733_753_521_000
    with open(path, "w", buffering=1 << 22) as out:
        out.write(HEADER)
        write = out.write
        for row in range(rows):
            index = rng.randrange(len(LABELS))
            label = LABELS[index]
            elapsed = int(rng.lognormvariate(4.5 + 0.3 * index, 0.6))
            ok = rng.random() >= 0.01
            clock += rng.randrange(3)
            tallies[label][elapsed] += 1
            if not ok:
                failures[label] += 1
            shown = '"login, ""quoted"""' if index == 5 else label
            write(f"{clock},{elapsed},{shown},{200 if ok else 500},{'OK' if ok else 'Internal Server Error'},"
                  f"Thread Group 1-{row % 50 + 1},text,{'true' if ok else 'false'},,3213,246,50,50,"
                  f"https://example.test/api,{elapsed // 2},0,{elapsed // 10}\n")
    total = Counter()
    for tally in tallies.values():
        total.update(tally)
    expected = {}
    for label, tally in list(tallies.items()) + [("", total)]:
        n = sum(tally.values())
        expected[label] = {
            "count": n,
            "failed": failures[label] if label else sum(failures.values()),
            **{f"latency.p{p}": linear(tally, n, p) for p in (50, 95, 99)},
            **{f"nearest-rank p{p}": nearest_rank(tally, n, p) for p in (50, 95, 99)},
            **{f"jmeter p{p}": r6(tally, n, p) for p in (50, 95, 99)},
        }
    with open(path + ".expected.json", "w") as out:
        json.dump(expected, out, indent=1)


def check(expected_path, metrics_path):
    expected = json.load(open(expected_path))
    report = json.load(open(metrics_path))["reports"][0]["metrics"]
    got = {(m["name"], m["labels"].get("label", "")): m["value"] for m in report}
    bad = 0
    for label, figures in expected.items():
        for name in ("latency.p50", "latency.p95", "latency.p99"):
            value = got.get((name, label))
            want = figures[name] / 1000
            if value is None or abs(value - want) > 1e-9:
                bad += 1
                print(f"DIFFER {name}{{label={label!r}}}: protocol {value}, expected {want}")
        if got.get(("requests.total", label)) != figures["count"]:
            bad += 1
            print(f"DIFFER requests.total{{label={label!r}}}")
        if got.get(("requests.failed", label)) != figures["failed"]:
            bad += 1
            print(f"DIFFER requests.failed{{label={label!r}}}")
    print("percentiles agree" if bad == 0 else f"{bad} differences")
    return bad == 0


if __name__ == "__main__":
    if sys.argv[1] == "--check":
        sys.exit(0 if check(sys.argv[2], sys.argv[3]) else 1)
    generate(int(sys.argv[1]), sys.argv[2])
