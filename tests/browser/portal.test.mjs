// The public portal in a real browser: the home, catalog and item pages have no axe-core
// violations, keyboard users reach the content by the skip link, the large-text mode changes
// the page without JavaScript, and the catalog filters work as a plain form.
//
// axe-core needs JavaScript, so pages checked without JavaScript are checked again with it
// (axe in a context with javaScriptEnabled: false never finishes).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newContext, axeViolations, screenshot, testTimeoutMs } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function openPage(path, options = {}) {
  const context = await newContext(browser, { js: options.js ?? true });
  const page = await context.newPage();
  const response = await page.goto(server.url + path);
  return { page, context, response };
}

async function assertAccessible(page, name) {
  const violations = await axeViolations(page);
  await screenshot(page, name);
  assert.deepEqual(violations, [], `${name}: axe-core violations:\n${JSON.stringify(violations, null, 2)}`);
}

test('home page lists the agencies and has no accessibility violations', { timeout: testTimeoutMs }, async () => {
  const { page, context, response } = await openPage('/');
  assert.equal(response.status(), 200);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  await page.getByRole('link', { name: /昌邑区商务局/ }).first().waitFor();
  await assertAccessible(page, 'home');
  await context.close();
});

test('catalog page filters by topic without JavaScript and is accessible', { timeout: testTimeoutMs }, async () => {
  {
    const { page, context } = await openPage('/agencies/donghu-gov-office/catalog');
    await assertAccessible(page, 'catalog');
    await context.close();
  }
  const { page, context, response } = await openPage('/agencies/donghu-gov-office/catalog', { js: false });
  assert.equal(response.status(), 200);
  const rows = page.locator('table.items tbody tr');
  assert.ok(await rows.count() > 0, 'the catalog lists items');
  const total = await page.locator('p.count').textContent();
  // Pick the first topic and submit the filter form (a plain GET form).
  const topic = page.getByLabel('主题分类');
  const options = await topic.locator('option').allTextContents();
  assert.ok(options.length > 1, 'topic filter has choices');
  await topic.selectOption({ index: 1 });
  await Promise.all([page.waitForURL(/[?&]topic=/), page.getByRole('button', { name: '筛选' }).click()]);
  // The chosen topic stays selected, every listed item has it, and the count changed to match.
  assert.equal(await topic.inputValue(), await topic.locator('option').nth(1).getAttribute('value'));
  const filtered = await page.locator('p.count').textContent();
  const n = Number(filtered.match(/\d+/)[0]);
  assert.ok(n > 0 && n <= Number(total.match(/\d+/)[0]), `filtered count ${filtered} within ${total}`);
  await page.getByRole('link', { name: '清除筛选' }).waitFor();
  await context.close();
});

test('item page shows the metadata box and is accessible', { timeout: testTimeoutMs }, async () => {
  const { page, context } = await openPage('/agencies/donghu-gov-office/catalog');
  const first = page.locator('table.items tbody tr a').first();
  const title = (await first.textContent()).trim();
  await Promise.all([page.waitForURL(/\/items\//), first.click()]);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  for (const label of ['索引号', '发布机构', '生成日期', '主题分类']) {
    assert.ok(await page.getByText(label, { exact: true }).count() > 0, `metadata box shows ${label}`);
  }
  await assertAccessible(page, 'item');
  await context.close();
});

test('keyboard: the first Tab reaches the skip link, which moves focus to the main content', { timeout: testTimeoutMs }, async () => {
  const { page, context } = await openPage('/agencies/donghu-gov-office/catalog');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
  assert.equal(focused, '跳到主要内容');
  await page.keyboard.press('Enter');
  const id = await page.evaluate(() => document.activeElement?.id || location.hash);
  assert.match(id, /main/);
  await context.close();
});

test('large-text mode works without JavaScript and keeps the page accessible', { timeout: testTimeoutMs }, async () => {
  const { page, context } = await openPage('/', { js: false });
  await Promise.all([page.waitForURL(server.url + '/'),
                     page.getByRole('link', { name: '大字号（适老化）' }).first().click()]);
  assert.equal(await page.getAttribute('html', 'class'), 'large-text');
  const size = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  assert.ok(parseFloat(size) >= 20, `large text font size ${size}`);
  // The mode is a cookie: the same page with JavaScript (for axe-core) in the same context.
  const cookies = await context.cookies();
  assert.ok(cookies.some((c) => c.name === 'gk_text' && c.value === 'large'), 'the text-size cookie is set');
  const js = await newContext(browser);
  await js.addCookies(cookies);
  const jsPage = await js.newPage();
  await jsPage.goto(server.url + '/');
  assert.equal(await jsPage.getAttribute('html', 'class'), 'large-text');
  await assertAccessible(jsPage, 'home-large-text');
  await js.close();
  await context.close();
});
