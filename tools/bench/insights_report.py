"""Writes the insights benchmark's section of BENCHMARKS.md from the seed, ingest-cost and query figures.

    insights_report.py DATA_DIR SEED_JSON COST_JSON COST_DAY_JSON QUERIES_JSON MEMORY_TXT COMMAND
"""
import datetime, json, os, re, subprocess, sys

from benchmarks_md import replace_section

data_dir, seed, cost, day_cost, queries, memory, command = (
    sys.argv[1], *(json.load(open(p)) for p in sys.argv[2:6]), open(sys.argv[6]).read(), sys.argv[7])
aim = 20.0
heading = "Insights: a year of one tenant and every dashboard query"

def sh(*args): return subprocess.run(args, capture_output=True, text=True).stdout
cpu = sh("sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
cores = sh("nproc").strip()
mdb = os.path.join(data_dir, "data.mdb")
apparent, allocated = os.path.getsize(mdb), int(sh("du", "-k", mdb).split()[0]) * 1024
databases = {}
for block in sh("mdb_stat", "-a", data_dir).split("Status of ")[1:]:
    name = block.splitlines()[0].strip().replace("Main DB", "(main)")
    pages = sum(int(n) for n in re.findall(r"(?:Branch|Leaf|Overflow) pages: (\d+)", block))
    databases[name] = (int(re.search(r"Entries: (\d+)", block).group(1)), pages * 4096)
kb = {m.group(1): int(m.group(2)) for m in re.finditer(r"(VmRSS|VmHWM):\s+(\d+) kB", memory)}
counts = seed["counts"]
gib = lambda n: f"{n / 2**30:.2f} GiB"

rows = {}
for r in queries["results"]:
    rows.setdefault(r["endpoint"], {})[(r["scope"], r["window"])] = r
scopes = ["tenant", "program", "affiliate"]
def table(window):
    lines = ["| query | " + " | ".join(f"{s} p50 | {s} p95" for s in scopes) + " |", "|---|" + "---:|" * (2 * len(scopes))]
    for endpoint, cells in rows.items():
        values = []
        for s in scopes:
            r = cells[(s, window)]
            values += [f"{r['p50']:.2f}", f"**{r['p95']:.2f}**" if r["p95"] > aim else f"{r['p95']:.2f}"]
        lines.append(f"| `{endpoint}` | " + " | ".join(values) + " |")
    return "\n".join(lines)
misses = sorted({(r["endpoint"], r["scope"], r["window"]) for r in queries["results"] if r["p95"] > aim})
worst = max(queries["results"], key=lambda r: r["p95"])

sales = sum(counts.get(k, 0) for k in ("server sales", "checkouts", "coupon sales", "subscriptions started", "renewals"))
db_rows = "\n".join(f"| `{name}` | {entries:,} | {gib(size)} |" for name, (entries, size) in sorted(databases.items()))
refunds = counts.get('full refunds', 0) + counts.get('partial refunds', 0)
paragraphs = [
    f"`{command}` on {datetime.date.today()} ({cpu}, {cores} cores, shared with other work): release build. How to run it and what it "
    "does: see the comment at the top of `tools/bench/insights.sh`; the seeder is `tools/bench/insights-seeder` (`swift run -c release "
    "InsightsSeeder --help`).",
    f"**Seed.** `InsightsSeeder seed` wrote tenant `bench` through the real services (ClickService; ConversionLedger with signed S2S bodies "
    f"checked by the real verifier; BillingIngestion for Stripe-like payments, renewals, refunds and subscription ends; reviews) on 64 "
    f"concurrent tasks, each event at its historical time, over {seed['days']} days from {seed['firstDay']}: {counts.get('clicks', 0):,} clicks, "
    f"{counts.get('leads', 0):,} leads and {sales:,} sales ({counts.get('server sales', 0):,} S2S in USD and EUR, {counts.get('checkouts', 0):,} "
    f"Stripe checkouts after a click, {counts.get('coupon sales', 0):,} coupon sales, {counts.get('subscriptions started', 0):,} subscriptions "
    f"with {counts.get('renewals', 0):,} renewals and {counts.get('subscriptions ended', 0):,} ends), {refunds:,} refunds, "
    f"{counts.get('approved', 0):,} approvals and {counts.get('denied', 0):,} denials, for {seed['affiliates']:,} affiliates in 3 programs. "
    f"It took {seed['seconds'] // 60} min {seed['seconds'] % 60} s: {seed['clicksPerSecond']:,} clicks/s in the click phases, "
    f"{seed['eventsPerSecond']:,} writes/s overall.",
    "**Ingest cost of the projections.** Live, where clicks and sales arrive over HTTP: the section *Insights: what the "
    "projections cost live ingest*, from `tools/bench/ingest.sh`, which this script runs first.",
    "A backfill through the services, without HTTP, pays a far larger share: a click recorded there costs some 9 µs of CPU, where one "
    "over HTTP costs about 65, and spread over the year a fold finds few clicks that share their cells. "
    f"`InsightsSeeder ingest-cost`: {cost['clicks']:,} "
    f"clicks spread over the year into a fresh store, {cost['rounds']} alternating rounds, medians: {cost['medianWithout']:,} clicks/s "
    f"without `InsightsProjector`, {cost['medianWith']:,} with it, ratio **{cost['ratio']:.3f}** (runs without: "
    f"{', '.join(f'{v:,}' for v in cost['withoutProjections'])}; with: {', '.join(f'{v:,}' for v in cost['withProjections'])}). The same "
    f"with the fold deferred until every click is recorded, as a third run of each round: the clicks are recorded at "
    f"{cost['medianRecordedOnly']:,} clicks/s, ratio **{cost['recordingRatio']:.3f}** (runs: {', '.join(f'{v:,}' for v in cost['recordedOnly'])}), "
    f"then folding them takes {cost['medianFoldSeconds']:.2f} s: what a click costs while it is answered, and the work the server then "
    "does behind it.",
    f"The same {day_cost['clicks']:,} clicks all on one day: {day_cost['medianWithout']:,} clicks/s without the projector, "
    f"{day_cost['medianWith']:,} with it, ratio **{day_cost['ratio']:.3f}**; recording alone {day_cost['medianRecordedOnly']:,} clicks/s "
    f"(ratio {day_cost['recordingRatio']:.3f}), folding {day_cost['medianFoldSeconds']:.2f} s. A fold sums the clicks of one affiliate, "
    "day and profile before fanning them out, so it costs less when they share a day.",
    f"**Size.** `data.mdb` is {gib(apparent)} ({gib(allocated)} allocated). Per database (`mdb_stat -a`, 4 KiB pages):",
    "| database | entries | size (pages × 4 KiB) |\n|---|---:|---:|\n" + db_rows,
    f"**Memory.** The server's VmRSS after all queries: {kb.get('VmRSS', 0) / 1024:,.0f} MiB, VmHWM {kb.get('VmHWM', 0) / 1024:,.0f} MiB "
    "(both count the LMDB pages mapped and touched, which the kernel can drop).",
    f"**Queries.** {queries['requests']} sequential requests per query after {queries['warmup']} warm-up ones, over one keep-alive "
    "connection (client-side time, Python included), ms. Scopes: the whole tenant, `programId` of the shop (70% of affiliates) and "
    f"`affiliateId` of the busiest affiliate (`aff0`, {seed['busiestAffiliateShare']:.1%} of all clicks). p95 above {aim:.0f} ms in bold.",
    "Default window (last 30 days):",
    table("30d"),
    f"The seeded year (`since={seed['firstDay']}`, `until` {seed['days']} days later):",
    table("year"),
    f"Slowest p95: `{worst['endpoint']}` ({worst['scope']}, {worst['window']}) at {worst['p95']:.2f} ms. {len(misses)} of "
    f"{len(queries['results'])} queries miss {aim:.0f} ms.",
]
section = f"## {heading}\n\n" + "\n\n".join(paragraphs) + "\n"
replace_section(heading, section)
print(section)
