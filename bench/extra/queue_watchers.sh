#!/usr/bin/env bash
# 10,000 phones watching one office's queue over SSE on one node: each holds
# the event stream of its own ticket; a clerk calls the next ticket, and the
# time until every phone has been told is measured, with the server's RSS
# while they watch, beside this machine's idle-connection ceiling measured in
# the same run. Goal: under 1 s and under 300 MB.
# Last line: queue_watchers watchers=N all_updated_ms=N rss_mb=N
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
watchers=${WATCHERS:-10000}
ulimit -n "$(ulimit -Hn)"
work=$(mktemp -d /tmp/madoguchi-watch.XXXXXX)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

export MADOGUCHI_CLOCK_START=2027-06-15T10:00:00+09:00
export MADOGUCHI_LOG_ACCESS=off
"$build/madoguchi" migrate --data "$work/data" >/dev/null
echo "bench-password-123" | "$build/madoguchi" user add --data "$work/data" --login clerk --name "窓口 職員" \
  --role counter_clerk --department civic_registry --ward aoba --password-stdin >/dev/null
"$build/madoguchi" serve --port 0 --data "$work/data" 2>"$work/server.log" &
server_pid=$!
port=$(scripts/server-port "$work/server.log")
grep -o '"event":"open_file_limit"[^}]*' "$work/server.log" || true

# The day's tickets (spread over the office's four lines), and each phone's signed page token.
python3 - "$work/data" "$watchers" "$work/tokens.json" <<'PY'
import base64, hashlib, hmac, json, sqlite3, sys
data, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
key = open(f"{data}/keys/queue.key", "rb").read()
db = sqlite3.connect(f"{data}/madoguchi.db", timeout=30)
lines = ["A", "B", "C", "D"]
tokens = []
with db:
    for i in range(n):
        line = lines[i % 4]
        number = i // 4 + 1
        at = "2027-06-15T00:%02d:%02d.%03dZ" % ((i // 1000) % 60, (i // 17) % 60, i % 1000)
        cur = db.execute(
            "INSERT INTO queue_tickets (office, line, first_line, day, number, label, status, active, source, order_at, issued_at) "
            "VALUES ('aoba', ?, ?, '2027-06-15', ?, ?, 'waiting', 1, 'kiosk', ?, ?) RETURNING id",
            (line, line, number, "%s-%03d" % (line, number), at, at))
        tid = cur.fetchone()[0]
        mac = hmac.new(key, f"ticket:{tid}".encode(), hashlib.sha512).digest()[:32]
        tokens.append(f"{tid}-" + base64.urlsafe_b64encode(mac).decode().rstrip("=")[:22])
json.dump(tokens, open(out, "w"))
PY

echo "== ${watchers} phones watching one office over SSE"
result=$(node bench/tools/queue_watchers.mjs "http://127.0.0.1:$port" "$work/tokens.json" clerk bench-password-123 aoba A \
  "${IDLE_CEILING_LIMIT:-18000}" "$server_pid")
echo "load generator: $result"
read -r connected updated rss ceiling status < <(python3 -c "import json; r=json.loads('''$result'''); print(r['connected'], r['all_updated_ms'], r['rss_mb'], r['idle_ceiling'], r['call_status'])")
echo "connected ${connected} of ${watchers}; the call answered ${status}; idle-connection ceiling of this machine (plain TCP, same run): ${ceiling}"
echo "queue_watchers watchers=${connected} all_updated_ms=${updated} rss_mb=${rss}"
