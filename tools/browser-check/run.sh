#!/usr/bin/env bash
# A real-browser check of the tracking loader, run by hand (it needs `apt-get install -y chromium`; CI does not).
# Builds and starts Vouch on a free port with a temporary data directory, sets up a brand whose program's website is
# shop.test, serves a landing page carrying the install snippet, and loads it in headless Chromium with shop.test
# (and its subdomains) mapped to 127.0.0.1. check.py then checks the cookies, the cleaned URL, the consent flow and the recorded leads.
set -euo pipefail
cd "$(dirname "$0")/../.."
HERE=tools/browser-check
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
[ -n "$CHROMIUM" ] || { echo "chromium not found: apt-get install -y chromium" >&2; exit 2; }

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
json() { python3 -c "import json, sys; print(json.load(sys.stdin)$1)"; }

WORK=$(mktemp -d)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

swift build --product vouch >&2
API_PORT=$(free_port)
PAGE_PORT=$(free_port)
API=http://127.0.0.1:$API_PORT
ADMIN_TOKEN=browser-check-admin
VOUCH_ADMIN_TOKEN=$ADMIN_TOKEN VOUCH_PUBLIC_URL=$API VOUCH_LOG_LEVEL=info \
    "$(swift build --show-bin-path)/vouch" serve --port "$API_PORT" --data-dir "$WORK/data" --tenants-dir "$WORK/no-tenants" \
    >"$WORK/vouch.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 50); do curl -sf "$API/healthz" >/dev/null && break; sleep 0.2; done

admin() { curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" -X "$1" "$API/admin/tenants$2" ${3:+-d "$3"}; }
admin POST "" '{"handle":"shop","name":"Shop","planTier":"Starter","subscriptionStatus":"Active","homeCurrency":"USD","timezone":"UTC","billingEmail":"billing@shop.test"}' >/dev/null
KEY=$(admin POST /shop/api-keys '{"name":"check","scope":"read_write"}' | json '["key"]')
SECRET=$(admin POST /shop/signing-secrets | json '["secret"]')
call() { curl -sf -H "Authorization: Bearer $KEY" -X "$1" "$API$2" ${3:+-d "$3"}; }
PROGRAM=$(call POST /api/v1/programs '{"name":"Shop","slug":"shop","defaultCommissionValue":20,"cookieWindowDays":30,"websiteDomain":"shop.test"}' | json '["id"]')
call POST /api/v1/affiliates "{\"programId\":\"$PROGRAM\",\"email\":\"jane@example.com\",\"fullName\":\"Jane\",\"customAlias\":\"jane-shop\",\"status\":\"Approved\"}" >/dev/null
call PATCH /api/v1/settings/attribution-params '{"custom":"shop_ref"}' >/dev/null
SNIPPET=$(call GET "/api/v1/r/install-snippet?programId=$PROGRAM" | json '["snippet"]')

# The same page twice: as installed, and with the consent gate on the loader's tag.
mkdir -p "$WORK/pages"
render() { MODE=$1 EXTRA=$2 SNIPPET=$SNIPPET python3 -c '
import os, sys
page = open(sys.argv[1]).read()
snippet = os.environ["SNIPPET"].replace("<script async ", "<script async " + os.environ["EXTRA"], 1)
print(page.replace("{{SNIPPET}}", snippet).replace("{{MODE}}", os.environ["MODE"]), end="")' "$HERE/landing.html"; }
render landing "" >"$WORK/pages/landing.html"
render consent 'data-consent="required" ' >"$WORK/pages/consent.html"
python3 "$HERE/serve.py" "$PAGE_PORT" "$WORK/pages" &
PIDS+=($!)
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PAGE_PORT/landing" >/dev/null && break; sleep 0.2; done

browse() {
    "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$WORK/profile-$1" \
        --host-resolver-rules="MAP shop.test 127.0.0.1, MAP *.shop.test 127.0.0.1" --virtual-time-budget=20000 --dump-dom "$2" 2>>"$WORK/chromium.log"
}
browse landing "http://shop.test:$PAGE_PORT/landing?via=jane-shop&utm_source=x#pricing" >"$WORK/landing.dom"
# On a subdomain (cookies go to Domain=shop.test); the custom param wins over `via`, and both are cleaned.
browse consent "http://www.shop.test:$PAGE_PORT/consent?utm_source=x&shop_ref=jane-shop&via=someone-else" >"$WORK/consent.dom"

python3 "$HERE/check.py" --port "$PAGE_PORT" --api "$API" --program "$PROGRAM" --code jane-shop \
    --key "$KEY" --secret "$SECRET" --log "$WORK/vouch.log" "$WORK/landing.dom" "$WORK/consent.dom"
