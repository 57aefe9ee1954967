// Languages: the switch on every page moves between Japanese, English and
// easy Japanese (with furigana), keeps the page, and validation messages
// follow the language — at both widths, with JavaScript on and off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newDevice, closeDevice, check, next, widths } from './support.mjs';

const env = useServerAndBrowser();

for (const width of widths) {
  for (const javaScript of [true, false]) {
    const mode = javaScript ? 'JavaScript on' : 'JavaScript off';
    test(`the language switch works at ${width}px with ${mode}`, async () => {
      const device = await newDevice(env.chrome.browser, { width, javaScript });
      const { page } = device;
      try {
        await page.goto(`${env.server.url}/`);
        assert.equal(await page.getAttribute('html', 'lang'), 'ja');
        await page.getByRole('link', { name: 'English' }).click();
        await page.waitForURL(/lang=en/);
        await check(device, 'home-en');
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        assert.equal(await page.locator('h1').textContent(), 'Sendai City procedures, online');

        await page.fill('#search-q', 'juminhyo');
        await page.locator('.search-form button[type=submit]').click();
        await page.waitForURL(/\/search\?q=juminhyo/);
        await check(device, 'search-en');
        await page.locator('.card__title a').first().click();
        await check(device, 'procedure-en');
        assert.match(await page.locator('[data-card-signature-notice]').textContent(), /My Number card/);
        await page.getByRole('button', { name: 'Fill in for the counter' }).click();
        await page.waitForURL(/\/step\/requester$/);
        await next(page);
        await check(device, 'form-errors-en');
        assert.match(await page.locator('.error-summary').textContent(), /“Full name” is required\./);
        assert.match(await page.locator('#f-requester_birth_date-error').textContent(), /“Date of birth” is required\./);

        await page.getByRole('link', { name: 'やさしい にほんご' }).click();
        await page.waitForURL(/lang=easy/);
        await check(device, 'form-easy');
        assert.equal(await page.locator('h1').textContent(), 'もうしこむ ひと');
        await next(page);
        assert.match(await page.locator('.error-summary').textContent(), /「なまえ」を かいて ください。/);

        await page.goto(`${env.server.url}/`);
        await check(device, 'home-easy');
        assert.ok((await page.locator('h1 ruby rt').count()) > 0, 'easy Japanese gives readings of kanji');
        assert.equal(await page.locator('h1 ruby rt').first().textContent(), 'せんだいし');

        await page.getByRole('link', { name: '日本語' }).click();
        await page.waitForURL(/lang=ja/);
        assert.equal(await page.locator('h1').textContent(), '仙台市の手続きを、オンラインで');
        await page.goto(`${env.server.url}/contact`);
        await check(device, 'contact');
        await page.goto(`${env.server.url}/accessibility`);
        await check(device, 'accessibility');
        assert.match(await page.locator('main').textContent(), /JIS X 8341-3:2016/);
      } finally {
        await closeDevice(device);
      }
    });
  }
}
