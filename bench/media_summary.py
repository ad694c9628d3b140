#!/usr/bin/env python3
"""Prints one markdown table row per CallLoad report: bench/media_summary.py calls-*.json"""
import json
import sys

for path in sys.argv[1:]:
    r = json.load(open(path))
    cpu, heard, lat = r["cpu"], r["received_by_callers"], r["one_way_latency_ms"]
    pdv, srv, setup = heard["delay_variation_ms"], r["received_by_server_rtcp"], r["setup"]
    print("| %d | %d/%d | %.1f | %.2f | %.3f | %.3f | %.2f / %.2f | %.2f / %.2f | %.1f | %.2f | %.1f / %.1f / %.1f | %.1f | %s |" % (
        r["calls"], setup["answered"], r["calls"], cpu["server_percent_of_core"], cpu["server_percent_per_call"],
        heard["loss_percent"], heard["rfc3550_jitter_mean_ms"], pdv["p99"], pdv["max"],
        srv["rfc3550_jitter_mean_ms"] or 0, srv["rfc3550_jitter_max_ms"] or 0,
        heard["frames_with_partner_tone_percent"], heard["silent_frames_percent"],
        lat["p50"], lat["p99"], lat["max"], cpu["generator_percent_of_core"], cpu["load_average_start"]))
