#!/usr/bin/env bash
# Totals benchmark (docs/benchmarks.md, issue 11): single-user answer time of aggregate_records
# through POST /api/chat on a freshly started demo server, answered from the local mirror.
# Builds nothing: run `mvn -B -q -DskipTests package` first so that target/scopien.jar exists.
# Starts `java -jar target/scopien.jar serve` on port 7088 (BENCH_PORT) with a fresh data dir under
# /tmp, waits until the initial sync of the production org has finished, then sends each question
# `runs` times after 3 warm-ups, one at a time, timing each round trip, checking every reply says
# it came from the local copy. With mode "both" (the default) it then starts a second server with
# SCOPIEN_MIRROR_FRESHNESS_MINUTES=0 (every read live against the local org) for comparison.
# Arguments: [runs=30] [mode=both|mirror|live]. BENCH_SCALE sets SCOPIEN_DEMO_SCALE (default 1.0).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-30}
MODE=${2:-both}
PORT=${BENCH_PORT:-7088}
KEY="bench-admin-key-$(date +%s)-0123456789"
JAR=target/scopien.jar
[ -f "$JAR" ] || { echo "No $JAR: run mvn -B -q -DskipTests package first." >&2; exit 1; }

SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT

# run_one <label> <freshness minutes>
run_one() {
  local label=$1 freshness=$2
  local data
  data=$(mktemp -d /tmp/scopien-bench-totals.XXXXXX)
  SCOPIEN_PORT=$PORT SCOPIEN_DATA_DIR="$data" SCOPIEN_ADMIN_API_KEY="$KEY" SCOPIEN_DEMO=on \
    SCOPIEN_DEMO_SCALE="${BENCH_SCALE:-1.0}" SCOPIEN_MIRROR_FRESHNESS_MINUTES="$freshness" \
    java -Xmx${BENCH_HEAP:-1g} -jar "$JAR" serve >"$data/server.log" 2>&1 &
  SERVER_PID=$!
  echo "== $label: server pid $SERVER_PID, data $data" >&2
  BASE="http://127.0.0.1:$PORT" KEY="$KEY" RUNS="$RUNS" LABEL="$label" \
    EXPECT=$([ "$label" = mirror ] && echo "local copy" || echo ", live") python3 - <<'PY'
import json, os, statistics, sys, time, urllib.request

base, key, runs, label, expect = (os.environ[k] for k in ("BASE", "KEY", "RUNS", "LABEL", "EXPECT"))
runs = int(runs)

def call(method, path, body=None):
    req = urllib.request.Request(base + path, method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": "Bearer " + key,
                                          "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.loads(r.read() or b"null")

deadline = time.time() + 900
while True:
    try:
        orgs = call("GET", "/api/orgs")
        break
    except Exception:
        if time.time() > deadline:
            sys.exit("server did not start")
        time.sleep(0.5)
prod = next(o for o in orgs if o.get("environment") == "production")
started = time.time()
while True:  # the initial sync of the production org, started by the server itself
    runs_list = call("GET", "/api/sync/runs?org=" + prod["id"] + "&limit=5")
    if runs_list and all(r.get("status") != "running" for r in runs_list):
        statuses = [r.get("status") for r in runs_list]
        print(f"sync done in {time.time() - started:.0f}s after start: {statuses}", file=sys.stderr)
        break
    if time.time() > deadline:
        sys.exit("the initial sync did not finish")
    time.sleep(1)

questions = [
    "total amount of closed won opportunities",
    "total opportunity amount by stage",
    "how many open cases by priority",
    "average amount of won opportunities",
]
times = {}
for q in questions:
    for _ in range(3):
        call("POST", "/api/chat", {"message": q})
    t = []
    for _ in range(runs):
        t0 = time.perf_counter()
        reply = call("POST", "/api/chat", {"message": q})
        t.append((time.perf_counter() - t0) * 1000)
        text = reply.get("reply", "")
        tools = [c.get("tool") or c.get("name") for c in reply.get("toolCalls", [])]
        if expect not in text or tools != ["aggregate_records"]:
            sys.exit(f"{label}: '{q}' was not answered as expected ({tools}): {text[:200]}")
    times[q] = t

def p95(xs):
    s = sorted(xs)
    return s[min(len(s) - 1, int(round(0.95 * (len(s) - 1))))]

print(f"\n{label}: {runs} runs per question after 3 warm-ups, single user, ms per round trip")
print(f"{'question':45} {'median':>8} {'p95':>8} {'min':>8}")
for q, t in times.items():
    print(f"{q:45} {statistics.median(t):8.1f} {p95(t):8.1f} {min(t):8.1f}")
every = [x for t in times.values() for x in t]
print(f"{'all':45} {statistics.median(every):8.1f} {p95(every):8.1f} {min(every):8.1f}")
PY
  stop_server
}

echo "nproc: $(nproc)"; free -h | head -2
case "$MODE" in
  mirror) run_one mirror 15 ;;
  live) run_one live 0 ;;
  both) run_one mirror 15; run_one live 0 ;;
  *) echo "mode must be both, mirror or live" >&2; exit 2 ;;
esac
