#!/usr/bin/env python3
"""Creates the benchmark's inbound trunk and dispatch rule through the Twirp SIP API.

    bench/provision.py http://127.0.0.1:17880 [--departure-timeout SECONDS]

The trunk admits calls from 127.0.0.1 to any number; the callee rule puts every called number
in its own room ("bench_<number>"), so two callers dialling the same number share a room. The
token is an HS256 JWT for the development key (devkey / secret) with the sip.admin grant.
"""
import argparse
import base64
import hashlib
import hmac
import json
import time
import urllib.request


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(key: str, secret: str) -> str:
    now = int(time.time())
    header = {"alg": "HS256", "typ": "JWT"}
    claims = {"iss": key, "sub": "bench", "nbf": now - 5, "exp": now + 600, "sip": {"admin": True}}
    signing_input = b64(json.dumps(header).encode()) + "." + b64(json.dumps(claims).encode())
    signature = hmac.new(secret.encode(), signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + b64(signature)


def call(url: str, method: str, body: dict, bearer: str) -> dict:
    request = urllib.request.Request(
        f"{url}/twirp/livekit.SIP/{method}",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {bearer}"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--key", default="devkey")
    parser.add_argument("--secret", default="secret")
    parser.add_argument("--departure-timeout", type=int, default=0,
                        help="room departure timeout in seconds (0: the server's default, 20 s)")
    args = parser.parse_args()
    bearer = token(args.key, args.secret)
    trunk = call(args.url, "CreateSIPInboundTrunk",
                 {"trunk": {"name": "bench loopback", "allowed_addresses": ["127.0.0.1/32"]}}, bearer)
    rule = {"rule": {"dispatch_rule_callee": {"room_prefix": "bench"}},
            "trunk_ids": [trunk["sip_trunk_id"]], "name": "bench rooms by called number"}
    if args.departure_timeout > 0:
        rule["room_config"] = {"departure_timeout": args.departure_timeout}
    created = call(args.url, "CreateSIPDispatchRule", {"dispatch_rule": rule}, bearer)
    print(trunk["sip_trunk_id"], created["sip_dispatch_rule_id"])


if __name__ == "__main__":
    main()
