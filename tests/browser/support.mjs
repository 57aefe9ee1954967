// Shared by the browser tests: the real madoguchi server on a free port with
// a fresh data directory, a local SMTP sink (Debian's python3-aiosmtpd),
// Debian's chromium through playwright-core, axe-core run on every page
// visited, screenshots when MADOGUCHI_SCREENSHOTS names a directory, and
// reading a page's QR code image with jsQR.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const jsQR = require('jsqr');
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const axeSource = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
export const binary = process.env.MADOGUCHI_BINARY || join(root, 'build', 'madoguchi');
export const widths = [375, 1280];

// The servers the tests start live on this day (the setting clock.start), so
// no test depends on the real date: a Tuesday in June, away from holidays.
export const clockStart = '2027-06-15T10:00:00+09:00';

// The ISO date `days` after the servers' today (negative: before), as a citizen types it.
export function dayFromToday(days) {
  const day = new Date(`${clockStart.slice(0, 10)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

function waitForLine(child, pattern, what) {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start: ${buffer}`)), 30000);
    const onData = (chunk) => {
      buffer += chunk.toString();
      const m = buffer.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${what} exited with ${code}: ${buffer}`)));
  });
}

// A local SMTP server writing each message it receives as JSON into a directory.
async function startSmtpSink() {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-mail-'));
  const child = spawn('/usr/bin/python3', [join(root, 'tests/fixtures/notify/smtp_sink.py'), '--port', '0', '--out', dir],
                      { stdio: ['ignore', 'pipe', 'pipe'] });
  const [, port] = await waitForLine(child, /READY (\d+)/, 'the SMTP sink');
  return {
    port: Number(port),
    dir,
    messages() {
      return readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
        .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
    },
    async waitFor(predicate, timeoutMs = 30000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = this.messages().find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error('no matching e-mail arrived');
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    stop() {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Runs a madoguchi subcommand (e.g. `user add`) to completion; it must succeed.
export function runCommand(args, input = undefined, environment = {}) {
  const env = { MADOGUCHI_LOG_ACCESS: 'off', ...process.env, MADOGUCHI_CLOCK_START: clockStart, ...environment };
  const result = spawnSync(binary, args, { env, input, encoding: 'utf8' });
  assert.equal(result.status, 0, `madoguchi ${args.join(' ')}: ${result.stdout}${result.stderr}`);
}

// The real server: migrate a fresh data directory, then serve on a free port.
export async function startServer(environment = {}) {
  const data = mkdtempSync(join(tmpdir(), 'madoguchi-browser-'));
  const env = { MADOGUCHI_LOG_ACCESS: 'off', ...process.env, MADOGUCHI_CLOCK_START: clockStart, ...environment };
  runCommand(['migrate', '--data', data], undefined, environment);
  let log = '';
  const serve = async (serveEnv) => {
    const child = spawn(binary, ['serve', '--port', '0', '--data', data], { env: serveEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr.on('data', (chunk) => { log += chunk.toString(); });
    const [, port] = await waitForLine(child, /"event":"server_started".*"port":(\d+)/, 'madoguchi');
    return { child, port };
  };
  let { child, port } = await serve(env);
  const server = {
    url: `http://127.0.0.1:${port}`,
    data,
    // The application log so far (errors name the request, never personal data).
    log: () => log,
    // Stops the server and starts it again on the same data directory with
    // more settings (e.g. another MADOGUCHI_CLOCK_START: the next day).
    async restart(more = {}) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      ({ child, port } = await serve({ ...env, ...more }));
      server.url = `http://127.0.0.1:${port}`;
    },
    stop() {
      child.kill('SIGTERM');
      rmSync(data, { recursive: true, force: true });
    },
  };
  return server;
}

// The server with its e-mail going to a local SMTP sink, and links in that
// e-mail naming a public https address, as the citizen flows need.
async function startServerWithMail() {
  const smtp = await startSmtpSink();
  const server = await startServer({
    MADOGUCHI_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    MADOGUCHI_SMTP_STARTTLS: 'never',
    MADOGUCHI_PUBLIC_URL: 'https://madoguchi.example.jp',
  });
  return { server, smtp };
}

// Registers the hooks that start, before a test file's tests, the server
// (with its e-mail going to a local SMTP sink when `mail` is set) and a
// browser, and stop them after; returns { server, smtp, chrome }, filled in
// once the hooks have run. MADOGUCHI_SHOW_LOG=1 prints the server's log.
export function useServerAndBrowser({ mail = false } = {}) {
  const env = { server: null, smtp: null, chrome: null };
  before(async () => {
    if (mail) {
      ({ server: env.server, smtp: env.smtp } = await startServerWithMail());
    } else {
      env.server = await startServer();
    }
    env.chrome = await launchBrowser();
  });
  after(async () => {
    if (process.env.MADOGUCHI_SHOW_LOG) console.log(env.server?.log());
    await env.chrome?.close();
    env.server?.stop();
    env.smtp?.stop();
  });
  return env;
}

// Debian's chromium; playwright gives each launch a fresh, temporary profile.
export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

// A browser profile ("device") at a width, with JavaScript on or off.
export async function newDevice(browser, { width, javaScript = true, locale = 'ja-JP' }) {
  const context = await browser.newContext({
    viewport: { width, height: width < 600 ? 800 : 900 },
    javaScriptEnabled: javaScript,
    locale,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(m.text()); });
  return { browser, context, page, problems, width, javaScript, checker: null };
}

async function violations(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
}

// axe-core needs scripts; a page shown with JavaScript off is checked as it
// was rendered, in a second page with scripts on but the site's own scripts
// blocked (so nothing changes the markup) and the site's styles applied.
async function checkerFor(device) {
  if (!device.checker) {
    const context = await device.browser.newContext({
      viewport: device.page.viewportSize(),
      locale: 'ja-JP',
    });
    await context.route('**/*.js', (route) => route.abort());
    device.checker = await context.newPage();
  }
  const html = await device.page.content();
  const origin = new URL(device.page.url()).origin;
  await device.checker.setContent(html.replace(/<head>/i, `<head><base href="${origin}/">`), { waitUntil: 'load' });
  return device.checker;
}

const visited = new Set();

// Checks the page the device is on: axe-core (WCAG 2.1 A and AA) finds
// nothing, the page has a title and a language, and no script failed.
// Saves a screenshot as NAME-WIDTH-js|nojs.png when asked to.
export async function check(device, name) {
  const { page } = device;
  const result = await violations(device.javaScript ? page : await checkerFor(device));
  assert.deepEqual(result, [], `axe found problems on ${name} (${page.url()}): ${JSON.stringify(result, null, 2)}`);
  assert.ok((await page.title()).length > 0, `${name} has a title`);
  assert.ok(await page.getAttribute('html', 'lang'), `${name} declares its language`);
  assert.deepEqual(device.problems, [], `script errors on ${name}`);
  visited.add(`${name}@${device.width}${device.javaScript ? '' : '/nojs'}`);
  const dir = process.env.MADOGUCHI_SCREENSHOTS;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    const suffix = `${device.width}-${device.javaScript ? 'js' : 'nojs'}`;
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const tile = device.width < 600 ? 1200 : 1000;
    for (let y = 0, i = 0; y < height; y += tile, i += 1) {
      const clip = { x: 0, y, width: device.width, height: Math.min(tile, height - y) };
      await page.screenshot({ path: join(dir, `${name}-${suffix}-${i}.png`), fullPage: true, clip });
    }
  }
}

// The text of the QR code in the page's <img> matching `selector`, drawn on a canvas and decoded
// with jsQR (the page needs JavaScript for the canvas).
export async function decodeQr(page, selector) {
  const image = await page.locator(selector).evaluate(async (img) => {
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d');
    context.drawImage(img, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height);
    return { width: data.width, height: data.height, pixels: Array.from(data.data) };
  });
  const found = jsQR(Uint8ClampedArray.from(image.pixels), image.width, image.height);
  assert.ok(found, `the QR image ${selector} decodes`);
  return found.data;
}

export function pagesChecked() {
  return [...visited];
}

// Text of a PDF, as pdftotext reads it.
export function pdfText(bytes) {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-pdf-'));
  try {
    const file = join(dir, 'receipt.pdf');
    writeFileSync(file, bytes);
    const out = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    return out.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// With MADOGUCHI_SCREENSHOTS set, saves each page of a PDF there as
// NAME-N.png (pdftoppm at 100 dpi), to be looked at like the pages.
export function savePdfPages(bytes, name) {
  const dir = process.env.MADOGUCHI_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  const out = spawnSync('pdftoppm', ['-r', '100', '-png', file, join(dir, name)], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
}

// Clicks the page's main "continue" button (the visible one).
export async function next(page) {
  await page.locator('button[name="_action"][value="continue"]:not(.visually-hidden)').click();
}

// A one-pixel PNG, for upload tests.
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

export async function closeDevice(device) {
  if (device.checker) await device.checker.context().close();
  await device.context.close();
}
