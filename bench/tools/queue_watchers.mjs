// SSE watchers load generator: opens N event streams, one per phone page
// (ticket tokens from TOKENS_JSON), waits until each has its first update,
// then signs in as a clerk, calls the next ticket of the line, and measures
// the time until every watcher has received an update naming that call. Also
// measures the machine's idle-connection ceiling: how many plain idle TCP
// connections a do-nothing server in another process accepts (up to CEILING).
// Prints one JSON line.
// Usage: node queue_watchers.mjs URL TOKENS_JSON LOGIN PASSWORD OFFICE LINE CEILING SERVER_PID
import net from 'node:net';
import http from 'node:http';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const [url, tokenFile, login, password, office, line, ceilingText, serverPid] = process.argv.slice(2);
const tokens = JSON.parse(readFileSync(tokenFile, 'utf8'));
const { hostname, port } = new URL(url);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function watcher(token) {
  return new Promise((resolve) => {
    const w = { socket: null, initial: false, events: 0, buffer: '', onEvent: null };
    const socket = net.connect({ host: hostname, port: Number(port) }, () => {
      socket.write(`GET /queue/t/${token}/events HTTP/1.1\r\nHost: ${hostname}\r\nAccept: text/event-stream\r\n\r\n`);
    });
    w.socket = socket;
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      w.buffer += chunk;
      let end;
      while ((end = w.buffer.indexOf('\n\n')) >= 0) {
        const block = w.buffer.slice(0, end);
        w.buffer = w.buffer.slice(end + 2);
        if (!block.includes('event: ticket')) continue;
        w.events += 1;
        if (!w.initial) { w.initial = true; resolve(w); }
        if (w.onEvent) w.onEvent(block);
      }
    });
    socket.on('error', () => resolve(w));
    socket.on('close', () => { if (!w.initial) resolve(w); });
  });
}

function request(method, path, { body = '', cookies = {}, type } = {}) {
  return new Promise((resolve, reject) => {
    const headers = { cookie: Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; '), accept: 'text/html' };
    if (type) { headers['content-type'] = type; headers['content-length'] = Buffer.byteLength(body); }
    const req = http.request({ host: hostname, port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; });
      res.on('end', () => {
        for (const c of res.headers['set-cookie'] ?? []) {
          const [pair] = c.split(';');
          const i = pair.indexOf('=');
          cookies[pair.slice(0, i)] = pair.slice(i + 1);
        }
        resolve({ status: res.statusCode, text, location: res.headers.location });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const csrfOf = (html) => html.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
const form = (o) => Object.entries(o).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

async function ceiling(limit) {
  const server = spawn(process.execPath, ['-e', `
    const net = require('node:net');
    const s = net.createServer(() => {});
    s.maxConnections = ${limit + 10};
    s.listen(0, '127.0.0.1', () => console.log(s.address().port));`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const p = await new Promise((r) => server.stdout.once('data', (d) => r(Number(String(d).trim()))));
  const sockets = [];
  let held = 0;
  const deadline = Date.now() + 30000;
  for (let i = 0; i < limit && Date.now() < deadline; i += 500) {
    const batch = await Promise.all(Array.from({ length: Math.min(500, limit - i) }, () => new Promise((resolve) => {
      const s = net.connect({ host: '127.0.0.1', port: p }, () => resolve(s));
      s.on('error', () => resolve(null));
    })));
    for (const s of batch) if (s) { sockets.push(s); held += 1; }
    if (batch.some((s) => !s)) break;
  }
  await sleep(1000);
  held = sockets.filter((s) => !s.destroyed).length;
  for (const s of sockets) s.destroy();
  server.kill();
  return held;
}

// 1. Connect every watcher, a batch at a time.
const watchers = [];
const connectStarted = Date.now();
for (let i = 0; i < tokens.length; i += 500) {
  watchers.push(...await Promise.all(tokens.slice(i, i + 500).map(watcher)));
}
const connected = watchers.filter((w) => w.initial).length;
const connectSeconds = (Date.now() - connectStarted) / 1000;
await sleep(2000);
const rssMb = Math.round(Number(readFileSync(`/proc/${serverPid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024);

// 2. A clerk signs in and calls the next ticket; time until every watcher has heard of it.
const cookies = {};
const loginPage = await request('GET', '/staff/login', { cookies });
await request('POST', '/staff/login', { cookies, type: 'application/x-www-form-urlencoded', body: form({ _csrf: csrfOf(loginPage.text), login, password, next: '' }) });
const consolePage = await request('GET', `/staff/queue/${office}?counter=1`, { cookies });
let heard = 0;
let allHeard = null;
let calledLabel = null;
for (const w of watchers) {
  if (!w.initial) continue;
  w.onEvent = (block) => {
    if (w.heard) return;
    if (calledLabel && block.includes(`"label":"${calledLabel}"`)) {
      w.heard = true;
      heard += 1;
      if (heard === connected) allHeard = Date.now();
    }
  };
}
calledLabel = `${line}-001`;
const callStarted = Date.now();
const call = await request('POST', `/staff/queue/${office}/call-next`, { cookies, type: 'application/x-www-form-urlencoded', body: form({ _csrf: csrfOf(consolePage.text), counter: '1', line }) });
const deadline = Date.now() + 30000;
while (allHeard === null && Date.now() < deadline) await sleep(5);
const allUpdatedMs = allHeard === null ? -1 : allHeard - callStarted;
for (const w of watchers) w.socket.destroy();

const idle = await ceiling(Number(ceilingText));
console.log(JSON.stringify({ watchers: tokens.length, connected, connect_seconds: connectSeconds, call_status: call.status,
  heard, all_updated_ms: allUpdatedMs, rss_mb: rssMb, idle_ceiling: idle }));
