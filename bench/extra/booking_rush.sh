#!/usr/bin/env bash
# The booking rush: 10,000 clients for 1,000 slots (one line, capacity 1,
# all opened at one instant), every client answered (booked, or full with the
# nearest free slots), then the database is checked: exactly as many booked
# as there are places, nobody twice, no slot over its capacity. Printed beside
# the hello-world rate of the same server in the same run.
# Last line: booking_rush clients=N slots=N booked=N double_booked=N attempts_per_s=N p99_ms=N hello_per_s=N
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
clients=${RUSH_CLIENTS:-10000}
concurrency=${RUSH_CONCURRENCY:-256}
ulimit -n "$(ulimit -Hn)"
work=$(mktemp -d /tmp/madoguchi-rush.XXXXXX)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# One office open every day 08:00-16:20: 100 five-minute slots a day for 10 days = 1,000 places.
cat >"$work/offices.yaml" <<'YAML'
services:
  rush:
    kind: counter
    name: {ja: 予約の殺到, en: Booking rush, easy: よやく}
offices:
  - code: rush
    kind: ward_office
    ward: aoba
    name: {ja: 試験区役所, en: Bench Office, easy: しけん}
    address: 仙台市青葉区
    hours: {mon-sun: "08:00-16:20"}
    closed_on_city_holidays: false
    lines:
      - code: R
        service: rush
        name: {ja: 予約, en: Bookings, easy: よやく}
        booking: {slot_minutes: 5, capacity: 1, lead_minutes: 0, horizon_days: 9, once_per_person_per_day: true}
YAML
export MADOGUCHI_BOOKING_OFFICES_FILE="$work/offices.yaml"
export MADOGUCHI_CLOCK_START=2027-06-15T07:00:00+09:00
export MADOGUCHI_LOG_ACCESS=off
"$build/madoguchi" migrate --data "$work/data" >/dev/null
"$build/madoguchi" serve --port 0 --data "$work/data" 2>"$work/server.log" &
server_pid=$!
port=$(scripts/server-port "$work/server.log")
base="http://127.0.0.1:$port"

echo "== booking rush (${clients} clients, ${concurrency} in flight)"
hello=$(wrk -t2 -c64 -d5s "$base/healthz" | awk '/Requests\/sec/ {print int($2)}')
echo "hello-world route (/healthz), same server: ${hello} req/s"

# Open the 1,000 slots at one instant (the day pages make them), and list their ids.
python3 - "$base" "$work/slots.json" <<'PY'
import json, sys, urllib.request, datetime
base, out = sys.argv[1], sys.argv[2]
ids = []
day = datetime.date(2027, 6, 15)
for i in range(10):
    d = (day + datetime.timedelta(days=i)).isoformat()
    with urllib.request.urlopen(f"{base}/api/v1/booking/slots?office=rush&line=R&day={d}") as r:
        ids += [s["id"] for s in json.load(r)["slots"]]
json.dump(ids, open(out, "w"))
print(f"slots opened: {len(ids)}")
PY
slots=$(python3 -c "import json,sys; print(len(json.load(open('$work/slots.json'))))")
result=$(node bench/tools/booking_rush.mjs "$base" rush R "$work/slots.json" "$clients" "$concurrency")
echo "load generator: $result"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=

db="$work/data/madoguchi.db"
booked=$(sqlite3 "$db" "SELECT COUNT(*) FROM booking_bookings WHERE status = 'confirmed'")
over=$(sqlite3 "$db" "SELECT COUNT(*) FROM (SELECT s.id FROM booking_slots s JOIN booking_bookings b ON b.slot_id = s.id AND b.status = 'confirmed' GROUP BY s.id HAVING COUNT(*) > MAX(s.capacity))")
twice=$(sqlite3 "$db" "SELECT COUNT(*) FROM (SELECT email FROM booking_bookings WHERE status = 'confirmed' GROUP BY email HAVING COUNT(*) > 1)")
answered=$(python3 -c "import json; r=json.loads('''$result'''); print(r['booked'] + r['full'])")
errors=$(python3 -c "import json; print(json.loads('''$result''')['errors'])")
attempts_per_s=$(python3 -c "import json; r=json.loads('''$result'''); print(int(r['attempts'] / r['seconds']))")
p99=$(python3 -c "import json; print(json.loads('''$result''')['p99_ms'])")
echo "answered ${answered} of ${clients} (errors ${errors}); slots over capacity ${over}; people booked twice ${twice}"
double=$((over + twice))
echo "booking_rush clients=${clients} slots=${slots} booked=${booked} double_booked=${double} attempts_per_s=${attempts_per_s} p99_ms=${p99} hello_per_s=${hello}"
