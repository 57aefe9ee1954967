// 書かない窓口 in a real browser, every page checked with axe-core: a citizen
// pre-enters the moving-in notification on a phone (375 px) and gets a QR
// code; the QR is decoded from the page's own image; the clerk takes it in
// (1280 px), pairs the page with the card bridge (`madoguchi card-bridge` on
// a real pcscd with a virtual My Number card), reads the card with the PIN,
// sees 髙 on the card against the 高 the citizen typed, takes the card's
// value, checks identity and submits at the counter; the printed 住民異動届
// holds the right text in the right boxes (pdftotext -bbox).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, newDevice, closeDevice, check, runCommand, savePdfPages, dayFromToday, binary, next, decodeQr } from './support.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const password = 'correct horse battery';

let server;
let chrome;
let stack;
let bridge;
let bridgePort;
let bridgeOutput = '';
let intakeUrl;
let clerkDevice;
const devices = [];
const scratch = mkdtempSync(join(tmpdir(), 'madoguchi-counter-'));

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function waitFor(read, pattern, what) {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const m = read().match(pattern);
      if (m) {
        clearInterval(timer);
        clearTimeout(limit);
        resolve(m);
      }
    }, 50);
    const limit = setTimeout(() => { clearInterval(timer); reject(new Error(`${what}: ${read()}`)); }, 30000);
  });
}

// The PC/SC stack with the virtual card (tests/support/card_stack.py).
async function startCardStack() {
  let out = '';
  const child = spawn('/usr/bin/python3', [join(root, 'tests/support/card_stack.py'), join(scratch, 'pcsc')],
                      { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdout.on('data', (chunk) => { out += chunk.toString(); });
  const [, socket] = await waitFor(() => out, /ready (\S+)/, 'card stack');
  child.stdin.write(`insert ${JSON.stringify({
    name: '髙橋\u3000𠮷子', address: '宮城県仙台市青葉区国分町三丁目7番1号', birth: '19850401', sex: '2',
    number: '123456789018', pin: '7395', tries: 3,
  })}\n`);
  await waitFor(() => out, /inserted/, 'card insertion');
  return { child, socket };
}

before(async () => {
  bridgePort = await freePort();
  server = await startServer({ MADOGUCHI_COUNTER_CARD_BRIDGE_URL: `http://127.0.0.1:${bridgePort}` });
  runCommand(['user', 'add', '--data', server.data, '--login', 'clerk.aoba', '--name', '窓口　職員', '--role',
    'counter_clerk', '--department', 'all', '--ward', 'aoba', '--password-stdin'], `${password}\n`);
  stack = await startCardStack();
  bridge = spawn(binary, ['card-bridge', '--origin', server.url, '--port', String(bridgePort)],
                 { env: { ...process.env, PCSCLITE_CSOCK_NAME: stack.socket }, stdio: ['ignore', 'pipe', 'pipe'] });
  bridge.stdout.on('data', (chunk) => { bridgeOutput += chunk.toString(); });
  bridge.stderr.on('data', (chunk) => { bridgeOutput += chunk.toString(); });
  await waitFor(() => bridgeOutput, /listening on/, 'card bridge');
  chrome = await launchBrowser();
});

after(async () => {
  for (const d of devices) await closeDevice(d);
  await chrome?.close();
  bridge?.kill('SIGTERM');
  if (stack) {
    stack.child.stdin.end('quit\n');
    await new Promise((resolve) => stack.child.on('exit', resolve));
  }
  server?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

async function device(width) {
  const d = await newDevice(chrome.browser, { width });
  devices.push(d);
  return d;
}

// Words of a PDF with their top-left in millimetres (pdftotext -bbox).
function pdfWords(bytes) {
  const file = join(scratch, 'form.pdf');
  writeFileSync(file, bytes);
  const out = spawnSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  const words = [];
  for (const m of out.stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/g)) {
    words.push({ x: Number(m[1]) * 25.4 / 72, y: Number(m[2]) * 25.4 / 72, text: m[3] });
  }
  return words;
}

function assertInBox(words, text, x, y, w, h) {
  const word = words.find((candidate) => candidate.text.startsWith(text));
  assert.ok(word, `"${text}" is on the form: ${words.map((v) => v.text).join(' ')}`);
  assert.ok(word.x >= x && word.x <= x + w && word.y >= y && word.y <= y + h,
    `"${text}" at ${word.x.toFixed(1)},${word.y.toFixed(1)} mm lies in the box ${x},${y} ${w}x${h}`);
}

test('pre-entry on the phone, QR at the counter, the card checks the form, the official form prints', async () => {
  const phone = await device(375);
  const citizen = phone.page;
  await citizen.goto(`${server.url}/procedures/moving_in`);
  await check(phone, 'counter-procedure');
  await citizen.locator('form[action$="/start"] button').first().click();
  await citizen.fill('[name=notifier_name]', '高橋　𠮷子');
  await citizen.fill('[name=notifier_name_kana]', 'タカハシ ヨシコ');
  await citizen.fill('[name=notifier_birth_date]', '1985-04-01');
  await citizen.fill('[name=notifier_phone]', '090-1234-5678');
  await citizen.check('[name=notifier_role][value=member]');
  await next(citizen);
  await citizen.fill('[name=moving_date]', dayFromToday(-3));
  await citizen.check('[name=moving_from][value=domestic_card]');
  await citizen.fill('[name=previous_address]', '山形県山形市旅篭町二丁目3番25号');
  await citizen.fill('[name=new_postal_code]', '980-0803');
  await citizen.fill('[name=new_address]', '仙台市青葉区国分町3-7-1');
  await citizen.check('[name=household_type][value=new_household]');
  await citizen.fill('[name=householder_name]', '高橋　𠮷子');
  await next(citizen);
  await citizen.fill('[name="members[0].name"]', '高橋　𠮷子');
  await citizen.fill('[name="members[0].name_kana"]', 'タカハシ ヨシコ');
  await citizen.fill('[name="members[0].birth_date"]', '1985-04-01');
  await citizen.check('[name="members[0].sex"][value=female]');
  await citizen.selectOption('[name="members[0].relationship"]', 'head');
  await citizen.check('[name="members[0].nationality"][value=japanese]');
  await citizen.fill('[name="members[0].registered_domicile"]', '山形県山形市旅篭町二丁目3番25号');
  await citizen.fill('[name="members[0].head_of_register_name"]', '高橋　𠮷子');
  await next(citizen);
  await next(citizen);
  assert.match(citizen.url(), /\/check$/);
  await check(phone, 'counter-check');
  await citizen.locator('form[action$="/pre-entry"] button').click();
  await citizen.waitForSelector('[data-pre-entry-qr]');
  await check(phone, 'counter-pre-entry');
  const shown = (await citizen.locator('[data-pre-entry-code]').textContent()).trim();
  const decoded = await decodeQr(citizen, '[data-pre-entry-qr]');
  assert.equal(decoded, shown, 'the QR holds the code printed under it');
  assert.doesNotMatch(decoded, /高橋|𠮷/, 'no personal data in the QR');

  const desk = await device(1280);
  const clerk = desk.page;
  await clerk.goto(`${server.url}/staff/login`);
  await clerk.fill('#login', 'clerk.aoba');
  await clerk.fill('#password', password);
  await clerk.click('main button[type=submit]');
  await clerk.goto(`${server.url}/staff/counter`);
  await check(desk, 'counter-start');
  await clerk.fill('#code', decoded);
  await clerk.fill('#visit_reference', 'A-017');
  await clerk.click('#take-in-form button[type=submit]');
  assert.match(clerk.url(), /\/staff\/counter\/intakes\//);
  intakeUrl = clerk.url();
  clerkDevice = desk;
  await check(desk, 'counter-intake');

  const code = bridgeOutput.match(/pairing code: (\d{6})/)[1];
  await clerk.locator('[data-pair-code]').waitFor();
  await clerk.fill('[data-pair-code]', code);
  await clerk.click('[data-pair-submit]');
  await clerk.locator('[data-card-pin]').waitFor();
  await clerk.fill('[data-card-pin]', '7395');
  await Promise.all([clerk.waitForURL(/notice=card_read/), clerk.click('[data-card-submit]')]);
  const nameRow = clerk.locator('[data-compare=notifier_name]');
  assert.match(await nameRow.textContent(), /髙→高/, 'the variant 髙 against 高 is shown');
  assert.match(await clerk.locator('[data-card-name]').textContent(), /髙橋\u3000𠮷子/);
  await check(desk, 'counter-intake-card');
  assert.doesNotMatch(bridgeOutput, /7395|123456789018/, 'the bridge logs neither the PIN nor the number');

  await nameRow.locator('button').click();
  await clerk.check('#identity-mynumber_card');
  await clerk.locator(`form[action$="/identity"] button`).click();
  await clerk.locator(`form[action$="/submit"] button`).click();
  const reference = (await clerk.locator('[data-reference]').first().textContent()).trim();
  assert.match(reference, /^MDG-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await check(desk, 'counter-submitted');

  const href = await clerk.locator('[data-print-form]').first().getAttribute('href');
  const pdf = await clerk.request.get(`${server.url}${href}`);
  assert.equal(pdf.status(), 200);
  const bytes = await pdf.body();
  savePdfPages(bytes, 'counter-resident-move');
  const words = pdfWords(bytes);
  assertInBox(words, '住民異動届', 15, 10, 180, 12);
  assertInBox(words, '髙橋', 15, 44, 180, 14);
  assertInBox(words, '昭和60年4月1日', 15, 58, 90, 12);
  assertInBox(words, '仙台市青葉区国分町', 15, 70, 180, 14);
  assertInBox(words, reference, 15, 270, 180, 12);
  const all = await clerk.request.get(`${server.url}${await clerk.locator('[data-print-all]').getAttribute('href')}`);
  assert.equal(all.headers()['content-type'], 'application/pdf');
});

test('the counter page says how to start the card bridge when it is not running', async () => {
  bridge.kill('SIGTERM');
  await new Promise((resolve) => bridge.on('exit', resolve));
  const clerk = clerkDevice.page;
  await clerk.goto(intakeUrl);
  await clerk.locator('[data-card-status]', { hasText: 'madoguchi card-bridge' }).waitFor();
  clerkDevice.problems.length = 0;
  await check(clerkDevice, 'counter-bridge-down');
});
