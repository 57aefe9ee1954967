// Booking rush load generator: N clients (distinct people) try to book the
// slots of one line at once over keep-alive HTTP (at most C in flight). A
// client whose slot is full takes the nearest free slot the server offers,
// and stops when it is booked or the server offers nothing. Prints one JSON
// line: attempts, booked, full, errors, elapsed seconds and the p99 latency.
// Usage: node booking_rush.mjs URL OFFICE LINE SLOT_IDS_JSON CLIENTS CONCURRENCY
import http from 'node:http';
import { readFileSync } from 'node:fs';

const [url, office, line, slotFile, clientsText, concurrencyText] = process.argv.slice(2);
const slots = JSON.parse(readFileSync(slotFile, 'utf8'));
const clients = Number(clientsText);
const concurrency = Number(concurrencyText);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const target = new URL('/api/v1/bookings', url);
const latencies = [];
let attempts = 0;
let booked = 0;
let full = 0;
let errors = 0;
const errorStatuses = {};

function post(body) {
  return new Promise((resolve) => {
    const data = JSON.stringify(body);
    const started = process.hrtime.bigint();
    const req = http.request(target, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; });
      res.on('end', () => {
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        let json = null;
        try { json = JSON.parse(text); } catch { json = null; }
        resolve({ status: res.statusCode, json });
      });
    });
    req.on('error', () => resolve({ status: 0, json: null }));
    req.end(data);
  });
}

async function client(i) {
  // The rush: everyone wants one of the first 100 slots.
  let slot = slots[Math.floor(Math.random() * Math.min(100, slots.length))];
  for (let tries = 0; ; tries += 1) {
    attempts += 1;
    const r = await post({ office, line, slot_id: slot, name: `利用者 ${i}`, email: `person${i}@example.jp`, request_key: `rush-${i}-${tries}` });
    if (r.status === 201) { booked += 1; return; }
    const alternatives = r.json?.error?.alternatives;
    if (r.status === 409 && Array.isArray(alternatives)) {
      if (alternatives.length === 0) { full += 1; return; }
      slot = alternatives[Math.floor(Math.random() * alternatives.length)].id;
      continue;
    }
    errors += 1;
    errorStatuses[r.status] = (errorStatuses[r.status] ?? 0) + 1;
    return;
  }
}

const started = Date.now();
let next = 0;
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (next < clients) await client(next++);
}));
const seconds = (Date.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const p99 = latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] : 0;
console.log(JSON.stringify({ attempts, booked, full, errors, error_statuses: errorStatuses, seconds, p99_ms: Math.round(p99 * 10) / 10 }));
agent.destroy();
