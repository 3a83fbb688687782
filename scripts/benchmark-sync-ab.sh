#!/usr/bin/env bash
# A/B initial sync (docs/benchmarks.md): the CLI `sync --org` of two builds against one local org,
# interleaved run by run (a, b, a, b, ...) so that a shared machine's noise falls on both alike.
#
#   scripts/benchmark-sync-ab.sh A.jar B.jar [runs=3] [scale=1.0]
#
# Each run gets a fresh data folder, connected with `orgs add` (client credentials), and runs in its
# own JVM with -Xmx512m; the time includes JVM start. Prints each run and the medians and ratio B/A.
set -euo pipefail
A=$1 B=$2 RUNS=${3:-3} SCALE=${4:-1.0}
WORK=$(mktemp -d /tmp/scopien-ab.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java -Xmx3g -jar "$B" local-org --port "$PORT" --scale "$SCALE" >"$WORK/org.log" 2>&1 &
ORG=$!
trap 'kill $ORG 2>/dev/null || true' EXIT
for ((i = 0; i < 240; i++)); do grep -q "http://" "$WORK/org.log" && break; sleep 0.5; done
URL="http://127.0.0.1:$PORT"
run() {
  local jar=$1 dir=$2
  rm -rf "$dir" && mkdir -p "$dir"
  SCOPIEN_DATA_DIR="$dir" SCOPIEN_DEMO=off SCOPIEN_ADMIN_API_KEY=bench-admin-key-0123456789 \
    SCOPIEN_CLIENT_SECRET=scopien-local-secret java -jar "$jar" orgs add --name bench \
    --environment production --login-url "$URL" --client-id scopien-local >/dev/null 2>&1
  local start end
  start=$(date +%s.%N)
  SCOPIEN_DATA_DIR="$dir" SCOPIEN_DEMO=off SCOPIEN_ADMIN_API_KEY=bench-admin-key-0123456789 \
    java -Xmx512m -jar "$jar" sync --org bench >"$dir.out" 2>&1
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.1f}')"
}
: >"$WORK/times"
for ((r = 1; r <= RUNS; r++)); do
  for side in a b; do
    jar=$A; [[ $side == b ]] && jar=$B
    t=$(run "$jar" "$WORK/$side-$r")
    echo "$side $t" | tee -a "$WORK/times"
  done
done
python3 - "$WORK/times" <<'PY'
import statistics, sys
t = {"a": [], "b": []}
for line in open(sys.argv[1]):
    side, s = line.split()
    t[side].append(float(s))
a, b = statistics.median(t["a"]), statistics.median(t["b"])
print(f"median A {a:.1f} s, median B {b:.1f} s, B/A {b / a:.2f}  (A: {t['a']}, B: {t['b']})")
PY
