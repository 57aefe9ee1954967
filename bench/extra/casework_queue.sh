#!/usr/bin/env bash
# bench/extra/casework_queue.sh BUILD_DIR: a processor's work queue page
# (/staff/cases, signed in, 50 rows in due-date order, with the total and the
# overdue count, and the audit entry each view writes) with 100,000 cases in
# the database, printed next to the hello-world route (/healthz) measured in
# the same run: latency at one connection (what one person waits for) and
# throughput at 16. The last line is machine-readable:
#  casework_cases=N queue_p50_ms=X queue_p99_ms=X hello_p50_ms=X queue_per_s=N hello_per_s=N
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
cases=${CASEWORK_BENCH_CASES:-100000}
seconds=${CASEWORK_BENCH_SECONDS:-5}
work=$(mktemp -d /tmp/madoguchi-casework-bench.XXXXXX)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

echo "== case work: the queue page with ${cases} cases"
"$build/madoguchi" migrate --data "$work/data" >/dev/null
echo "correct horse battery" | "$build/madoguchi" user add --data "$work/data" --login bench.processor \
  --name "ベンチ 担当" --role processor --department children_benefits --ward aoba --password-stdin >/dev/null
start=$(date +%s.%N)
"$build/bench/bench_tool_casework_seed" "$work/data/madoguchi.db" "$cases" >/dev/null
echo "seeded ${cases} cases in $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}') s"

MADOGUCHI_LOG_ACCESS=off "$build/madoguchi" serve --port 0 --data "$work/data" 2>"$work/server.log" &
server_pid=$!
port=$(scripts/server-port "$work/server.log")
base="http://127.0.0.1:$port"

# Sign in through the real form, then reuse the browser's cookies.
jar="$work/cookies"
csrf=$(curl -s -c "$jar" -b "$jar" -H 'Accept: text/html' "$base/staff/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" -H 'Accept: text/html' \
  --data-urlencode "login=bench.processor" --data-urlencode "password=correct horse battery" --data-urlencode "_csrf=$csrf" \
  "$base/staff/login")
[ "$status" = 303 ] || { echo "sign-in failed: $status"; exit 1; }
cookie=$(awk '$6 == "mdg_session" || $6 == "mdg_csrf" {printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}' "$jar")
rows=$(curl -s -H "Cookie: $cookie" -H 'Accept: text/html' "$base/staff/cases" | grep -c 'class="queue-row' || true)
[ "$rows" = 50 ] || { echo "the queue page showed $rows rows, expected 50"; exit 1; }

# wrk's latency line: "    50%  1.23ms" -> milliseconds.
percentile() {
  awk -v p="$1" '$1 == p {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; printf "%.2f", v}' "$2"
}
wrk -t1 -c1 -d"${seconds}s" --latency "$base/healthz" >"$work/hello1.txt"
wrk -t1 -c1 -d"${seconds}s" --latency -H "Cookie: $cookie" -H 'Accept: text/html' "$base/staff/cases" >"$work/queue1.txt"
wrk -t2 -c16 -d"${seconds}s" "$base/healthz" >"$work/hello16.txt"
wrk -t2 -c16 -d"${seconds}s" -H "Cookie: $cookie" -H 'Accept: text/html' "$base/staff/cases?page=20" >"$work/queue16.txt"
if grep -q 'Non-2xx' "$work/queue1.txt" "$work/queue16.txt"; then
  echo "queue requests failed:"; cat "$work/queue1.txt" "$work/queue16.txt"; exit 1
fi
hello_p50=$(percentile 50% "$work/hello1.txt")
hello_p99=$(percentile 99% "$work/hello1.txt")
queue_p50=$(percentile 50% "$work/queue1.txt")
queue_p99=$(percentile 99% "$work/queue1.txt")
hello_rate=$(awk '/Requests\/sec/ {print int($2)}' "$work/hello16.txt")
queue_rate=$(awk '/Requests\/sec/ {print int($2)}' "$work/queue16.txt")
echo "hello-world route (/healthz), 1 connection: p50 ${hello_p50} ms, p99 ${hello_p99} ms; 16 connections: ${hello_rate} req/s"
echo "queue page (/staff/cases, 50 of $(sqlite3 "$work/data/madoguchi.db" "SELECT count(*) FROM applications") cases), 1 connection: p50 ${queue_p50} ms, p99 ${queue_p99} ms; 16 connections (page 20): ${queue_rate} req/s"
echo "casework_cases=${cases} queue_p50_ms=${queue_p50} queue_p99_ms=${queue_p99} hello_p50_ms=${hello_p50} queue_per_s=${queue_rate} hello_per_s=${hello_rate}"
