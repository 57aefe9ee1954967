// A whole day of 待たない窓口 in a real browser: a citizen books a counter
// (the .ics file read by ical.js), the confirmation and the day-before
// reminder arrive by mail, the next morning staff set up a kiosk, the citizen
// checks in there with the QR code of the booking, follows the ticket on the
// phone page while a clerk calls it (the page and the calling display update
// live, with no reload), the clerk closes it, and the public statistics count
// it. axe-core checks every page on the way, kiosk and display included.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { useServerAndBrowser, newDevice, closeDevice, check, runCommand, dayFromToday } from './support.mjs';

const require = createRequire(import.meta.url);
const ICAL = require('ical.js');
const jsqrPath = require.resolve('jsqr');

const env = useServerAndBrowser({ mail: true });
const devices = [];
const password = 'correct horse battery';
after(async () => { for (const d of devices) await closeDevice(d); });

async function device(width, javaScript = true) {
  const d = await newDevice(env.chrome.browser, { width, javaScript });
  devices.push(d);
  return d;
}

// Reads the QR code drawn on the page (an inline SVG) with jsQR, in a blank
// page of its own (the site's CSP rightly refuses injected scripts).
async function readQr(page, selector) {
  const svg = await page.locator(selector).evaluate((el) => new XMLSerializer().serializeToString(el));
  const blank = await env.chrome.browser.newPage();
  try {
    await blank.addScriptTag({ content: readFileSync(jsqrPath, 'utf8') });
    return await blank.evaluate(async (xml) => {
      const img = new Image();
      img.src = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(xml)));
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = 400;
      canvas.height = 400;
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, 400, 400);
      ctx.drawImage(img, 0, 0, 400, 400);
      const data = ctx.getImageData(0, 0, 400, 400);
      // eslint-disable-next-line no-undef
      return jsQR(data.data, 400, 400)?.data ?? null;
    }, svg);
  } finally {
    await blank.close();
  }
}

test('a day at the counter: book, remind, check in by QR, follow live, be called, served, counted', async () => {
  const { server, smtp } = env;
  const tomorrow = dayFromToday(1);

  // Day 1, 10:00: the citizen books 住民異動 at 青葉区役所 for tomorrow 10:00.
  const citizen = await device(375);
  const page = citizen.page;
  await page.goto(`${server.url}/book`);
  await check(citizen, 'booking-services');
  await page.click('a[href="/book/moving"]');
  await check(citizen, 'booking-offices');
  await page.click('a[href="/book/moving/aoba"]');
  await page.click(`a[href="/book/moving/aoba?day=${tomorrow}"]`);
  await check(citizen, 'booking-slots');
  await page.locator('button.slot', { hasText: '10:00〜10:30' }).click();
  assert.match(page.url(), /\/booking\/[^/]+\/details$/);
  await check(citizen, 'booking-details');
  await page.fill('#booking-name', '髙橋 﨑子');
  await page.fill('#booking-email', 'sakiko@example.jp');
  await page.click('main button[type=submit]');
  assert.match(page.url(), /\/booking\/[^/]+$/);
  await check(citizen, 'booking-confirmed');
  const bookingUrl = page.url();
  const reference = (await page.locator('.panel__reference').textContent()).trim();
  assert.match(reference, /^MDG-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  // The calendar file, as a calendar program reads it.
  const ics = await (await page.request.get(`${bookingUrl}/calendar.ics`)).text();
  const calendar = new ICAL.Component(ICAL.parse(ics));
  assert.equal(calendar.getFirstPropertyValue('method'), 'REQUEST');
  const vevent = new ICAL.Event(calendar.getFirstSubcomponent('vevent'));
  assert.equal(vevent.uid, `${reference}@madoguchi.example.jp`);
  assert.equal(vevent.sequence, 0);
  assert.equal(vevent.startDate.toJSDate().toISOString(), `${tomorrow}T01:00:00.000Z`);
  assert.equal(vevent.endDate.toJSDate().toISOString(), `${tomorrow}T01:30:00.000Z`);
  assert.match(vevent.location, /青葉区役所/);

  const confirmation = await smtp.waitFor((m) => m.subject.includes('予約を受け付けました') && m.subject.includes(reference));
  assert.deepEqual(confirmation.rcpt_tos, ['sakiko@example.jp']);
  assert.match(confirmation.text, new RegExp(`${bookingUrl.split('/booking/')[1]}/calendar.ics`));

  // The QR code on the booking page carries the reference for the kiosk.
  const scanned = await readQr(page, '.qr-box svg');
  assert.equal(scanned, reference);

  // The day before: the reminder job (here its command, on the servers' clock) mails the reminder.
  runCommand(['booking', 'remind', '--data', server.data]);
  await smtp.waitFor((m) => m.subject.includes('明日のご予約のお知らせ') && m.subject.includes(reference));

  // Day 2, 10:00, the booked time: staff set up a kiosk.
  await server.restart({ MADOGUCHI_CLOCK_START: `${tomorrow}T10:00:00+09:00` });
  runCommand(['user', 'add', '--data', server.data, '--login', 'mado', '--name', '窓口 太郎', '--role', 'counter_clerk',
    '--department', 'civic_registry', '--ward', 'aoba', '--password-stdin'], `${password}\n`);
  const clerk = await device(1280);
  await clerk.page.goto(`${server.url}/staff/login`);
  await clerk.page.fill('#login', 'mado');
  await clerk.page.fill('#password', password);
  await clerk.page.click('main button[type=submit]');
  await clerk.page.goto(`${server.url}/staff/bookings/aoba?day=${tomorrow}`);
  await check(clerk, 'staff-booking-day');
  assert.ok((await clerk.page.textContent('main')).includes('髙橋 﨑子'));
  await clerk.page.goto(`${server.url}/staff/queue/aoba?counter=3`);
  await check(clerk, 'staff-queue-console');
  await clerk.page.fill('#kiosk-name', '1階 受付機');
  await clerk.page.locator('form[action="/staff/queue/aoba/kiosks"] button').click();
  await check(clerk, 'staff-kiosk-created');
  const kioskLink = (await clerk.page.locator('main a[href*="/queue/kiosk/activate/"]').getAttribute('href'))
    .replace('https://madoguchi.example.jp', server.url);

  const kiosk = await device(1280);
  await kiosk.page.goto(kioskLink);
  assert.match(kiosk.page.url(), /\/queue\/kiosk\/aoba$/);
  await check(kiosk, 'kiosk');
  await kiosk.page.fill('#kiosk-reference', scanned);
  await kiosk.page.click('.kiosk__check-in button');
  await check(kiosk, 'kiosk-ticket');
  const label = (await kiosk.page.locator('.ticket-number').textContent()).trim();
  assert.equal(label, 'A-001');
  const phoneHref = await kiosk.page.locator('a[href^="/queue/t/"]').getAttribute('href');

  // The citizen follows the ticket on the phone; the calling display runs.
  await page.goto(`${server.url}${phoneHref}`);
  await check(citizen, 'queue-ticket-waiting');
  assert.equal((await page.locator('#ticket-ahead').textContent()).trim(), '0');
  const display = await device(1280);
  await display.page.goto(`${server.url}/queue/display/aoba`);
  await check(display, 'queue-display');
  await page.evaluate(() => { window.__noReload = true; });

  // A walk-in comes; the booked person, whose time has come, is still called first.
  await kiosk.page.goto(`${server.url}/queue/kiosk/aoba`);
  await kiosk.page.locator('button.kiosk__button[value="A"]').click();
  assert.equal((await kiosk.page.locator('.ticket-number').textContent()).trim(), 'A-002');
  await clerk.page.goto(`${server.url}/staff/queue/aoba?counter=3`);
  await clerk.page.locator('form[action="/staff/queue/aoba/call-next"]:has(input[value="A"]) button').click();
  await page.locator('.ticket-status__main--called', { hasText: '3' }).waitFor({ timeout: 5000 });
  assert.equal(await page.evaluate(() => window.__noReload), true, 'the phone page updated without reloading');
  await check(citizen, 'queue-ticket-called');
  await display.page.locator('#display-calls .display__label', { hasText: 'A-001' }).waitFor({ timeout: 5000 });
  assert.equal((await display.page.locator('#display-calls .display__counter').first().textContent()).trim(), '3');
  assert.ok(!(await display.page.textContent('main')).includes('髙橋'), 'the display shows no names');
  await check(display, 'queue-display-called');

  // Served: the clerk closes it; calling it again is refused.
  await clerk.page.goto(`${server.url}/staff/queue/aoba?counter=3`);
  await clerk.page.locator('.console-called__item', { hasText: 'A-001' }).locator('form[action$="/done"] button').click();
  await page.locator('.ticket-status__main', { hasText: '受付が終わりました' }).waitFor({ timeout: 5000 });

  // The public figures count the day.
  const stats = await device(1280);
  await stats.page.goto(`${server.url}/stats/queue?from=${tomorrow}&to=${tomorrow}`);
  await check(stats, 'queue-stats');
  const figures = await (await stats.page.request.get(`${server.url}/api/v1/stats/queue?from=${tomorrow}&to=${tomorrow}`)).json();
  const a = figures.figures.find((f) => f.office === 'aoba' && f.line === 'A');
  assert.equal(a.tickets, 2);
  assert.equal(a.served, 1);
  assert.equal(a.bookings, 1);
  assert.equal(a.bookings_kept, 1);
  await stats.page.goto(`${server.url}/queue`);
  await check(stats, 'queue-waits');
  await stats.page.goto(`${server.url}/queue/aoba`);
  await check(stats, 'queue-office');
});

test('the booking pages work without JavaScript and in English', async () => {
  const d = await device(375, false);
  await d.page.goto(`${env.server.url}/book?lang=en`);
  await check(d, 'booking-services-nojs-en');
  await d.page.goto(`${env.server.url}/book/certificates/izumi?day=${dayFromToday(2)}`);
  await check(d, 'booking-slots-nojs-en');
  await d.page.goto(`${env.server.url}/queue?lang=easy`);
  await check(d, 'queue-waits-nojs-easy');
});
