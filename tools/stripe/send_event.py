#!/usr/bin/env python3
"""Sign a Stripe event file the way Stripe does and post it to a running Vouch, for manual end-to-end checks.

The signature comes from the official `stripe` library (`pip install stripe`), so this also checks Vouch's verifier
against Stripe's own code. Not used by the test suite.

    tools/stripe/send_event.py tools/stripe/examples/checkout.session.completed.json --handle acme --secret whsec_…

The secret is the one stored with `PUT /api/v1/integrations/stripe`; it may also come from
VOUCH_STRIPE_WEBHOOK_SECRET. The base URL defaults to VOUCH_PUBLIC_URL, else http://127.0.0.1:8080.
"""

import argparse
import os
import sys
import time
import urllib.error
import urllib.request

try:
    from stripe import WebhookSignature
except ImportError:
    sys.exit("The stripe package is missing: pip install stripe")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("event_file", help="a Stripe event as JSON; sent byte for byte")
    parser.add_argument("--handle", required=True, help="the organization's handle")
    parser.add_argument("--secret", default=os.environ.get("VOUCH_STRIPE_WEBHOOK_SECRET"), help="the whsec_ secret")
    parser.add_argument("--url", default=os.environ.get("VOUCH_PUBLIC_URL", "http://127.0.0.1:8080"), help="Vouch's base URL")
    parser.add_argument("--timestamp", type=int, default=None, help="sign as of this unix time (default: now)")
    args = parser.parse_args()
    if not args.secret:
        parser.error("--secret or VOUCH_STRIPE_WEBHOOK_SECRET is required")

    with open(args.event_file, encoding="utf-8") as file:
        payload = file.read()
    timestamp = args.timestamp if args.timestamp is not None else int(time.time())
    header = WebhookSignature.generate_signature_header(payload, args.secret, timestamp=timestamp)

    url = f"{args.url.rstrip('/')}/api/integrations/stripe/{args.handle}/webhook"
    request = urllib.request.Request(
        url, data=payload.encode("utf-8"), method="POST",
        headers={"Content-Type": "application/json", "Stripe-Signature": header, "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status, body = response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read().decode("utf-8")
    print(f"POST {url} -> {status}")
    print(body)
    return 0 if 200 <= status < 300 else 1


if __name__ == "__main__":
    sys.exit(main())
