// The back office in a real browser (Debian's chromium via playwright-core),
// every page checked with axe-core for WCAG 2.1 A/AA: a citizen applies for
// bulky-waste collection on the web; a processor takes the case and returns
// it for correction naming one field; the citizen fixes only that field and
// resubmits; the processor drafts the approval; an approver approves it; the
// citizen downloads the signed notice from the status page; the public
// verification page confirms it (also at 375 px), the unchanged PDF passes
// and the same PDF with one byte changed fails.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launchBrowser, newDevice, closeDevice, check, runCommand, savePdfPages, dayFromToday } from './support.mjs';

const password = 'correct horse battery';

let server;
let base;
let chrome;
const devices = [];

function addStaff(login, role, department) {
  runCommand(['user', 'add', '--data', server.data, '--login', login, '--name', `職員 ${login}`, '--role', role,
    '--department', department, '--ward', 'all', '--password-stdin'], `${password}\n`);
}

async function device(width) {
  const d = await newDevice(chrome.browser, { width });
  devices.push(d);
  return d;
}

async function staffDevice(login) {
  const d = await device(1280);
  await d.page.goto(`${base}/staff/login`);
  await d.page.fill('#login', login);
  await d.page.fill('#password', password);
  await d.page.click('main button[type=submit]');
  assert.match(d.page.url(), /\/staff$/);
  return d;
}

before(async () => {
  server = await startServer({ MADOGUCHI_PUBLIC_URL: 'https://madoguchi.example.jp' });
  base = server.url;
  addStaff('sato', 'processor', 'environment_waste');
  addStaff('suzuki', 'approver', 'environment_waste');
  chrome = await launchBrowser();
});

after(async () => {
  // Errors the server logged (never personal data) help explain a failure.
  for (const line of server.log().split('\n')) {
    if (line.includes('"level":"error"')) console.error(line);
  }
  for (const d of devices) await closeDevice(d);
  await chrome?.close();
  server?.stop();
});

test('submit, correct, approve, download the signed notice and verify it', async () => {
  // The citizen applies on the web.
  const citizenDevice = await device(375);
  const citizen = citizenDevice.page;
  await citizen.goto(`${base}/procedures/bulky_waste_collection`);
  await citizen.locator('form[action$="/start"] button').first().click();
  await citizen.fill('[name=name]', '髙橋　﨑子');
  await citizen.fill('[name=name_kana]', 'タカハシ サキコ');
  await citizen.fill('[name=postal_code]', '982-0011');
  await citizen.fill('[name=collection_address]', '仙台市太白区長町5-2-1');
  await citizen.fill('[name=phone]', '022-247-1111');
  await citizen.fill('[name=email]', 'saki@example.jp');
  await citizen.fill('[name=email_confirmation]', 'saki@example.jp');
  await citizen.click('button[name=_action][value=continue]:not(.visually-hidden)');
  await citizen.selectOption('[name="items[0].item_type"]', 'sofa');
  await citizen.fill('[name="items[0].quantity"]', '1');
  await citizen.fill('[name=preferred_date]', dayFromToday(10));
  await citizen.check('[name=place_to_put_out][value=collection_point]');
  await citizen.check('[name=agrees_to_rules]');
  await citizen.click('button[name=_action][value=continue]:not(.visually-hidden)');
  await citizen.locator('form[action$="/submit"] button').first().click();
  const reference = (await citizen.locator('main').innerText()).match(/MDG-[0-9A-Z]{4}-[0-9A-Z]{4}/)[0];

  // The processor finds it in the queue, takes it and asks for one field to be corrected.
  const satoDevice = await staffDevice('sato');
  const sato = satoDevice.page;
  await check(satoDevice, 'staff-home');
  await sato.click('a[href="/staff/cases"]');
  await check(satoDevice, 'queue');
  await sato.click(`a[href="/staff/cases/${reference}"]`);
  await check(satoDevice, 'case-received');
  await sato.click('#claim-form button');
  assert.match(await sato.locator('[role=status]').first().innerText(), /担当しました/);
  await sato.check('#correction-field-phone');
  await sato.fill('#correction-message', '電話番号がつながりませんでした。日中につながる番号を入力してください。');
  await check(satoDevice, 'case-correction-form');
  await sato.click('#correction-form button[type=submit]');
  assert.match(await sato.locator('main').innerText(), /補正依頼中/);

  // The citizen sees the request on the status page and changes only that field.
  await citizen.goto(`${base}/status/${reference}`);
  await check(citizenDevice, 'status-correction');
  assert.match(await citizen.locator('main').innerText(), /電話番号がつながりませんでした/);
  await citizen.click(`a[href="/status/${reference}/correction"]`);
  await check(citizenDevice, 'correction-page');
  assert.equal(await citizen.locator('[name=phone]').count(), 1);
  assert.equal(await citizen.locator('[name=name]').count(), 0);
  await citizen.fill('[name=phone]', '090-1234-5678');
  await citizen.click('main form button[value=continue]:not(.visually-hidden)');
  assert.match(citizen.url(), new RegExp(`/status/${reference}`));
  await check(citizenDevice, 'status-resubmitted');

  // The processor sees both versions, takes it back and drafts the approval.
  await sato.goto(`${base}/staff/cases/${reference}`);
  const history = await sato.locator('.revision-list').innerText();
  assert.match(history, /版 1/);
  assert.match(history, /版 2[\s\S]*電話番号/);
  await sato.click('#claim-form button');
  await sato.check('#decision-outcome-approve');
  await sato.check('#decision-delivery-electronic');
  await sato.fill('#decision-reason', '収集日は別途メールでお知らせします。');
  await check(satoDevice, 'case-decision-form');
  await sato.click('#decision-form button[type=submit]');
  assert.match(await sato.locator('[role=status]').first().innerText(), /起案しました/);
  await check(satoDevice, 'case-awaiting-approval');

  // The approver approves it: the signed notice is issued.
  const suzukiDevice = await staffDevice('suzuki');
  const suzuki = suzukiDevice.page;
  await suzuki.goto(`${base}/staff/cases?status=awaiting_approval`);
  await check(suzukiDevice, 'queue-awaiting-approval');
  await suzuki.click(`a[href="/staff/cases/${reference}"]`);
  await check(suzukiDevice, 'approval-step');
  await suzuki.click('#step-form button[value=approve]');
  assert.match(await suzuki.locator('[role=status]').first().innerText(), /通知書を発行しました/);
  await check(suzukiDevice, 'case-decided');
  const verificationUrl = await suzuki.locator('.case-card a[href*="/verify/"]').first().getAttribute('href');
  const code = verificationUrl.split('/verify/')[1];

  // The citizen downloads it from the status page.
  await citizen.goto(`${base}/status/${reference}`);
  await check(citizenDevice, 'status-notice');
  const [download] = await Promise.all([
    citizen.waitForEvent('download'),
    citizen.click(`a[href="/status/${reference}/notice.pdf"]`),
  ]);
  const pdfPath = join(server.data, 'notice.pdf');
  await download.saveAs(pdfPath);
  const pdf = readFileSync(pdfPath);
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  savePdfPages(pdf, 'notice-pdf');

  // Anyone checks it on the public verification page, on a phone.
  const publicDevice = await device(375);
  const publicPage = publicDevice.page;
  await publicPage.goto(`${base}/verify/${code}`);
  await check(publicDevice, 'verify');
  assert.match(await publicPage.locator('.verify-result').innerText(), /本物の文書です/);
  assert.match(await publicPage.locator('main').innerText(), /髙橋　﨑子/);
  await publicPage.setInputFiles('#verify-pdf', pdfPath);
  await publicPage.click('main form button[type=submit]');
  await check(publicDevice, 'verify-unchanged');
  assert.match(await publicPage.locator('.verify-result').innerText(), /変更されていません/);

  const tampered = Buffer.from(pdf);
  tampered[Math.floor(tampered.length / 2)] ^= 0x01;
  const tamperedPath = join(server.data, 'tampered.pdf');
  writeFileSync(tamperedPath, tampered);
  await publicPage.setInputFiles('#verify-pdf', tamperedPath);
  await publicPage.click('main form button[type=submit]');
  await check(publicDevice, 'verify-changed');
  assert.match(await publicPage.locator('.verify-result').innerText(), /PDF が発行時のものと違います/);

  const wide = await device(1280);
  await wide.page.goto(`${base}/verify/${code}`);
  await check(wide, 'verify');
});
