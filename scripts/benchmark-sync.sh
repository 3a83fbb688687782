#!/usr/bin/env bash
# Sync benchmark (docs/benchmarks.md). Builds nothing: run `mvn -B -q -DskipTests package` first.
#
#   scripts/benchmark-sync.sh [records ...]       default: 58000 1000000
#
# For each size it starts one local org in its own JVM (local-org --scale records/58000) and, against
# that same process, runs BENCH_RUNS initial syncs with Bulk (the default threshold, 10,000 records)
# and, for the sizes in BENCH_REST_SIZES, as many with REST paging only (SCOPIEN_SYNC_BULK_THRESHOLD=0)
# as the baseline, interleaved (bulk, rest, bulk, rest, ...) so that the machine's noise falls on both
# alike. Each sync gets a fresh data folder, connected with `orgs add` (client credentials), and runs
# in a separate JVM with -Xmx512m and -XX:+ExitOnOutOfMemoryError (`sync --org bench`); the script
# reads records/s and API calls from the command's summary and the heap from the JVM's GC log (peak:
# the highest heap occupancy before a collection; live: the highest left after one). It prints every
# run's row, a failed run as a row saying why (the benchmark goes on), then per size a summary: the
# median seconds, records/s and API calls of the runs that succeeded, the largest peak and live heap,
# and the ratio Bulk/REST of the medians.
#
# For 58,000 records it then measures the push path: it serves the data folder of the first Bulk run
# that succeeded and changes BENCH_PUSH_RECORDS Leads through PATCH /api/orgs/{id}/records/Lead/{id}
# in two scenarios, BENCH_PUSH_RUNS times each, interleaved, every time on Leads not changed before:
# once while a long sync of other objects holds the org (the changes queue and one follow-up run
# pushes them), once with each change starting its own run (pushed as they arrive). Each time it
# waits for the runs and counts the sObject Collections writes the local org received (a harmless
# 1 ms delay fault on the create/update/delete/upsert paths fires once per call; Collections reads
# are not counted), the push runs and their API calls, and apart from them the real-time runs that
# apply the change events the org sends back for the pushed Leads (echoes); it prints each row,
# then a median row per scenario.
#
# Environment: BENCH_RUNS (syncs per size and mode, default 3), BENCH_REST_SIZES (sizes that also
# get the REST baseline, space- or comma-separated; default every size, empty for none),
# BENCH_PUSH_RECORDS (Leads changed per push run, default 1000), BENCH_PUSH_RUNS (default 3, 0 skips
# the push path), BENCH_ORG_HEAP (local org heap, default 3g), BENCH_SYNC_HEAP (default 512m),
# BENCH_SYNC_TIMEOUT (seconds before a sync counts as failed, default 7200), BENCH_WORK (work
# folder, default a new temporary one).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=target/scopien.jar
[[ -f "$JAR" ]] || { echo "No $JAR: run mvn -B -q -DskipTests package first." >&2; exit 2; }
SIZES=("$@")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(58000 1000000)
RUNS=${BENCH_RUNS:-3}
REST_SIZES=" $(echo "${BENCH_REST_SIZES-${SIZES[*]}}" | tr ',' ' ') "
PUSH_RECORDS=${BENCH_PUSH_RECORDS:-1000}
PUSH_RUNS=${BENCH_PUSH_RUNS:-3}
ORG_HEAP=${BENCH_ORG_HEAP:-3g}
SYNC_HEAP=${BENCH_SYNC_HEAP:-512m}
SYNC_TIMEOUT=${BENCH_SYNC_TIMEOUT:-7200}
WORK=${BENCH_WORK:-$(mktemp -d /tmp/scopien-bench.XXXXXX)}
ADMIN_KEY=bench-admin-key-0123456789
CLIENT_ID=scopien-local
CLIENT_SECRET=scopien-local-secret
for n in "$RUNS" "$PUSH_RECORDS" "$PUSH_RUNS" "$SYNC_TIMEOUT" "${SIZES[@]}"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "Not a whole number: '$n'" >&2; exit 2; }
done
[[ "$RUNS" -ge 1 ]] || { echo "BENCH_RUNS must be at least 1" >&2; exit 2; }
mkdir -p "$WORK"
RESULTS="$WORK/runs.tsv"
: >"$RESULTS"

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

# sync_once SIZE MODE RUN ORG_URL BULK_THRESHOLD: prints one Markdown row (a failed run as a row
# saying why), appends the figures to $RESULTS, leaves $WORK/MODE-SIZE-RUN (with a file "ok" in it
# when the sync succeeded). Returns 0 either way: one failed run must not end the benchmark.
sync_once() {
  local size=$1 mode=$2 run=$3 url=$4 threshold=$5
  local dir="$WORK/$mode-$size-$run" status=0 start end
  rm -rf "$dir" && mkdir -p "$dir"
  if SCOPIEN_DATA_DIR="$dir/data" SCOPIEN_DEMO=off SCOPIEN_ADMIN_API_KEY=$ADMIN_KEY \
    SCOPIEN_CLIENT_SECRET=$CLIENT_SECRET \
    java -jar "$JAR" orgs add --name bench --environment production --login-url "$url" \
    --client-id "$CLIENT_ID" >"$dir/add.out" 2>&1; then
    start=$(date +%s.%N)
    SCOPIEN_DATA_DIR="$dir/data" SCOPIEN_DEMO=off SCOPIEN_ADMIN_API_KEY=$ADMIN_KEY \
      SCOPIEN_SYNC_BULK_THRESHOLD=$threshold \
      timeout -k 60 "$SYNC_TIMEOUT" java "-Xmx$SYNC_HEAP" -XX:+ExitOnOutOfMemoryError \
      "-Xlog:gc:file=$dir/gc.log" -jar "$JAR" sync --org bench \
      >"$dir/sync.out" 2>"$dir/sync.err" || status=$?
    end=$(date +%s.%N)
  else
    status=$? start=0 end=0
    cp "$dir/add.out" "$dir/sync.err"
    : >"$dir/sync.out"
  fi
  python3 - "$size" "$mode" "$run" "$status" "$start" "$end" "$dir" "$RESULTS" <<'EOF' || true
import os, re, sys
size, mode, run, status, start, end, folder, results = sys.argv[1:9]
status = int(status)
label = f"{mode}-{size} #{run}"

def heap():
    before = after = 0
    path = os.path.join(folder, "gc.log")
    if os.path.exists(path):
        for line in open(path):
            m = re.search(r'(\d+)M->(\d+)M\(\d+M\)', line)
            if m:
                before = max(before, int(m.group(1)))
                after = max(after, int(m.group(2)))
    return before, after

def why():
    out = open(os.path.join(folder, "sync.out")).read()
    err = open(os.path.join(folder, "sync.err")).read()
    if status == 124:
        return "timed out"
    if "OutOfMemoryError" in out + err:
        return "OutOfMemoryError"
    m = re.search(r'^Sync (\w+) in .*$', out, re.M)
    lines = [l for l in (out + err).splitlines() if l.strip()]
    text = m.group(0) if m else (lines[-1] if lines else "no output")
    return text.replace("|", "/")[:160]

peak, live = heap()
text = open(os.path.join(folder, "sync.out")).read()
summary = re.search(r'Sync succeeded in .*?, ([\d,]+) API calls', text)
if status == 0 and summary:
    calls = int(summary.group(1).replace(',', ''))
    records = sum(int(n.replace(',', '')) for n in re.findall(r'created ([\d,]+)', text))
    seconds = float(end) - float(start)
    open(os.path.join(folder, "ok"), "w").close()
    row = [size, mode, run, "ok", records, f"{seconds:.3f}", f"{records / seconds:.3f}", calls, peak, live, ""]
    print(f"| {label} | {records:,} | {seconds:,.1f} | {records / seconds:,.0f} | {calls:,} | {peak} | {live} |")
else:
    reason = f"FAILED (exit {status}): {why()}; see {folder}"
    row = [size, mode, run, "failed", "", "", "", "", peak, live, reason]
    print(f"| {label} | {reason} | | | | {peak or ''} | {live or ''} |")
with open(results, "a") as f:
    f.write("\t".join(str(c) for c in row) + "\n")
EOF
}

# summary SIZE: the medians of the size's runs from $RESULTS, and Bulk/REST
summary() {
  python3 - "$1" "$RESULTS" <<'EOF'
import statistics, sys
size, results = sys.argv[1], sys.argv[2]
rows = [l.rstrip("\n").split("\t") for l in open(results)]
rows = [r for r in rows if r[0] == size]
print(f"| {int(size):,} records | runs ok | records synced | median seconds | median records/s | "
      "median API calls | max peak heap MB | max live heap MB |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
medians = {}
for mode, name in (("bulk", "Bulk (default threshold)"), ("rest", "REST paging only")):
    mine = [r for r in rows if r[1] == mode]
    if not mine:
        continue
    ok = [r for r in mine if r[3] == "ok"]
    peak = max(int(r[8]) for r in mine)
    live = max(int(r[9]) for r in mine)
    if not ok:
        print(f"| {name} | 0 of {len(mine)} | all failed | | | | {peak} | {live} |")
        continue
    records = sorted({int(r[4]) for r in ok})
    shown = f"{records[0]:,}" if len(records) == 1 else f"{records[0]:,} to {records[-1]:,}"
    m = {k: statistics.median(float(r[i]) for r in ok) for k, i in
         (("seconds", 5), ("rate", 6), ("calls", 7))}
    m["peak"], m["live"] = peak, live
    medians[mode] = m
    print(f"| {name} | {len(ok)} of {len(mine)} | {shown} | {m['seconds']:,.1f} | {m['rate']:,.0f} | "
          f"{m['calls']:,g} | {peak} | {live} |")
if "bulk" in medians and "rest" in medians:
    b, r = medians["bulk"], medians["rest"]
    ratio = lambda k: f"{b[k] / r[k]:.2f}" if r[k] else "-"
    print(f"| Bulk / REST | | | {ratio('seconds')} | **{ratio('rate')}** | {ratio('calls')} | "
          f"{ratio('peak')} | {ratio('live')} |")
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
  local left=() pid
  for pid in "${PIDS[@]}"; do [[ "$pid" == "$1" ]] || left+=("$pid"); done
  PIDS=("${left[@]}")
}

# push_bench ORG_URL DATA_FOLDER: PATCHes Leads through the server, counts collection calls; prints
# the push tables. Runs in this shell (not in $(...)) so that the cleanup trap knows the server.
push_bench() {
  local url=$1 dir=$2 port log server status=0
  port=$(free_port)
  log="$WORK/serve.log"
  SCOPIEN_DATA_DIR="$dir/data" SCOPIEN_DEMO=off SCOPIEN_ADMIN_API_KEY=$ADMIN_KEY SCOPIEN_PORT=$port \
    java "-Xmx$SYNC_HEAP" -jar "$JAR" serve >"$log" 2>&1 &
  server=$!
  PIDS+=("$server")
  wait_for "$log" "127.0.0.1:$port" 120 || status=$?
  [[ $status -ne 0 ]] || python3 - "$url" "http://127.0.0.1:$port" "$ADMIN_KEY" "$PUSH_RECORDS" \
    "$CLIENT_ID" "$CLIENT_SECRET" "$PUSH_RUNS" <<'EOF' || status=$?
import json, math, statistics, sys, time, urllib.parse, urllib.request
from concurrent.futures import ThreadPoolExecutor
org_url, api, key, n, cid, secret, reps = sys.argv[1:8]
n, reps = int(n), int(reps)

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
# Every repetition of every scenario changes Leads no other one changed: take them all up front.
wanted = 2 * reps * n
q = urllib.parse.quote(f"SELECT Id FROM Lead ORDER BY Id LIMIT {wanted}")
page = call("GET", f"{org_url}/services/data/v62.0/query?q={q}",
            headers={"Authorization": "Bearer " + token})
ids = [r["Id"] for r in page["records"]]
while not page["done"]:
    next_url = page["nextRecordsUrl"]
    page = call("GET", (org_url + next_url) if next_url.startswith("/") else next_url,
                headers={"Authorization": "Bearer " + token})
    ids += [r["Id"] for r in page["records"]]
if len(ids) < wanted:
    sys.exit(f"The org has {len(ids):,} Leads; {wanted:,} needed (2 x BENCH_PUSH_RUNS x BENCH_PUSH_RECORDS)")

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

def scenario(tag, batch, hold):
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
    # Count the writes: every sObject Collections write (create, update, delete at
    # /composite/sobjects, upsert at /composite/sobjects/{type}/{field}) meets a harmless 1 ms
    # delay. Reads through /composite/sobjects/{type} (how real-time runs fetch the records the
    # change events name) do not match.
    call("POST", org_url + "/_scopien/faults", {"seed": 1, "rules": [
        {"kind": "slow", "rate": 1.0, "paths": "/composite/sobjects(/[^/]+/[^/]+)?$",
         "delayMs": 1}]},
        {"Content-Type": "application/json"})
    try:
        started = time.time()
        patch_all(batch, tag)
        patched = time.time()
        queued = holder is None or call(
            "GET", f"{api}/api/sync/runs/{holder}", headers=auth)["status"] == "running"
        listed = settle()
        new = [r for r in listed if r["id"] not in before]
        writes = call("GET", org_url + "/_scopien/faults")["fired"].get("slow", 0)
    finally:
        call("DELETE", org_url + "/_scopien/faults")
    # Real-time runs apply the change events the org sends back for the pushed records (echoes);
    # every other new run (the changes' own, or a scheduled one) pushes.
    pushing = [r for r in new if r["trigger"] != "real_time"]
    echoes = [r for r in new if r["trigger"] == "real_time"]
    return {"runs": len(pushing), "writes": writes, "calls": sum(r["apiCalls"] for r in pushing),
            "echoes": len(echoes), "echo_calls": sum(r["apiCalls"] for r in echoes),
            "patch": patched - started, "pushed": time.time() - started, "queued": queued}

per_200 = n / 200
def row(name, label, m, note=""):
    return (f"| {name}{note} | {label} | {n:,} | {m['runs']:g} | {m['writes']:g} | "
            f"{math.ceil(per_200)} | {m['writes'] / per_200:.2f} | {m['calls']:,g} | "
            f"{m['echoes']:g} | {m['echo_calls']:,g} | {m['patch']:,.1f} | {m['pushed']:,.1f} |")

scenarios = [("queued behind a running sync", True), ("each change starts a run", False)]
done = {name: [] for name, _ in scenarios}
print("| push | run | Leads changed | push runs | Collections writes | ceil(N/200) | "
      "Collections writes per 200 changed | API calls of the push runs | real-time runs (echoes) | "
      "API calls of the real-time runs | seconds to PATCH all | seconds until pushed |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for rep in range(reps):
    for s, (name, hold) in enumerate(scenarios):
        batch = ids[(2 * rep + s) * n:(2 * rep + s + 1) * n]
        try:
            m = scenario(f"{'queued' if hold else 'each'} {rep + 1}", batch, hold)
        except Exception as e:
            print(f"| {name} | #{rep + 1} | FAILED: {str(e).replace('|', '/')[:160]} |"
                  + " |" * 9, flush=True)
            continue
        done[name].append(m)
        note = "" if m["queued"] else " (the holding sync ended before the last change: not all queued)"
        print(row(name, f"#{rep + 1}", m, note), flush=True)
for name, _ in scenarios:
    ok = done[name]
    if not ok:
        continue
    med = {k: statistics.median(m[k] for m in ok)
           for k in ("runs", "writes", "calls", "echoes", "echo_calls", "patch", "pushed")}
    note = "" if all(m["queued"] for m in ok) else " (not all queued)"
    print(row(f"**{name}**", f"median of {len(ok)} of {reps}", med, note), flush=True)
EOF
  stop_pid "$server"
  return "$status"
}

echo "Sync benchmark on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM,"\
  "$(java -version 2>&1 | head -1); $RUNS run(s) per size and mode; work folder $WORK"
for records in "${SIZES[@]}"; do
  scale=$(python3 -c "print(round($records / 58000, 4))")
  start_org "$scale"
  echo
  echo "| run | records synced | seconds | records/s | API calls | peak heap MB (before GC) | max live heap MB (after GC) |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for ((run = 1; run <= RUNS; run++)); do
    sync_once "$records" bulk "$run" "$ORG_URL" 10000
    if [[ "$REST_SIZES" == *" $records "* ]]; then
      sync_once "$records" rest "$run" "$ORG_URL" 0
    fi
  done
  echo
  summary "$records"
  if [[ "$records" == 58000 && "$PUSH_RUNS" -gt 0 ]]; then
    echo
    push_dir=""
    for ((run = RUNS; run >= 1; run--)); do
      [[ ! -f "$WORK/bulk-58000-$run/ok" ]] || push_dir="$WORK/bulk-58000-$run"
    done
    if [[ -z "$push_dir" ]]; then
      echo "Push path not measured: no Bulk sync of 58,000 records succeeded."
    elif ! push_bench "$ORG_URL" "$push_dir"; then
      echo "Push path measurement failed: see $WORK/serve.log and the lines above."
    fi
  fi
  stop_pid "$ORG_PID"
done
