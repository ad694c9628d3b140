#!/usr/bin/env python3
"""Summarises one SIPp step: the cumulative counters of its -trace_stat CSV and percentiles of
its -trace_rtt samples. Prints one JSON object.

    bench/sipp_summary.py STAT.csv RTT.csv
"""
import csv
import json
import sys


def percentile(sorted_values, p):
    if not sorted_values:
        return None
    rank = max(0, min(len(sorted_values) - 1, round(p / 100 * len(sorted_values) + 0.5) - 1))
    return sorted_values[rank]


def main():
    stat_path, rtt_path = sys.argv[1], sys.argv[2]
    with open(stat_path, newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    last = rows[-1]
    counters = {k: int(last[k]) for k in (
        "TotalCallCreated", "SuccessfulCall(C)", "FailedCall(C)", "Retransmissions(C)",
        "FailedMaxUDPRetrans(C)", "FailedUnexpectedMessage(C)", "FailedTimeoutOnRecv(C)",
        "WatchdogMajor(C)", "WatchdogMinor(C)", "OutOfCallMsgs(C)", "DeadCallMsgs(C)")}
    samples = {}
    with open(rtt_path, newline="") as f:
        for row in csv.DictReader(f, delimiter=";"):
            samples.setdefault(row["rtd_no"], []).append(float(row["response_time_ms"]))
    timers = {}
    for name, values in samples.items():
        values.sort()
        timers[name] = {"n": len(values), "p50": percentile(values, 50), "p95": percentile(values, 95),
                        "p99": percentile(values, 99), "max": values[-1]}
    print(json.dumps({"counters": counters, "achieved_cps": float(last["CallRate(C)"]), "timers_ms": timers}))


if __name__ == "__main__":
    main()
