// Life-event one-stop lists. 転入: a family of three with a preschool child moves to Sendai from
// another prefecture — one questionnaire, the list of what applies with deadlines counted from
// the moving date, the shared answers typed once and found again in every form, each form asking
// only what is left, the online procedures submitted together and the counter ones in one QR
// code for the visit (decoded from the page's image: the code printed under it), on a phone and
// on the printable list. おくやみ: a 78-year-old on 後期高齢者医療 with a pension, a registered seal
// and a disability certificate — the calm guide, the list naming each procedure and the offices
// outside the city, contradictory answers put back as a question, and the staff view of the
// visit. Dates come from the servers' test clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, newDevice, closeDevice, check, next, dayFromToday, runCommand, decodeQr, savePdfPages } from './support.mjs';

const env = useServerAndBrowser();

async function choose(page, name, value) {
  await page.check(`input[name="${name}"][value="${value}"]`);
}

// Answers the questions a prepared form still asks, page by page, until its check page; the
// answers are keyed by input name and used only for the questions the page shows.
async function answerRest(device, answers, name) {
  const { page } = device;
  for (let guard = 0; guard < 8; guard += 1) {
    if (/\/check$/.test(new URL(page.url()).pathname)) return;
    await check(device, `${name}-${guard}`);
    for (const [field, value] of Object.entries(answers)) {
      const input = page.locator(`[name="${field}"]`);
      if ((await input.count()) === 0 || !(await input.first().isVisible())) continue;
      const type = await input.first().getAttribute('type');
      const tag = await input.first().evaluate((el) => el.tagName.toLowerCase());
      if (type === 'radio') {
        await choose(page, field, value);
      } else if (type === 'checkbox') {
        await input.first().check();
      } else if (tag === 'select') {
        await input.first().selectOption(value);
      } else {
        await input.first().fill(value);
      }
    }
    await next(page);
    await page.waitForLoadState();
  }
  assert.fail(`${name}: the form did not reach its check page (${page.url()})`);
}

test('転入: a family of three with a preschool child from another prefecture', async () => {
  const device = await newDevice(env.chrome.browser, { width: 1280, javaScript: true });
  const { page } = device;
  try {
    await page.goto(`${env.server.url}/`);
    await page.getByRole('link', { name: '手続の一覧をつくる' }).click();
    await page.waitForURL(/\/onestop$/);
    await check(device, 'onestop-index');
    await page.getByRole('link', { name: '仙台市に引越してきた（転入）' }).click();
    await check(device, 'onestop-intro-moving-in');
    await page.getByRole('button', { name: '質問に答える' }).click();

    await page.waitForURL(/\/q\/situation$/);
    await check(device, 'onestop-questions');
    const moved = dayFromToday(-5);
    await page.fill('#f-moving_date', moved);
    await choose(page, 'moving_from', 'domestic_card');
    await choose(page, 'other_prefecture', 'yes');
    await choose(page, 'children_under_18', 'yes');
    await choose(page, 'preschool_children', 'yes');
    await choose(page, 'wants_daycare', 'no');
    await choose(page, 'school_children', 'no');
    await choose(page, 'pregnant', 'no');
    await choose(page, 'national_health_insurance', 'yes');
    await choose(page, 'aged_65_plus', 'no');
    await choose(page, 'registered_seal', 'yes');
    await choose(page, 'dog', 'no');
    await choose(page, 'water', 'yes');
    await choose(page, 'vehicle', 'no');
    await next(page);

    // The list straight after the questionnaire: what applies, with deadlines from the move.
    await page.waitForURL(/\/onestop\/b\/[0-9a-z]+$/);
    await check(device, 'onestop-list-first');
    const list = await page.locator('main').textContent();
    for (const name of ['転入届', '国民健康保険 加入の届出', '児童手当 認定請求', '子ども医療費助成 受給者証の交付申請',
      '乳幼児健康診査の申込（転入・日程変更）', '子どもの予防接種 予診票の交付申請（転入）', '印鑑登録申請', '水道 使用開始の申込']) {
      assert.ok(list.includes(name), `the list names ${name}`);
    }
    assert.ok(list.includes('令和9年（2027年）6月24日'), '転入届: 14 days after the move (2027-06-10)');
    assert.ok(list.includes('令和9年（2027年）6月25日'), '児童手当: 15 days after the move');
    assert.ok(list.includes('住民基本台帳法第22条'), 'the deadline names its law');
    assert.ok(list.includes('令和9年（2027年）6月7日'), '水道: 3 business days before the move');
    assert.match(await page.locator('#item-water_service_start .task__overdue').textContent(), /期限を過ぎています/);
    assert.match(await page.locator('.not-needed').textContent(), /介護保険 資格取得（転入）の届出/);
    assert.match(await page.locator('.not-needed').textContent(), /小・中学校の転入学/);

    // The shared answers, once.
    await page.getByRole('link', { name: '共通の内容を入力する' }).click();
    await page.waitForURL(/\/q\/applicant$/);
    await check(device, 'onestop-shared-applicant');
    await page.fill('#f-applicant_name', '鈴木　大輔');
    await page.fill('#f-applicant_name_kana', 'すずき だいすけ');
    await page.fill('#f-applicant_birth_date', '昭和63年6月20日');
    await choose(page, 'applicant_sex', 'male');
    await page.fill('#f-phone', '080-2222-3333');
    await page.fill('#f-email', 'daisuke.suzuki@example.jp');
    await next(page);
    await page.waitForURL(/\/q\/move$/);
    await page.fill('#f-previous_address', '山形県山形市旅篭町二丁目3番25号');
    await page.fill('#f-new_postal_code', '982-0012');
    await page.fill('#f-new_address', '仙台市太白区長町南3-1-15');
    await page.fill('#f-new_address_building', '長町ハイツ201');
    await choose(page, 'household_type', 'new_household');
    await page.fill('#f-householder_name', '鈴木　大輔');
    await check(device, 'onestop-shared-move');
    await next(page);
    await page.waitForURL(/\/q\/household$/);
    await page.getByRole('button', { name: '引越してきた人を追加' }).click();
    await page.getByRole('button', { name: '引越してきた人を追加' }).click();
    await page.locator('#f-members-2-name').waitFor();
    const people = [
      ['鈴木　大輔', 'スズキ ダイスケ', '1988-06-20', 'male', 'head'],
      ['鈴木　ソフィア', 'スズキ ソフィア', '1990-02-11', 'female', 'spouse'],
      ['鈴木　陽葵', 'スズキ ヒマリ', dayFromToday(-3 * 365 - 40), 'female', 'child'],
    ];
    for (const [i, [name, kana, born, sex, relation]] of people.entries()) {
      await page.fill(`#f-members-${i}-name`, name);
      await page.fill(`#f-members-${i}-name_kana`, kana);
      await page.fill(`#f-members-${i}-birth_date`, born);
      await choose(page, `members[${i}].sex`, sex);
      await page.selectOption(`#f-members-${i}-relationship`, relation);
      await choose(page, `members[${i}].nationality`, 'japanese');
      await page.fill(`#f-members-${i}-registered_domicile`, '山形県山形市旅篭町二丁目3番25号');
      await page.fill(`#f-members-${i}-head_of_register_name`, '鈴木　大輔');
    }
    await check(device, 'onestop-shared-household');
    await next(page);
    await page.waitForURL(/\/q\/bank$/);
    await page.fill('#f-bank_name', '七十七銀行');
    await page.fill('#f-branch_name', '長町支店');
    await choose(page, 'account_type', 'ordinary');
    await page.fill('#f-account_number', '1234567');
    await page.fill('#f-account_holder_kana', 'スズキ ダイスケ');
    await next(page);

    // Every procedure is prepared from those answers; the 転入届 asks nothing more.
    await page.waitForURL(/\/onestop\/b\/[0-9a-z]+$/);
    await check(device, 'onestop-list-prepared');
    assert.match(await page.locator('#item-moving_in .task__status').textContent(), /入力が終わりました/);
    assert.match(await page.locator('#item-health_insurance_enrolment .task__status').textContent(), /あと\d+項目/);
    const listUrl = page.url();

    // The same list in English and in やさしい日本語.
    await page.goto(`${listUrl}?lang=en`);
    await check(device, 'onestop-list-en');
    assert.match(await page.locator('h1').textContent(), /Your list of procedures/);
    assert.match(await page.locator('#item-moving_in').textContent(), /Notification of moving in/);
    await page.goto(`${listUrl}?lang=easy`);
    await check(device, 'onestop-list-easy');
    assert.match(await page.locator('h1').textContent(), /あなたの てつづきの リスト/);
    await page.goto(`${listUrl}?lang=ja`);

    const rest = {
      householder_name_kana: 'スズキ ダイスケ',
      householder_birth_date: '1988-06-20',
      payment_method: 'bank_transfer',
      occupation: 'employee',
      pension_scheme: 'employees_pension',
      lived_in_sendai_on_january_1: 'no',
      address_on_january_1: '山形県山形市旅篭町二丁目3番25号',
      has_spouse: 'yes',
      'spouse.name': '鈴木　ソフィア',
      'spouse.name_kana': 'スズキ ソフィア',
      'spouse.birth_date': '1990-02-11',
      'spouse.lives_together': 'yes',
      main_earner: 'applicant',
      'children[0].relation_to_applicant': 'child',
      'children[0].lives_with_applicant': 'yes',
      supports_older_children: 'no',
      declaration: 'true',
      insurance_kind: 'national',
      last_checkup: 'year_1_6',
      previous_municipality: '山形県山形市',
      delivery: 'post',
      seal_text: 'family_name',
      identification: 'photo_id',
      start_date: dayFromToday(0),
      building_kind: 'apartment',
      residents: '3',
    };
    for (const id of ['health_insurance_enrolment', 'child_allowance', 'child_medical_subsidy', 'infant_health_checkup',
      'vaccination_forms_request', 'seal_registration', 'water_service_start']) {
      await page.goto(listUrl);
      await page.locator(`#item-${id} .task__action a`).click();
      await page.waitForURL(/\/apply\//);
      if (id === 'health_insurance_enrolment') {
        // Answers given once are listed, not asked: the name typed on the list is not a question here.
        assert.match(await page.locator('.given-answers').textContent(), /世帯主の氏名/);
        assert.equal(await page.locator('#f-householder_name').count(), 0, 'the name is not asked again');
      }
      await answerRest(device, rest, id);
      await check(device, `onestop-check-${id}`);
      const summary = await page.locator('main').textContent();
      assert.ok(summary.includes('仙台市太白区長町南3-1-15') || summary.includes('スズキ'), `${id}: the shared answers are in the form`);
      assert.equal(await page.getByRole('button', { name: 'この内容で申請する' }).count(), 0, 'sent together from the list');
      await page.getByRole('link', { name: '手続リストに戻る' }).click();
    }

    await page.waitForURL(/\/onestop\/b\/[0-9a-z]+$/);
    await check(device, 'onestop-list-ready');
    // Online, this site takes only the water service (the others need the My Number card online):
    // it is submitted from the list; the rest go to the counter.
    await page.getByRole('button', { name: '入力が終わった1件をまとめて申請する' }).click();
    await page.waitForURL(/submitted=1&refused=0/);
    await check(device, 'onestop-list-submitted');
    assert.match(await page.locator('.notice--success').first().textContent(), /まとめて申請しました/);
    assert.match(await page.locator('#item-water_service_start .task__status').textContent(), /申請済み/);
    assert.match(await page.locator('#item-moving_in .task__status').textContent(), /窓口でQRコードを見せます/);
    assert.match(await page.locator('#item-child_allowance .task__status').textContent(), /窓口でQRコードを見せます/);
    assert.equal(await page.locator('#item-moving_in .task__reference').count(), 0, 'the 転入届 is not submitted from home');
    assert.match(await page.locator('main').textContent(), /窓口に持って行くもの/);

    // The counter procedures: one QR code for the whole visit, with the code printed under it.
    await page.getByRole('button', { name: '窓口で見せるQRコードを表示する' }).click();
    await page.waitForURL(/#counter-qr$/);
    await check(device, 'onestop-list-qr');
    const shown = (await page.locator('[data-visit-code]').textContent()).trim();
    assert.match(shown, /^MDQ(-[0-9A-Z]{4}){5}$/);
    assert.equal(await decodeQr(page, '[data-visit-qr]'), shown, 'the QR holds the code printed under it');
    assert.deepEqual(await page.locator('[data-visit-covers] li').allTextContents(), ['転入届', '国民健康保険 加入の届出',
      '児童手当 認定請求', '子ども医療費助成 受給者証の交付申請', '乳幼児健康診査の申込（転入・日程変更）',
      '子どもの予防接種 予診票の交付申請（転入）', '印鑑登録申請'], 'every counter procedure, in the list\'s order');
    assert.match(await page.locator('[data-visit-expires]').textContent(), /令和9年（2027年）7月15日/);
    assert.equal(await page.getByRole('button', { name: '窓口で見せるQRコードを表示する' }).count(), 0);
    assert.equal(await page.locator('[data-visit-qr]').getAttribute('alt'), '窓口で見せるQRコード。下のコードと同じ内容です。');

    // The same list on the phone the citizen takes to the ward office.
    const phone = await newDevice(env.chrome.browser, { width: 375, javaScript: true });
    try {
      await phone.context.addCookies(await device.context.cookies());
      await phone.page.goto(`${listUrl}#counter-qr`);
      await check(phone, 'onestop-list-qr-phone');
      assert.equal(await decodeQr(phone.page, '[data-visit-qr]'), shown, 'the same code on the phone');
    } finally {
      await closeDevice(phone);
    }

    // The status of what was submitted is open to this browser.
    await page.locator('#item-water_service_start .task__action a').click();
    await page.waitForURL(/\/status\/MDG-/);
    await check(device, 'onestop-status');

    await page.goto(`${listUrl}/print`);
    await check(device, 'onestop-print');
    assert.match(await page.locator('h1').textContent(), /手続の一覧（控え）/);
    assert.equal((await page.locator('[data-visit-code]').textContent()).trim(), shown, 'the printed list carries the code');
    assert.equal(await decodeQr(page, '[data-visit-qr]'), shown);
    savePdfPages(await page.pdf({ format: 'A4', printBackground: true }), 'onestop-print-pdf');
  } finally {
    await closeDevice(device);
  }
});

test('おくやみ: a 78-year-old on 後期高齢者医療 with a pension, a registered seal and a disability certificate', async () => {
  const device = await newDevice(env.chrome.browser, { width: 375, javaScript: false });
  const { page } = device;
  try {
    await page.goto(`${env.server.url}/onestop/bereavement`);
    await check(device, 'onestop-intro-bereavement');
    const guide = await page.locator('.guide').textContent();
    assert.match(guide, /心よりお悔やみ申し上げます/);
    assert.match(guide, /死亡届は、亡くなったことを知った日を含めて7日以内/);
    await page.getByRole('button', { name: '質問に答える' }).click();

    await page.waitForURL(/\/q\/situation$/);
    // A date of death in the future is refused, with the field named.
    await page.fill('#f-date_of_death', dayFromToday(3));
    await choose(page, 'death_notified', 'yes');
    await choose(page, 'insurance', 'elderly');
    await choose(page, 'funeral_held', 'yes');
    await choose(page, 'care_insurance', 'yes');
    await choose(page, 'pension', 'yes');
    await choose(page, 'registered_seal', 'yes');
    await choose(page, 'disability_certificate', 'yes');
    await choose(page, 'was_householder', 'yes');
    await choose(page, 'household_left', 'one');
    await choose(page, 'owned_property', 'no');
    await choose(page, 'water_stop', 'no');
    await next(page);
    await check(device, 'onestop-death-in-future');
    assert.match(await page.locator('#f-date_of_death-error').textContent(), /今日より後の日付は入力できません/);

    // A slip of the finger in the year is told apart, with the date probably meant.
    await page.fill('#f-date_of_death', `2072${dayFromToday(-12).slice(4)}`);
    await next(page);
    await check(device, 'onestop-death-typo');
    const typo = await page.locator('#f-date_of_death-error').textContent();
    assert.match(typo, /打ち間違いではありませんか/);
    assert.match(typo, /令和9年（2027年）6月3日のことですか/);

    await page.fill('#f-date_of_death', dayFromToday(-12));
    await next(page);
    await page.waitForURL(/\/onestop\/b\/[0-9a-z]+$/);

    // The shared answers: the person who died, and the family member.
    await page.getByRole('link', { name: '共通の内容を入力する' }).click();
    await page.waitForURL(/\/q\/deceased$/);
    await page.fill('#f-deceased_name', '佐藤　正雄');
    await page.fill('#f-deceased_name_kana', 'サトウ マサオ');
    await page.fill('#f-deceased_birth_date', dayFromToday(-(78 * 365 + 100)));
    await choose(page, 'deceased_sex', 'male');
    await page.fill('#f-deceased_address', '仙台市青葉区上杉1-5-12');
    await page.fill('#f-elderly_insured_number', '12345678');
    await page.fill('#f-funeral_date', dayFromToday(-9));
    await check(device, 'onestop-deceased');
    await next(page);
    await page.waitForURL(/\/q\/family$/);
    await page.fill('#f-applicant_name', '佐藤　健一');
    await page.fill('#f-applicant_name_kana', 'サトウ ケンイチ');
    await page.fill('#f-applicant_birth_date', '1975-09-03');
    await page.selectOption('#f-relationship', 'child');
    await page.fill('#f-applicant_address', '仙台市泉区南光台2-3-4');
    await page.fill('#f-phone', '090-1234-5678');
    await next(page);
    await page.waitForURL(/\/q\/bank$/);
    await page.fill('#f-bank_name', '七十七銀行');
    await page.fill('#f-branch_name', '上杉支店');
    await choose(page, 'account_type', 'ordinary');
    await page.fill('#f-account_number', '7654321');
    await page.fill('#f-account_holder_kana', 'サトウ ケンイチ');
    await next(page);

    await page.waitForURL(/\/onestop\/b\/[0-9a-z]+$/);
    await check(device, 'onestop-bereavement-list');
    const text = await page.locator('main').textContent();
    for (const name of ['後期高齢者医療 資格喪失の届出', '後期高齢者医療 葬祭費の支給申請', '介護保険 資格喪失の届出',
      '印鑑登録の廃止・印鑑登録証の返却', '身体障害者手帳 返還届', '年金受給権者死亡届・未支給年金の請求',
      '年金事務所（日本年金機構）', '仙台家庭裁判所', '税務署', 'おくやみコーナーの予約']) {
      assert.ok(text.includes(name), `the list names ${name}`);
    }
    assert.ok(!text.includes('国民健康保険 資格喪失の届出') || (await page.locator('.not-needed').textContent()).includes('国民健康保険 資格喪失の届出'),
      '国保 is not on the list for someone on 後期高齢者医療');
    assert.match(await page.locator('#item-elderly_medical_withdrawal .task__rule').textContent(), /14日以内/);
    assert.match(await page.locator('#item-pension_death_notice').textContent(), /国民年金法施行規則第24条/);
    assert.match(await page.locator('.bring-all').textContent(), /印鑑登録証/);
    assert.match(await page.locator('.bring-all').textContent(), /身体障害者手帳/);
    assert.equal(await page.locator('[data-consultation-book]').getAttribute('href'), '/book/okuyami',
      'the list books the bereavement counter');
    const booking = await page.request.get(`${env.server.url}/book/okuyami`);
    assert.equal(booking.status(), 200, 'the booking page of the bereavement counter exists');
    assert.match(await booking.text(), /おくやみ/);
    const reference = (await page.locator('.list-summary [data-reference]').textContent()).trim();

    // Contradictory answers get a question back, not a wrong list.
    await page.getByRole('link', { name: '質問の答えを変える' }).click();
    await page.waitForURL(/\/q\/situation$/);
    await choose(page, 'care_insurance', 'no');
    await next(page);
    await page.waitForURL(/\/onestop\/b\/[0-9a-z]+$/);
    await check(device, 'onestop-bereavement-contradiction');
    assert.match(await page.locator('.error-summary').textContent(), /65歳以上の方は介護保険被保険者証を持っています/);
    assert.equal(await page.locator('.task-list').count(), 0, 'no list is made from contradictory answers');
    await page.locator('.error-summary a').first().click();
    await page.waitForURL(/\/q\/situation/);
    await choose(page, 'care_insurance', 'yes');
    await next(page);
    await page.waitForURL(/\/onestop\/b\/[0-9a-z]+$/);
    assert.equal(await page.locator('.error-summary').count(), 0);

    // The staff view of the visit, across departments.
    runCommand(['user', 'add', '--data', env.server.data, '--login', 'okuyami.clerk', '--name', '青葉区役所 おくやみ担当',
      '--role', 'counter_clerk', '--department', 'civic_registry', '--ward', 'aoba', '--password-stdin'],
    'correct horse battery\n');
    const staff = await newDevice(env.chrome.browser, { width: 1280, javaScript: true });
    try {
      await staff.page.goto(`${env.server.url}/staff/login`);
      await staff.page.fill('#login', 'okuyami.clerk');
      await staff.page.fill('#password', 'correct horse battery');
      await staff.page.click('main button[type=submit]');
      await staff.page.waitForURL(/\/staff$/);
      await staff.page.getByRole('link', { name: 'ワンストップの来庁（おくやみ・転入など）' }).click();
      await check(staff, 'onestop-staff-find');
      await staff.page.fill('#visit-reference', reference.toLowerCase());
      await staff.page.getByRole('button', { name: '開く' }).click();
      await staff.page.waitForURL(new RegExp(`/staff/onestop/${reference}$`));
      await check(staff, 'onestop-staff-visit');
      const visit = await staff.page.locator('main').textContent();
      for (const part of ['健康福祉局 保険高齢部 保険年金課', '健康福祉局 保険高齢部 介護保険課', '市民局 区政部 戸籍住民課',
        '健康福祉局 障害福祉部 障害企画課', '佐藤　正雄']) {
        assert.ok(visit.includes(part), `the staff view shows ${part}`);
      }
    } finally {
      await closeDevice(staff);
    }
  } finally {
    await closeDevice(device);
  }
});
