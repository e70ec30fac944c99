"""Checks what the loader did in the two pages run.sh loaded, and what Vouch recorded."""
import argparse
import hashlib
import hmac
import html
import json
import re
import sys
import time
import urllib.request

parser = argparse.ArgumentParser()
for option in ("port", "api", "program", "code", "key", "secret", "log"):
    parser.add_argument("--" + option, required=True)
parser.add_argument("landing")
parser.add_argument("consent")
args = parser.parse_args()
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def findings(path):
    match = re.search(r'<pre id="findings">(.*?)</pre>', open(path).read(), re.S)
    text = html.unescape(match.group(1)) if match else "missing"
    try:
        return json.loads(text)
    except ValueError:
        return {"error": text}


def cookies(snapshot):
    return dict(pair.split("=", 1) for pair in snapshot.get("cookie", "").split("; ") if "=" in pair)


def tracked(snapshot, url, label):
    jar = cookies(snapshot)
    token = jar.get("rekomi_cid", "")
    check(token != "" and snapshot.get("clickToken") == token, f"{label}: rekomi_cid is set and Rekomi.clickToken() returns it")
    check(jar.get("rekomi_pid") == args.program and jar.get("rekomi_ref") == args.code, f"{label}: rekomi_pid and rekomi_ref are set")
    check(snapshot.get("url") == url, f"{label}: the address bar is {url} (got {snapshot.get('url')})")
    expected = {"rekomi_cid": token, "rekomi_pid": args.program, "rekomi_source": "loader"}
    check(snapshot.get("checkout") == expected, f"{label}: Rekomi.checkoutMetadata() carries the token")


landing = findings(args.landing)
check("error" not in landing, f"landing: the page ran ({landing.get('error', 'no error')})")
tracked(landing.get("tracked", {}), f"http://shop.test:{args.port}/landing?utm_source=x#pricing", "landing")

consent = findings(args.consent)
check("error" not in consent, f"consent: the page ran ({consent.get('error', 'no error')})")
before = consent.get("beforeConsent", {})
check(before != {} and not any(name.startswith("rekomi_") for name in cookies(before)), "consent: no cookie before Rekomi.consent(true)")
check("shop_ref=jane-shop" in before.get("url", ""), "consent: the referral stays in the URL until consent")
tracked(consent.get("tracked", {}), f"http://www.shop.test:{args.port}/consent?utm_source=x", "consent")
revoked = consent.get("revoked", {})
check(revoked != {} and not any(name.startswith("rekomi_") for name in cookies(revoked)), "consent: Rekomi.consent(false) clears the cookies")
check(revoked.get("checkout") == {}, "consent: no checkout metadata after revoking")

log = open(args.log).read()
for line, count in (("GET /api/v1/r/loader.js 200", 2), ("POST /api/tracking/click 200", 2), ("POST /api/tracking/verify 200", 2),
                    ("POST /api/v1/r/lead/signup 200", 3)):
    check(log.count(line) >= count, f"vouch logged '{line}' at least {count} times (got {log.count(line)})")


def signed_lead(email):
    """A lead the brand's backend reports for `email`: deduped when the browser's lead is already recorded."""
    body = json.dumps({"affiliateSlug": args.code, "email": email})
    now = int(time.time())
    signature = hmac.new(args.secret.encode(), f"{now}.{body}".encode(), hashlib.sha256).hexdigest()
    request = urllib.request.Request(
        args.api + "/api/tracking/lead", data=body.encode(), method="POST",
        headers={"Content-Type": "application/json", "X-Rekomi-Api-Key": args.key, "X-Rekomi-Signature": f"t={now},sig={signature}"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


for email in ("queued-landing@example.com", "identified-landing@example.com", "identified-consent@example.com"):
    check(signed_lead(email).get("deduped") is True, f"the browser's lead for {email} was recorded")
check(signed_lead("queued-consent@example.com").get("leadId") is not None, "a convert() queued before consent recorded nothing")

print(f"{len(failures)} failure(s)" if failures else "all browser checks passed")
sys.exit(1 if failures else 0)
