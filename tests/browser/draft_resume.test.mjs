// Save and resume, at a phone and a desktop width with JavaScript on and
// off: a bulky-waste request with two items (one "other", which asks what it
// is) is saved half-way; the resume code is shown and e-mailed; another
// device opens the draft with the code and finds every answer; the first
// device can no longer open it and is told why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newDevice, closeDevice, check, next, widths } from './support.mjs';

const env = useServerAndBrowser({ mail: true });

for (const width of widths) {
  for (const javaScript of [true, false]) {
    const mode = javaScript ? 'JavaScript on' : 'JavaScript off';
    test(`a draft is saved on one device and resumed on another at ${width}px with ${mode}`, async () => {
      const first = await newDevice(env.chrome.browser, { width, javaScript });
      const second = await newDevice(env.chrome.browser, { width, javaScript });
      const email = `yoko.${width}.${javaScript ? 'js' : 'nojs'}@example.jp`;
      try {
        const { page } = first;
        await page.goto(`${env.server.url}/procedures/bulky_waste_collection`);
        await page.getByRole('button', { name: '申請を始める' }).click();
        await page.waitForURL(/\/step\/requester$/);
        await page.fill('#f-name', '千葉　洋子');
        await page.fill('#f-name_kana', 'チバ ヨウコ');
        await page.fill('#f-postal_code', '982-0011');
        if (javaScript) {
          await page.waitForFunction(() => document.querySelector('#f-collection_address').value !== '');
          assert.equal(await page.inputValue('#f-collection_address'), '宮城県仙台市太白区長町', 'the postal code fills the address');
          assert.match(await page.locator('#f-postal_code-status').textContent(), /住所を入力しました/);
          await check(first, 'form-postal');
        }
        await page.fill('#f-collection_address', '仙台市太白区長町5-2-1');
        await page.fill('#f-phone', '022-247-1111');
        await page.fill('#f-email', email);
        await page.fill('#f-email_confirmation', email);
        await next(page);

        await page.waitForURL(/\/step\/items/);
        await page.selectOption('#f-items-0-item_type', 'sofa');
        await page.fill('#f-items-0-quantity', '1');
        await page.getByRole('button', { name: '品目を追加' }).click();
        await page.locator('#f-items-1-item_type').waitFor();
        if (javaScript) {
          assert.equal(await page.locator('#f-items-1-description-field').isHidden(), true, 'asked only for "other"');
        }
        await page.selectOption('#f-items-1-item_type', 'other');
        await page.fill('#f-items-1-description', 'マッサージチェア 幅80cm');
        await page.fill('#f-items-1-quantity', '1');
        await check(first, 'form-items');
        await page.getByRole('button', { name: '保存して後で続ける' }).click();

        await page.waitForURL(/\/saved$/);
        await check(first, 'saved');
        const code = (await page.locator('[data-resume-code]').textContent()).trim();
        assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
        await page.fill('#resume-email', email);
        await page.getByRole('button', { name: 'メールで送る' }).click();
        await page.waitForURL(/\/saved\?sent=1$/);
        await check(first, 'saved-sent');
        const mail = await env.smtp.waitFor((m) => m.rcpt_tos.includes(email));
        assert.ok(mail.text.includes(code), 'the e-mail carries the resume code');
        assert.ok(mail.text.includes(`https://madoguchi.example.jp/resume?code=${code}`));
        const draftUrl = page.url().replace(/\/saved.*$/, '');

        await second.page.goto(`${env.server.url}/`);
        await second.page.getByRole('link', { name: '再開コードを入力する' }).click();
        await second.page.waitForURL(/\/resume$/);
        await check(second, 'resume');
        await second.page.fill('#resume-code', code.toLowerCase().replace(/-/g, ' '));
        await second.page.getByRole('button', { name: '続きをする' }).click();
        await second.page.waitForURL(/\/step\/items/);
        await check(second, 'resumed');
        assert.equal(await second.page.inputValue('#f-items-1-description'), 'マッサージチェア 幅80cm');
        assert.equal(await second.page.inputValue('#f-items-0-item_type'), 'sofa');
        await second.page.getByRole('link', { name: '戻る' }).click();
        await second.page.waitForURL(/\/step\/requester/);
        assert.equal(await second.page.inputValue('#f-name'), '千葉　洋子', 'earlier pages are kept too');

        await page.goto(draftUrl);
        await check(first, 'draft-moved');
        assert.match(await page.locator('h1').textContent(), /この端末では開けません/);

        await second.page.goto(`${env.server.url}/resume`);
        await second.page.fill('#resume-code', code);
        await second.page.getByRole('button', { name: '続きをする' }).click();
        await check(second, 'resume-used');
        assert.match(await second.page.locator('.error-summary').textContent(), /すでに使われています/);
      } finally {
        await closeDevice(first);
        await closeDevice(second);
      }
    });
  }
}
