#!/usr/bin/env bash
# bench/extra/postgres_nodes.sh BUILD_DIR: durable submissions on PostgreSQL
# (a private server, scripts/test-postgres, synchronous_commit on) through one
# app node and through two nodes sharing it, each at 64 connections in all
# (wrk), beside the raw PostgreSQL one-row-per-transaction insert rate of the
# same document at 8 connections, measured in the same run. The last line is
# machine-readable:
#  postgres_submit nodes1_per_s=N nodes1_p99_ms=X nodes2_per_s=N nodes2_p99_ms=X raw_pg_insert_8conn_per_s=N ratio_1=R ratio_2=R
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
seconds=${BENCH_SECONDS:-10}
work=$(mktemp -d /tmp/madoguchi-pg-bench.XXXXXX)
chmod 755 "$work"  # the server runs as the postgres user when we are root
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  scripts/test-postgres stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== PostgreSQL: durable submissions through one node and two (wrk, 64 connections, ${seconds}s)"
url=$(scripts/test-postgres start "$work/pg")
export MADOGUCHI_DATABASE_URL="$url" MADOGUCHI_LOG_ACCESS=off MADOGUCHI_SERVER_ATTEMPTS_PER_MINUTE=100000
"$build/madoguchi" migrate --data "$work/a" >/dev/null

start_node() {  # start_node DATA_DIR VARIABLE: sets VARIABLE to the node's port (no subshell: it keeps the pid)
  "$build/madoguchi" serve --port 0 --data "$1" 2>"$1.log" &
  pids+=($!)
  local port
  port=$(scripts/server-port "$1.log")
  printf -v "$2" '%s' "$port"
}

python3 - "$work/body.json" <<'PY'
import datetime, json, re, sys
answers = json.load(open("demo/answers/bulky_waste_collection.json"))
today = (datetime.datetime.utcnow() + datetime.timedelta(hours=9)).date()
for key, value in answers.items():
    m = re.fullmatch(r"today\+(\d+)d", value) if isinstance(value, str) else None
    if m: answers[key] = (today + datetime.timedelta(days=int(m.group(1)))).isoformat()
open(sys.argv[1], "w").write(json.dumps({"answers": answers}, ensure_ascii=False))
PY

# submit CONNECTIONS PORT...: wrk on each port at once; prints "requests_per_s p99_ms"
submit() {
  local connections=$1; shift
  local n=0 outs=()
  for port in "$@"; do
    MADOGUCHI_BENCH_BODY="$work/body.json" MADOGUCHI_BENCH_PATH=/api/v1/procedures/bulky_waste_collection/applications \
      wrk -t1 -c"$connections" -d"${seconds}s" --latency -s bench/submit.lua "http://127.0.0.1:$port" >"$work/wrk-$port.txt" &
    outs+=($!)
  done
  for pid in "${outs[@]}"; do wait "$pid"; done
  for port in "$@"; do
    if grep -q 'Non-2xx' "$work/wrk-$port.txt"; then echo "submissions failed:" >&2; cat "$work/wrk-$port.txt" >&2; exit 1; fi
  done
  cat "$work"/wrk-*.txt | awk '
    /Requests\/sec/ {rate += $2}
    $1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; if (v > p99) p99 = v}
    END {printf "%d %.1f\n", rate, p99}'
  rm -f "$work"/wrk-*.txt
}

start_node "$work/a" port_a
read one one_p99 < <(submit 64 "$port_a")
echo "one node: ${one} submissions/s, p99 ${one_p99} ms"
mkdir -p "$work/b" && cp -r "$work/a/keys" "$work/b/keys"
start_node "$work/b" port_b
read two two_p99 < <(submit 32 "$port_a" "$port_b")
echo "two nodes: ${two} submissions/s, p99 ${two_p99} ms (the slower node's p99)"
stored=$(psql "$url" -Atc 'SELECT count(*) FROM applications')
echo "stored ${stored} applications"

raw=$("$build/bench/bench_tool_raw_durable_insert" "$url" "$work/body.json" "$seconds" 8)
echo "raw PostgreSQL insert, one row per transaction, same document, 8 connections: ${raw}/s"
ratio1=$(awk -v a="$one" -v b="$raw" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')
ratio2=$(awk -v a="$two" -v b="$raw" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')
echo "postgres_submit nodes1_per_s=${one} nodes1_p99_ms=${one_p99} nodes2_per_s=${two} nodes2_p99_ms=${two_p99} raw_pg_insert_8conn_per_s=${raw} ratio_1=${ratio1} ratio_2=${ratio2}"
