#!/usr/bin/env python3
"""Places outbound calls through CreateSIPParticipant at a fixed rate and times each one.

    bench/outbound_load.py URL CARRIER_PORT RATE SECONDS OUT.json

Creates an outbound trunk to the SIPp callee on 127.0.0.1:CARRIER_PORT, then sends RATE
CreateSIPParticipant requests per second for SECONDS seconds, each with wait_until_answered
into a room of its own, from a pool of threads. The time of one request is what a user's
backend waits for: INVITE out, 100, 200 OK, ACK, the callee in the room, the HTTP answer.
Writes the counts and the latency percentiles (ms) to OUT.json and prints them.
"""
import json
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from provision import b64, token  # noqa: E402  (same JWT helper; sip.admin below, sip.call here)
import hashlib  # noqa: E402
import hmac  # noqa: E402


def call_token(key: str, secret: str) -> str:
    now = int(time.time())
    header = {"alg": "HS256", "typ": "JWT"}
    claims = {"iss": key, "sub": "bench", "nbf": now - 5, "exp": now + 3600, "sip": {"call": True}}
    signing_input = b64(json.dumps(header).encode()) + "." + b64(json.dumps(claims).encode())
    signature = hmac.new(secret.encode(), signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + b64(signature)


def post(url: str, method: str, body: dict, bearer: str) -> tuple[int, dict]:
    request = urllib.request.Request(
        f"{url}/twirp/livekit.SIP/{method}", data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {bearer}"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as e:
        return e.code, json.load(e)


def percentile(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(p / 100 * len(sorted_values)))]


def main() -> None:
    url, port, rate, seconds, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    status, trunk = post(url, "CreateSIPOutboundTrunk", {"trunk": {
        "name": "bench callee", "address": f"127.0.0.1:{port}", "numbers": ["+15105550100"]}},
        token("devkey", "secret"))
    assert status == 200, trunk
    bearer = call_token("devkey", "secret")
    latencies, failures, lock = [], {}, threading.Lock()

    def one(n: int) -> None:
        started = time.perf_counter()
        code, body = post(url, "CreateSIPParticipant", {
            "sip_trunk_id": trunk["sip_trunk_id"], "sip_call_to": f"+1415{n:07d}",
            "room_name": f"ob-{rate}-{n}", "wait_until_answered": True}, bearer)
        elapsed = (time.perf_counter() - started) * 1000
        with lock:
            if code == 200:
                latencies.append(elapsed)
            else:
                key = f"{code} {body.get('meta', {}).get('sip_status_code', body.get('code'))}"
                failures[key] = failures.get(key, 0) + 1

    total = rate * seconds
    begin = time.perf_counter()
    with ThreadPoolExecutor(max_workers=max(8, rate * 2)) as pool:
        for n in range(total):
            delay = begin + n / rate - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            pool.submit(one, n)
        sent_in = time.perf_counter() - begin
    latencies.sort()
    result = {
        "target_cps": rate, "calls": total, "answered": len(latencies), "failed": sum(failures.values()),
        "failures": failures, "achieved_cps": total / sent_in,
        "answer_ms": {"p50": percentile(latencies, 50), "p95": percentile(latencies, 95),
                      "p99": percentile(latencies, 99), "max": latencies[-1] if latencies else float("nan")},
    }
    with open(out, "w") as f:
        json.dump(result, f, indent=1)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
