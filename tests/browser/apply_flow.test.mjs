// The main journey at a phone and a desktop width, with JavaScript on and
// off: search in hiragana → the procedure, whose page says that applying
// online needs a My Number card and offers filling in for the counter → a
// form with one wrong answer, corrected → check answers → the code for the
// counter (a QR code and its text). At the counter a clerk takes the code in,
// checks identity and hands the application over → the receipt PDF with its
// reference and status code; the confirmation e-mail reaches the local SMTP
// server with both; someone with the reference and the status code sees the
// status from another device, and a wrong code is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServerAndBrowser, newDevice, closeDevice, check, next, pdfText, savePdfPages, tinyPng, widths, runCommand,
} from './support.mjs';

const env = useServerAndBrowser({ mail: true });
const password = 'correct horse battery';

// The counter clerk's account, made once the server runs (the first test that needs it).
let clerkMade = false;
function makeClerk() {
  if (clerkMade) return;
  runCommand(['user', 'add', '--data', env.server.data, '--login', 'clerk.aoba', '--name', '青葉区 窓口', '--role',
    'counter_clerk', '--department', 'all', '--ward', 'aoba', '--password-stdin'], `${password}\n`);
  clerkMade = true;
}

// The intake page looks for a card bridge on this PC (the browser logs the
// refused connection), finds none and says how to start one.
async function noCardBridgeHere(clerk, javaScript) {
  if (!javaScript) return;
  await clerk.page.locator('[data-card-status]', { hasText: 'madoguchi card-bridge' }).waitFor();
  const others = clerk.problems.filter((p) => !p.includes('ERR_CONNECTION_REFUSED'));
  assert.deepEqual(others, [], 'no other script error');
  clerk.problems.length = 0;
}

for (const width of widths) {
  for (const javaScript of [true, false]) {
    const mode = javaScript ? 'JavaScript on' : 'JavaScript off';
    test(`a citizen applies for a residence certificate at ${width}px with ${mode}`, async () => {
      const device = await newDevice(env.chrome.browser, { width, javaScript });
      const { page } = device;
      try {
        const email = `misaki.${width}.${javaScript ? 'js' : 'nojs'}@example.jp`;

        await page.goto(env.server.url + '/');
        await check(device, 'home');
        await page.fill('#search-q', 'じゅうみんひょう');
        await page.locator('.search-form button[type=submit]').click();
        await page.waitForURL(/\/search\?q=/);
        await check(device, 'search');
        const first = page.locator('.card__title a').first();
        assert.equal(await first.textContent(), '住民票の写し等の交付請求');
        await first.click();

        await page.waitForURL(/\/procedures\/residence_certificate$/);
        await check(device, 'procedure');
        assert.match(await page.locator('[data-card-signature-notice]').textContent(), /マイナンバーカード.*窓口/s);
        assert.equal(await page.getByRole('button', { name: '申請を始める' }).count(), 0, 'no online start is offered');
        await page.getByRole('button', { name: '窓口用に入力する' }).click();

        await page.waitForURL(/\/step\/requester$/);
        await check(device, 'form');
        await page.fill('#f-requester_name', '髙橋　美咲');
        await page.fill('#f-requester_name_kana', 'たかはし みさき');
        await page.fill('#f-requester_birth_date', '平成32年4月5日');
        await page.fill('#f-requester_address', '仙台市青葉区国分町3-7-1');
        await page.fill('#f-requester_phone', '022-261-1111');
        await page.fill('#f-requester_email', email);
        await page.check('#f-relationship-0');
        await next(page);

        await check(device, 'form-errors');
        const summary = page.locator('.error-summary li a');
        assert.equal(await summary.count(), 1, 'exactly the one wrong answer is reported');
        assert.equal(await summary.first().getAttribute('href'), '#f-requester_birth_date');
        assert.match(await page.locator('#f-requester_birth_date-error').textContent(), /平成は31年まで/);
        assert.equal(await page.inputValue('#f-requester_name'), '髙橋　美咲', 'the other answers are kept');
        await summary.first().click();
        await page.fill('#f-requester_birth_date', '平成2年4月5日');
        await next(page);

        await page.waitForURL(/\/step\/certificate$/);
        await check(device, 'form-certificate');
        await page.check('#f-certificate_type-0');
        await page.check('#f-household_scope-0');
        await page.check('#f-included_items-0');
        await page.fill('#f-copies', '2');
        await page.selectOption('#f-purpose', 'pension_insurance');
        await page.fill('#f-submit_to', '日本年金機構');
        await next(page);

        await page.waitForURL(/\/step\/identity$/);
        await check(device, 'form-identity');
        await page.setInputFiles('#f-identity_document', { name: 'license.png', mimeType: 'image/png', buffer: tinyPng });
        await next(page);

        await page.waitForURL(/\/check$/);
        await check(device, 'check');
        const answers = await page.locator('main').textContent();
        for (const expected of ['髙橋　美咲', '平成2年（1990年）4月5日', '本人', '世帯全員', '2通', 'license.png']) {
          assert.ok(answers.includes(expected), `the check page shows ${expected}`);
        }
        await page.getByRole('button', { name: '窓口用のQRコードを表示する' }).click();
        await page.waitForURL(/\/pre-entry$/);
        await check(device, 'pre-entry-code');
        const code = (await page.locator('[data-pre-entry-code]').textContent()).trim();
        assert.match(code, /^MDQ(-[0-9A-Z]{4}){5}$/);

        // At the counter: the clerk takes the code in, checks identity and hands it to the back office.
        makeClerk();
        const clerk = await newDevice(env.chrome.browser, { width, javaScript });
        try {
          const desk = clerk.page;
          await desk.goto(env.server.url + '/staff/login');
          await desk.fill('#login', 'clerk.aoba');
          await desk.fill('#password', password);
          await desk.click('main button[type=submit]');
          await desk.waitForURL(/\/staff$/);
          await desk.goto(env.server.url + '/staff/counter');
          await desk.fill('#code', code.toLowerCase());
          await desk.click('#take-in-form button[type=submit]');
          await desk.waitForURL(/\/staff\/counter\/intakes\//);
          await noCardBridgeHere(clerk, javaScript);
          await check(clerk, 'counter-intake');
          const shown = await desk.locator('main').textContent();
          for (const expected of ['髙橋　美咲', '世帯全員']) {
            assert.ok(shown.includes(expected), `the clerk sees ${expected}`);
          }
          await desk.check('#identity-driving_licence');
          await desk.locator('form[action$="/identity"] button').click();
          await desk.locator('form[action$="/submit"] button').click();
          await noCardBridgeHere(clerk, javaScript);
          await check(clerk, 'counter-submitted');
          const reference = (await desk.locator('[data-reference]').first().textContent()).trim();
          assert.match(reference, /^MDG-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
          const statusCode = (await desk.locator('[data-status-code]').first().textContent()).trim();
          assert.match(statusCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

          const pdfHref = await desk.locator('[data-print-receipt]').first().getAttribute('href');
          const pdf = await clerk.context.request.get(env.server.url + pdfHref);
          assert.equal(pdf.status(), 200);
          assert.equal(pdf.headers()['content-type'], 'application/pdf');
          const text = pdfText(await pdf.body());
          savePdfPages(await pdf.body(), `receipt-pdf-${width}-${javaScript ? 'js' : 'nojs'}`);
          for (const expected of [reference, statusCode, '住民票の写し等の交付請求', '髙橋', '平成2年', '日本年金機構', '世帯全員', '国分町']) {
            assert.ok(text.includes(expected), `the receipt PDF contains ${expected}`);
          }

          const mail = await env.smtp.waitFor((m) => m.rcpt_tos.includes(email));
          assert.ok(mail.subject.includes(reference), 'the confirmation names the reference');
          assert.ok(mail.text.includes(statusCode), 'the confirmation carries the status code');
          assert.ok(mail.text.includes(`https://madoguchi.example.jp/status?reference=${reference}`));

          const other = await newDevice(env.chrome.browser, { width, javaScript });
          try {
            await other.page.goto(`${env.server.url}/status/${reference}`);
            await other.page.waitForURL(/\/status\?reference=/);
            await check(other, 'status-lookup');
            assert.equal(await other.page.inputValue('#status-reference'), reference);
            await other.page.fill('#status-code', '0000-0000-0000-0000');
            await other.page.getByRole('button', { name: '状況を確認する' }).click();
            await check(other, 'status-lookup-error');
            assert.match(await other.page.locator('.error-summary').textContent(), /組み合わせが見つかりません/);
            await other.page.fill('#status-code', statusCode.toLowerCase());
            await other.page.getByRole('button', { name: '状況を確認する' }).click();
            await other.page.waitForURL(new RegExp(`/status/${reference}$`));
            assert.match(await other.page.locator('main').textContent(), /住民票の写し等の交付請求/);
            assert.match(await other.page.locator('.status-badge').textContent(), /受付済み/);
          } finally {
            await closeDevice(other);
          }
        } finally {
          await closeDevice(clerk);
        }
      } finally {
        await closeDevice(device);
      }
    });
  }
}
