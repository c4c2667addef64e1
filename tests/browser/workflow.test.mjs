// One application's whole life in a real browser, and catalog publishing:
//   1. a member of the public applies online and gets a tracking code and secret;
//   2. the handler finds it on the dashboard, sends a 补正 notice, records the correction and
//      requests an extension; the reviewer approves the extension and answers 部分公开;
//   3. the applicant sees every notice (受理, 补正, 延期, 答复) and the answer on /track;
//   4. the 2025 annual report (read from a second server whose today is in 2026, when that
//      report is published) counts it in cell R3.2 (部分公开) of the 2021 format;
//   5. an editor publishes a catalog item, which appears in the public catalog, the Atom feed
//      and the search;
// plus axe-core on the apply, receipt, track (form and result), console login and dashboard
// pages, and the apply form filled and submitted with the keyboard only.
//
// The tests of this file run in order and share the application of test 1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launchBrowser, newContext, axeViolations, screenshot, password, today, testTimeoutMs,
} from './harness.mjs';

const agency = 'donghu-gov-office';
const opts = { timeout: testTimeoutMs };
let server;
let browser;
let reportServer;  // the same database, today in 2026: the 2025 report is published
const application = {};  // filled by the tests in turn

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  reportServer = await server.startTwin({ today: '2026-01-15', settings: { report_cache_seconds: 0 } });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function assertAccessible(page, name) {
  const violations = await axeViolations(page);
  await screenshot(page, name);
  assert.deepEqual(violations, [], `${name}: axe-core violations:\n${JSON.stringify(violations, null, 2)}`);
}

// Clicks `locator` (a submit button or link) and waits until the page it leads to has loaded
// (after a POST, the page the 303 redirect leads to).
async function clickAndLoad(page, locator) {
  const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() });
  await locator.click();
  await navigated;
  await page.waitForLoadState('load');
}

// Fails with the page's error messages if it shows any (a rejected form).
async function assertNoFormErrors(page, what) {
  const errors = await page.locator('.error-summary, .field-error, .error-message').allTextContents();
  assert.deepEqual(errors.map((e) => e.trim()), [], `${what}: the page shows errors`);
}

// A resident ID number with a valid check digit (GB 11643).
function residentId(first17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i];
  return first17 + '10X98765432'[sum % 11];
}

// The cells of the annual report's HTML (data-cell="R3.2/NP" → number).
async function reportCells(year) {
  const r = await fetch(`${reportServer.url}/agencies/${agency}/reports/${year}.html`);
  assert.equal(r.status, 200, `the ${year} report is served`);
  const html = await r.text();
  const cells = {};
  for (const m of html.matchAll(/data-cell="([^"]+)">([^<]*)</g)) cells[m[1]] = m[2].trim();
  assert.ok('R3.2/TOT' in cells, `the ${year} report has the 2021 table's cell R3.2/TOT`);
  return cells;
}

async function login(context, who) {
  const page = await context.newPage();
  await page.goto(server.url + '/console/login');
  await page.getByLabel('登录名').fill(who);
  await page.getByLabel('密码').fill(password);
  await clickAndLoad(page, page.getByRole('button', { name: '登录' }));
  assert.ok(new URL(page.url()).pathname.startsWith('/console'), `${who} is logged in: ${page.url()}`);
  assert.equal(await page.locator('#login-error').count(), 0, `${who}: no login error`);
  return page;
}

test('the 2025 annual report before the application', opts, async () => {
  application.reportBefore = await reportCells(2025);
});

test('a member of the public applies online and gets a tracking code and secret', opts, async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  const response = await page.goto(`${server.url}/agencies/${agency}/apply`);
  assert.equal(response.status(), 200);
  await assertAccessible(page, 'apply');
  await page.getByLabel('公民（自然人）').check();
  await page.getByLabel('姓名（公民必填）').fill('张晓梅');
  await page.getByLabel('身份证件类型（公民必填）').selectOption({ label: '居民身份证' });
  await page.getByLabel('证件号码（公民必填）').fill(residentId('42010619850312002'));
  await page.getByLabel('联系电话（必填）').fill('13900001234');
  await page.getByLabel('电子邮箱（选择电子邮件获取时必填）').fill('zhang.xiaomei@example.cn');
  await page.getByLabel('通信地址（选择邮寄时必填）').fill('武汉市东湖新技术开发区光谷大道 77 号');
  await page.getByLabel('邮政编码').fill('430074');
  application.description = '2025年东湖区老旧小区改造项目的资金安排文件及项目清单（浏览器测试）';
  await page.getByLabel(/所需信息的名称、文号/).fill(application.description);
  await page.getByLabel('用途（选填）').fill('了解本小区改造计划');
  await page.getByRole('radio', { name: '电子', exact: true }).check();
  await page.getByRole('radio', { name: '电子邮件', exact: true }).check();
  await clickAndLoad(page, page.getByRole('button', { name: '提交申请' }));
  await assertNoFormErrors(page, 'apply');
  await page.getByRole('heading', { level: 1, name: '申请已提交' }).waitFor();
  application.code = (await page.locator('#tracking-code').textContent()).trim();
  application.secret = (await page.locator('#secret').textContent()).trim();
  application.registerNo = (await page.locator('dt:text-is("登记编号") + dd').textContent()).trim();
  assert.match(application.code, /^[0-9A-Z]+(-[0-9A-Z]+)+$/, 'tracking code');
  assert.ok(application.secret.replace(/-/g, '').length >= 8, 'secret');
  assert.ok(application.registerNo.length > 0, 'register number');
  assert.match(await page.locator('dt:text-is("收到申请日期") + dd').textContent(), /2025/);
  await assertAccessible(page, 'receipt');
  await context.close();
});

test('the handler sends a 补正 notice, records the correction and requests an extension', opts, async () => {
  assert.ok(application.registerNo, 'needs the application of the previous test');
  const context = await newContext(browser);
  const page = await login(context, 'handler');
  if (new URL(page.url()).pathname !== '/console/') await page.goto(server.url + '/console/');
  await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
  await assertAccessible(page, 'console-dashboard');
  // The new application is on the dashboard (open, within the 补正 window).
  await clickAndLoad(page, page.getByRole('link', { name: application.registerNo, exact: true }).first());
  await page.getByRole('heading', { level: 1, name: new RegExp(application.registerNo) }).waitFor();
  assert.ok((await page.locator('.pre-line').first().textContent()).includes('老旧小区改造'),
            'the case page shows the request');

  // 补正: the missing items, one per line; the deadline is the form's default (today + 15 days).
  const correction = page.locator('#form-request_correction');
  await correction.getByLabel(/需要补正的事项/).fill('请写明所需文件的文号或制发时间\n请说明所指的小区名称');
  await clickAndLoad(page, correction.getByRole('button'));
  await assertNoFormErrors(page, 'request_correction');

  const recorded = page.locator('#form-record_correction');
  await recorded.getByLabel('办理日期').fill(today);
  await recorded.getByLabel('备注').fill('申请人补充了小区名称和时间范围');
  await clickAndLoad(page, recorded.getByRole('button'));
  await assertNoFormErrors(page, 'record_correction');

  const extension = page.locator('#form-request_extension');
  await extension.getByLabel(/延长工作日数/).fill('15');
  await extension.getByLabel('延期理由').fill('涉及多个部门的资金文件，需要协调汇总');
  await clickAndLoad(page, extension.getByRole('button'));
  await assertNoFormErrors(page, 'request_extension');
  // The handler may not approve or answer: those forms belong to the reviewer.
  assert.equal(await page.locator('#form-approve_extension').count(), 0);
  assert.equal(await page.locator('#form-answer').count(), 0);
  const timeline = await page.locator('section[aria-labelledby="timeline-heading"]').textContent();
  assert.match(timeline, /延长 15 个工作日|15 个工作日/);
  await assertAccessible(page, 'console-case-handler');
  await context.close();
});

test('the reviewer approves the extension and answers 部分公开', opts, async () => {
  assert.ok(application.registerNo, 'needs the application of the previous tests');
  const context = await newContext(browser);
  const page = await login(context, 'reviewer');
  await page.goto(server.url + '/console/');
  await clickAndLoad(page, page.getByRole('link', { name: application.registerNo, exact: true }).first());

  const approve = page.locator('#form-approve_extension');
  assert.equal(await approve.getByLabel(/延长工作日数/).inputValue(), '15', 'the requested days are proposed');
  await approve.getByLabel('办理日期').fill(today);
  await clickAndLoad(page, approve.getByRole('button'));
  await assertNoFormErrors(page, 'approve_extension');
  assert.match(await page.locator('section[aria-labelledby="deadline-heading"]').textContent(),
               /延长 15 个工作日/);

  const answer = page.locator('#form-answer');
  await answer.getByLabel('答复结果', { exact: true }).selectOption({ label: '部分公开' });
  application.answer = '经审查，项目资金安排文件予以公开；项目清单中涉及个人信息的部分不予公开。';
  await answer.getByLabel('答复内容', { exact: true }).fill(application.answer);
  await answer.getByLabel('办理日期').fill(today);
  await clickAndLoad(page, answer.getByRole('button'));
  await assertNoFormErrors(page, 'answer');
  const facts = await page.locator('section[aria-labelledby="facts-heading"]').textContent();
  assert.match(facts, /部分公开/, 'the case is closed as 部分公开');
  application.answered = true;
  await screenshot(page, 'console-case-answered');
  await context.close();
});

test('the applicant sees every notice and the answer on the track page', opts, async () => {
  assert.ok(application.code, 'needs the application of the previous tests');
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(server.url + '/track');
  await assertAccessible(page, 'track-form');
  await page.getByLabel('查询码').fill(application.code);
  await page.getByLabel('查询密码').fill(application.secret);
  await clickAndLoad(page, page.getByRole('button', { name: '查询' }));
  await page.getByRole('heading', { level: 1, name: '申请办理情况' }).waitFor();
  assert.equal(await page.locator('#track-error').count(), 0);
  const titles = (await page.locator('.notice-letter h3').allTextContents()).map((t) => t.trim());
  for (const kind of [/受理/, /补正/, /延长|延期/, /答复/]) {
    assert.ok(titles.some((t) => kind.test(t)), `a notice matching ${kind} among ${JSON.stringify(titles)}`);
  }
  const letters = await page.locator('section[aria-labelledby="notices-heading"]').textContent();
  assert.ok(letters.includes('请说明所指的小区名称'), 'the 补正 notice lists the missing items');
  assert.ok(letters.includes(application.answer), 'the answer text is shown');
  assert.match(await page.locator('.facts').textContent(), /部分公开/);
  await assertAccessible(page, 'track-result');
  await context.close();
});

test('the 2025 annual report counts the answer in the 部分公开 row (R3.2)', opts, async () => {
  assert.ok(application.reportBefore, 'needs the report fetched before the application');
  assert.ok(application.answered, 'needs the answer of the previous tests');
  const after = await reportCells(2025);
  const before = application.reportBefore;
  const n = (cells, id) => Number(cells[id] || 0);
  // A citizen's application: column NP (自然人) and the total.
  for (const cell of ['R3.2/NP', 'R3.2/TOT', 'R1/NP', 'R1/TOT']) {
    assert.equal(n(after, cell), n(before, cell) + 1, `${cell}: ${before[cell]} → ${after[cell]}`);
  }
  // No other outcome row moved.
  for (const cell of ['R3.1/TOT', 'R3.3.1/TOT', 'R4/TOT']) {
    assert.equal(after[cell], before[cell], `${cell} unchanged`);
  }
});

test('an editor publishes a catalog item: public catalog, Atom feed and search', opts, async () => {
  const context = await newContext(browser);
  const page = await login(context, 'editor');
  await page.goto(`${server.url}/console/agencies/${agency}/catalog`);
  await clickAndLoad(page, page.getByRole('link', { name: '新建目录条目' }));
  const title = '东湖区关于开展冬季供暖设施安全检查的通知';
  await page.getByLabel('名称（标题，必填）').fill(title);
  await page.getByLabel('文号').fill('东政办发〔2025〕41号');
  await page.getByLabel('生成日期（必填）').fill('2025-11-10');
  await page.getByLabel('主题分类（必填）').fill('综合政务\\政务公开');
  await page.getByLabel('体裁').fill('通知');
  await page.getByLabel('内容概述').fill('部署全区冬季供暖设施安全检查工作。');
  await page.getByLabel('正文').fill('各街道办事处、区直各部门：\n为保障群众温暖过冬，现就开展冬季供暖设施安全检查有关事项通知如下。');
  await clickAndLoad(page, page.getByRole('button', { name: '保存为草稿' }));
  await assertNoFormErrors(page, 'item draft');
  await page.getByRole('heading', { level: 2, name: '发布' }).waitFor();
  await page.getByLabel('政府网站').check();
  await clickAndLoad(page, page.getByRole('button', { name: '发布并分配索引号' }));
  await assertNoFormErrors(page, 'publish');
  assert.match(await page.locator('.item-status').textContent(), /政府网站/);
  await screenshot(page, 'console-item-published');

  // The public catalog lists it, the item page opens.
  const pub = await context.newPage();
  await pub.goto(`${server.url}/agencies/${agency}/catalog`);
  const link = pub.getByRole('link', { name: title });
  await clickAndLoad(pub, link);
  await pub.getByRole('heading', { level: 1, name: title }).waitFor();

  // The agency's Atom feed.
  const feed = await fetch(`${server.url}/agencies/${agency}/feed.atom`);
  assert.equal(feed.status, 200);
  assert.ok((await feed.text()).includes(`<title>${title}</title>`), 'the feed has an entry with the title');

  // Search (the outbox is applied every second): poll for up to 30 s, no timing assertion.
  let found = false;
  for (let i = 0; i < 30 && !found; i++) {
    await pub.goto(`${server.url}/search?q=${encodeURIComponent('供暖设施')}`);
    found = await pub.locator('.search-results .hit h3 a').filter({ hasText: title }).count() > 0;
    if (!found) await new Promise((r) => setTimeout(r, 1000));
  }
  assert.ok(found, 'search finds the new item by a word of its title');
  await screenshot(pub, 'search-new-item');
  await context.close();
});

test('console login page is accessible', opts, async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(server.url + '/console/login');
  await assertAccessible(page, 'console-login');
  await context.close();
});

// Moves the focus with Tab (at most `limit` presses) until the element with `id` has it.
async function tabTo(page, id, limit = 80) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate(() => document.activeElement?.id) === id) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached #${id}`);
}

test('an incomplete application is refused with errors next to the fields, accessibly', opts, async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(`${server.url}/agencies/${agency}/apply`);
  await page.getByLabel('姓名（公民必填）').fill('王五');
  await clickAndLoad(page, page.getByRole('button', { name: '提交申请' }));
  await page.getByRole('heading', { level: 1, name: '在线申请政府信息公开' }).waitFor();
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  // Each error of the summary links to its field, which points back to its message.
  const links = summary.locator('a');
  assert.ok(await links.count() >= 3, 'the summary lists the missing fields');
  for (const id of ['id_number', 'phone', 'description']) {
    assert.equal(await summary.locator(`a[href="#${id}"]`).count(), 1, `the summary links to #${id}`);
    const field = page.locator(`#${id}`);
    assert.equal(await field.getAttribute('aria-invalid'), 'true', `#${id} is marked invalid`);
    assert.match(await field.getAttribute('aria-describedby'), new RegExp(`${id}-error`));
    assert.ok((await page.locator(`#${id}-error`).textContent()).trim().length > 0);
  }
  assert.equal(await page.getByLabel('姓名（公民必填）').inputValue(), '王五', 'what was typed is kept');
  await assertAccessible(page, 'apply-errors');
  await context.close();
});

test('keyboard only: the apply form can be filled and submitted', opts, async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(`${server.url}/agencies/${agency}/apply`);
  const type = async (id, text) => {
    await tabTo(page, id);
    await page.keyboard.type(text);
  };
  // 公民 is preselected; the resident ID is the preselected document type.
  await tabTo(page, 'applicant_type-0');
  assert.equal(await page.evaluate(() => document.activeElement.checked), true);
  await type('name', '李建国');
  await type('id_number', residentId('42010219700101003'));
  await type('phone', '027-88886666');
  await type('email', 'li.jianguo@example.cn');
  await type('description', '东湖区2025年度财政预算执行情况报告（键盘测试）');
  // Delivery: from the preselected first choice to the second (电子邮件) with the arrow key.
  await tabTo(page, 'delivery-0');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'delivery-1');
  assert.equal(await page.isChecked('#delivery-1'), true);
  // Submit: Tab to the button and press Enter.
  const button = page.getByRole('button', { name: '提交申请' });
  for (let i = 0; i < 80 && !(await button.evaluate((b) => b === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  assert.ok(await button.evaluate((b) => b === document.activeElement), 'Tab reaches the submit button');
  const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() });
  await page.keyboard.press('Enter');
  await navigated;
  await page.waitForLoadState('load');
  await assertNoFormErrors(page, 'keyboard apply');
  await page.getByRole('heading', { level: 1, name: '申请已提交' }).waitFor();
  assert.ok((await page.locator('#tracking-code').textContent()).trim().length > 0);
  await context.close();
});
