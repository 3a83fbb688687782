#!/usr/bin/env bash
# Sync benchmark (docs/benchmarks.md). Builds nothing: run `mvn -B -q -DskipTests package` first.
#
#   scripts/benchmark-sync.sh [records ...]       default: 58000 1000000
#
# For each size it starts a local org in its own JVM (local-org --scale records/58000), connects
# it to a fresh data folder with `orgs add` (client credentials), and times the initial sync in a
# separate JVM with -Xmx512m (`sync --org bench`), reading records/s and API calls from the
# command's summary and the peak heap from the JVM's GC log (the highest heap occupancy before a
# collection, and the highest live set after one). For 58,000 records it also syncs once with
# REST paging only (SCOPIEN_SYNC_BULK_THRESHOLD=0) as the baseline, and measures the push path:
# it serves the synced data folder and changes BENCH_PUSH_RECORDS Leads through
# PATCH /api/orgs/{id}/records/Lead/{id} twice: once while a long sync of other objects holds the
# org (the changes queue and one follow-up run pushes them), once with each change starting its
# own run (pushed as they arrive); each time it waits for the runs and counts the sObject
# Collections calls the local org received.
#
# Environment: BENCH_PUSH_RECORDS (default 1000), BENCH_ORG_HEAP (local org heap, default 3g),
# BENCH_SYNC_HEAP (default 512m), BENCH_WORK (work folder, default a new temporary one).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=target/scopien.jar
[[ -f "$JAR" ]] || { echo "No $JAR: run mvn -B -q -DskipTests package first." >&2; exit 2; }
SIZES=("$@")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(58000 1000000)
PUSH_RECORDS=${BENCH_PUSH_RECORDS:-1000}
ORG_HEAP=${BENCH_ORG_HEAP:-3g}
SYNC_HEAP=${BENCH_SYNC_HEAP:-512m}
WORK=${BENCH_WORK:-$(mktemp -d /tmp/scopien-bench.XXXXXX)}
ADMIN_KEY=bench-admin-key-0123456789
CLIENT_ID=scopien-local
CLIENT_SECRET=scopien-local-secret
mkdir -p "$WORK"

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wait_for FILE PATTERN SECONDS
wait_for() {
  for ((i = 0; i < $3 * 2; i++)); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "Timed out waiting for '$2' in $1" >&2
  tail -20 "$1" >&2
  return 1
}

# peak_heap GC_LOG -> "peak-before-gc-MB max-live-after-gc-MB"
peak_heap() {
  python3 - "$1" <<'EOF'
import re, sys
before = after = 0
for line in open(sys.argv[1]):
    m = re.search(r'(\d+)M->(\d+)M\(\d+M\)', line)
    if m:
        before = max(before, int(m.group(1)))
        after = max(after, int(m.group(2)))
print(before, after)
EOF
}

# sync_once LABEL ORG_URL BULK_THRESHOLD -> prints one Markdown row, leaves $WORK/LABEL
sync_once() {
  local label=$1 url=$2 threshold=$3 dir="$WORK/$1"
  rm -rf "$dir" && mkdir -p "$dir"
  SCOPIEN_DATA_DIR="$dir/data" SCOPIEN_DEMO=off SCOPIEN_ADMIN_API_KEY=$ADMIN_KEY \
    SCOPIEN_CLIENT_SECRET=$CLIENT_SECRET \
    java -jar "$JAR" orgs add --name bench --environment production --login-url "$url" \
    --client-id "$CLIENT_ID" >"$dir/add.out" 2>&1
  local start end
  start=$(date +%s.%N)
  SCOPIEN_DATA_DIR="$dir/data" SCOPIEN_DEMO=off SCOPIEN_ADMIN_API_KEY=$ADMIN_KEY \
    SCOPIEN_SYNC_BULK_THRESHOLD=$threshold \
    java "-Xmx$SYNC_HEAP" "-Xlog:gc:file=$dir/gc.log" -jar "$JAR" sync --org bench \
    >"$dir/sync.out" 2>"$dir/sync.err" || { echo "sync $label failed:" >&2; tail -20 "$dir/sync.out" "$dir/sync.err" >&2; return 1; }
  end=$(date +%s.%N)
  read -r peak live < <(peak_heap "$dir/gc.log")
  python3 - "$label" "$start" "$end" "$peak" "$live" "$dir/sync.out" <<'EOF'
import re, sys
label, start, end, peak, live, out = sys.argv[1:7]
text = open(out).read()
calls = int(re.search(r'Sync succeeded in .*?, ([\d,]+) API calls', text).group(1).replace(',', ''))
records = sum(int(n.replace(',', '')) for n in re.findall(r'created ([\d,]+)', text))
seconds = float(end) - float(start)
print(f"| {label} | {records:,} | {seconds:,.1f} | {records / seconds:,.0f} | {calls:,} | {peak} | {live} |")
EOF
}

# start_org SCALE -> sets ORG_URL, ORG_PID
start_org() {
  local port log
  port=$(free_port)
  log="$WORK/local-org-$1.log"
  java "-Xmx$ORG_HEAP" -jar "$JAR" local-org --port "$port" --scale "$1" >"$log" 2>&1 &
  ORG_PID=$!
  PIDS+=("$ORG_PID")
  wait_for "$log" "Base URL" 1800
  ORG_URL="http://127.0.0.1:$port"
}

stop_pid() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# push_bench ORG_URL DATA_LABEL: PATCHes Leads through the server, counts collection calls
push_bench() {
  local url=$1 dir="$WORK/$2" port log
  port=$(free_port)
  log="$WORK/serve.log"
  SCOPIEN_DATA_DIR="$dir/data" SCOPIEN_DEMO=off SCOPIEN_ADMIN_API_KEY=$ADMIN_KEY SCOPIEN_PORT=$port \
    java "-Xmx$SYNC_HEAP" -jar "$JAR" serve >"$log" 2>&1 &
  local server=$!
  PIDS+=("$server")
  wait_for "$log" "127.0.0.1:$port" 120
  python3 - "$url" "http://127.0.0.1:$port" "$ADMIN_KEY" "$PUSH_RECORDS" "$CLIENT_ID" \
    "$CLIENT_SECRET" <<'EOF'
import json, math, sys, time, urllib.parse, urllib.request
from concurrent.futures import ThreadPoolExecutor
org_url, api, key, n, cid, secret = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5], sys.argv[6]

def call(method, url, body=None, headers=None):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    with urllib.request.urlopen(req, timeout=300) as r:
        text = r.read()
        return json.loads(text) if text else None

auth = {"Authorization": "Bearer " + key, "Content-Type": "application/json"}
org_id = call("GET", api + "/api/orgs", headers=auth)[0]["id"]
token = call("POST", org_url + "/services/oauth2/token", urllib.parse.urlencode(
    {"grant_type": "client_credentials", "client_id": cid, "client_secret": secret}).encode(),
    {"Content-Type": "application/x-www-form-urlencoded"})["access_token"]
q = urllib.parse.quote(f"SELECT Id FROM Lead ORDER BY Id LIMIT {2 * n}")
ids = [r["Id"] for r in call("GET", f"{org_url}/services/data/v62.0/query?q={q}",
                             headers={"Authorization": "Bearer " + token})["records"]]

def runs():
    return call("GET", f"{api}/api/sync/runs?org={org_id}&limit=500", headers=auth)

def patch_all(batch, tag):
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda p: call("PATCH", f"{api}/api/orgs/{org_id}/records/Lead/{p[1]}",
                                     {"fields": {"Title": f"{tag} {p[0]}"}}, auth),
                      enumerate(batch)))

def settle():
    quiet = 0
    while quiet < 3:
        time.sleep(1)
        listed = runs()
        quiet = 0 if any(r["status"] == "running" for r in listed) else quiet + 1
    return listed

def scenario(name, batch, hold):
    # The scheduler may start a run when the server starts; begin when the org is quiet.
    before = {r["id"] for r in settle()}
    holder = None
    if hold:
        # A long sync of other objects holds the org's lock: the changes queue behind it and the
        # follow-up run pushes them together, as changes made during any sync are.
        holder = call("POST", f"{api}/api/orgs/{org_id}/sync",
                      {"objects": ["Account", "Contact", "Opportunity", "Case"], "full": True},
                      auth)["runId"]
        before.add(holder)
    # Count the writes: every sObject Collections call meets a harmless 1 ms delay.
    call("POST", org_url + "/_scopien/faults", {"seed": 1, "rules": [
        {"kind": "slow", "rate": 1.0, "paths": "/composite/sobjects", "delayMs": 1}]},
        {"Content-Type": "application/json"})
    started = time.time()
    patch_all(batch, name)
    patched = time.time()
    queued = holder is None or call(
        "GET", f"{api}/api/sync/runs/{holder}", headers=auth)["status"] == "running"
    listed = settle()
    pushing = [r for r in listed if r["id"] not in before]
    writes = call("GET", org_url + "/_scopien/faults")["fired"].get("slow", 0)
    call("DELETE", org_url + "/_scopien/faults")
    calls = sum(r["apiCalls"] for r in pushing)
    note = "" if queued else " (the holding sync ended before the last change: not all queued)"
    print(f"| {name}{note} | {len(batch):,} | {len(pushing)} | {writes} | "
          f"{math.ceil(len(batch) / 200)} | {calls:,} | {patched - started:,.1f} | "
          f"{time.time() - started:,.1f} |")

scenario("queued behind a running sync", ids[:n], True)
scenario("each change starts a run", ids[n:2 * n], False)
EOF
  stop_pid "$server"
}

echo "Sync benchmark on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM,"\
  "$(java -version 2>&1 | head -1); work folder $WORK"
echo
echo "| run | records synced | seconds | records/s | API calls | peak heap MB (before GC) | max live heap MB (after GC) |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for records in "${SIZES[@]}"; do
  scale=$(python3 -c "print(round($records / 58000, 4))")
  start_org "$scale"
  sync_once "bulk-$records" "$ORG_URL" 10000
  if [[ "$records" == 58000 ]]; then
    sync_once "rest-$records" "$ORG_URL" 0
    PUSH_ORG_URL=$ORG_URL
    PUSH_ROW=$(push_bench "$ORG_URL" "bulk-$records")
  fi
  stop_pid "$ORG_PID"
done
if [[ -n "${PUSH_ROW:-}" ]]; then
  echo
  echo "| push | Leads changed | push runs | Collections calls | ceil(N/200) | API calls of those runs | seconds to PATCH all | seconds until pushed |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  echo "$PUSH_ROW"
fi
