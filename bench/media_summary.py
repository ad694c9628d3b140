#!/usr/bin/env python3
"""Prints a markdown table of CallLoad reports: bench/media_summary.py calls-*.json"""
import json
import sys

print("| calls (rooms) | answered | server CPU % of a core | per call | loss % | frames not sent | jitter mean/max ms | delay variation p99/max ms | server-seen jitter mean ms | partner tone % | silent % | one-way latency p50/p99/max ms | generator CPU % | load 1/5/15 min |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for path in sys.argv[1:]:
    r = json.load(open(path))
    cpu, heard, lat = r["cpu"], r["received_by_callers"], r["one_way_latency_ms"]
    pdv, srv, setup = heard["delay_variation_ms"], r["received_by_server_rtcp"], r["setup"]
    print("| %d (%d) | %d | %.1f | %.2f | %.3f | %d | %.2f / %.2f | %.1f / %.1f | %.2f | %.2f | %.2f | %.1f / %.1f / %.1f | %.1f | %s |" % (
        r["calls"], r["rooms"], setup["answered"], cpu["server_percent_of_core"], cpu["server_percent_per_call"],
        heard["loss_percent"], heard["frames_not_sent_by_server"], heard["rfc3550_jitter_mean_ms"],
        heard["rfc3550_jitter_max_ms"], pdv["p99"], pdv["max"], srv["rfc3550_jitter_mean_ms"] or 0,
        heard["frames_with_partner_tone_percent"], heard["silent_frames_percent"],
        lat["p50"], lat["p99"], lat["max"], cpu["generator_percent_of_core"], cpu["load_average_start"]))
