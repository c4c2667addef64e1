// The browser tests' harness: a real `gongkai serve` on a fresh SQLite database with the demo
// data (the seed agency, two generated agencies, their guides, staff accounts for each role),
// Debian's chromium driven by playwright-core, axe-core for accessibility, and screenshots kept
// as test artefacts (GONGKAI_ARTIFACTS, default build/browser-artifacts).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
export const sourceDir = path.resolve(here, '..', '..');
export const gongkaiBin = path.resolve(process.env.GONGKAI_BIN || path.join(sourceDir, 'build', 'gongkai'));
export const artifactsDir =
  process.env.GONGKAI_ARTIFACTS || path.join(sourceDir, 'build', 'browser-artifacts');
export const password = 'browser-test-2026';
// A fixed "today" inside the demo data's years and the holiday calendar.
export const today = '2025-11-14';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function gk(dir, args, input) {
  return execFileSync(gongkaiBin, ['--db', path.join(dir, 'gk.db'), ...args], {
    cwd: dir,
    input,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

// Per-action and per-navigation timeouts of every browser context: a missing element or a page
// that never loads fails the test in seconds instead of hanging it (the machine may be slow,
// so they are generous, but finite).
export const actionTimeoutMs = 15000;
export const navigationTimeoutMs = 30000;
// node:test's timeout for one test (a whole workflow step with several page loads).
export const testTimeoutMs = 180000;

async function waitUntilUp(url, child, log) {
  for (let i = 0; i < 300; i++) {
    try {
      const r = await fetch(url + '/', { signal: AbortSignal.timeout(2000) });
      if (r.ok) return;
    } catch { /* not up yet */ }
    if (child.exitCode !== null) throw new Error('gongkai serve exited: ' + log());
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('gongkai serve did not answer within 30 s: ' + log());
}

// Servers and directories still to clean up if the test process ends without stop() (a failed
// before hook, an uncaught error, SIGINT/SIGTERM from a timeout): no orphaned `gongkai serve`.
const running = new Set();
const tempDirs = new Set();
function cleanUp() {
  for (const child of running) child.kill('SIGKILL');
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    cleanUp();
    process.kill(process.pid, signal);
  });
}

// Starts `gongkai serve` on the database of `dir` with `--today <today>` and the config
// `settings` (written next to the database). Returns { url, log, stop }.
async function serve(dir, today, settings, name) {
  const port = await freePort();
  const config = path.join(dir, `${name}.json`);
  writeFileSync(config, JSON.stringify(settings));
  const child = spawn(gongkaiBin, ['--db', path.join(dir, 'gk.db'), '--today', today, 'serve',
                                   '--listen', `127.0.0.1:${port}`, '--config', config],
                      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(url, child, () => log);
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
  return {
    url,
    log: () => log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
      await exited;
      clearTimeout(timer);
    },
  };
}

// Starts the server on a fresh demo database. Returns { url, dir, log, stop, startTwin }:
// startTwin({ today, settings }) starts a second server on the same database (another
// --today, e.g. the next year when the annual report of this year is published); stop() stops
// both and removes the directory.
export async function startServer() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-browser-'));
  tempDirs.add(dir);
  gk(dir, ['load', path.join(sourceDir, 'tests/fixtures/changyi-2018.json')]);
  gk(dir, ['demo', 'generate', '--agencies', '2', '--applications', '60', '--years', '2024-2025']);
  const guides = path.join(sourceDir, 'data/demo/guides');
  for (const f of readdirSync(guides)) {
    gk(dir, ['guide', 'publish', '--agency', f.replace(/\.json$/, ''), path.join(guides, f)]);
  }
  const all = 'changyi-commerce,donghu-gov-office,donghu-natural-resources';
  const users = [
    ['admin', '管理员甲', 'admin', all],
    ['handler', '经办人乙', 'handler', 'donghu-gov-office'],
    ['reviewer', '审核人丙', 'reviewer', 'donghu-gov-office'],
    ['editor', '编辑丁', 'editor', 'donghu-gov-office'],
  ];
  for (const [login, name, role, agencies] of users) {
    gk(dir, ['user', 'add', '--login', login, '--name', name, '--role', role,
             '--agencies', agencies, '--password-stdin'], password + '\n');
  }
  const settings = {
    pii_key_file: path.join(dir, 'keys/pii.key'),
    attachments_dir: path.join(dir, 'files'),
    search_index_dir: path.join(dir, 'search'),
    search_apply_seconds: 1,
    rate_limit: { enabled: false },
  };
  const main = await serve(dir, today, settings, 'config');
  const twins = [];
  return {
    url: main.url,
    dir,
    log: main.log,
    async startTwin({ today: twinToday, settings: extra = {} }) {
      const twin = await serve(dir, twinToday,
                               { ...settings, search_index_dir: path.join(dir, `search-${twins.length}`), ...extra },
                               `config-twin-${twins.length}`);
      twins.push(twin);
      return twin;
    },
    async stop() {
      for (const t of twins) await t.stop();
      await main.stop();
      rmSync(dir, { recursive: true, force: true });
      tempDirs.delete(dir);
    },
  };
}

// A new browser context (zh-CN, JavaScript on unless js: false) with the harness timeouts.
export async function newContext(browser, { js = true } = {}) {
  const context = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: js });
  context.setDefaultTimeout(actionTimeoutMs);
  context.setDefaultNavigationTimeout(navigationTimeoutMs);
  return context;
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--lang=zh-CN'],
  });
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// Runs axe-core (WCAG 2.0/2.1 A and AA rules and the best practices) on the page; returns the
// violations (id, impact, help, the first nodes' selectors) so a failing test says what is
// wrong where. The page must have JavaScript enabled: axe-core's run is asynchronous and its
// timers never fire in a context with javaScriptEnabled: false (it would hang) — this throws
// instead after a while.
export async function axeViolations(page) {
  // Evaluated by the debugger protocol, so the pages' CSP (no inline script) does not block it.
  await page.evaluate(axeSource);
  const run = page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(
      'axe-core did not finish within 60 s (is JavaScript disabled in this browser context?)')), 60000);
  });
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// Saves a full-page screenshot as artefacts/<name>.png.
export async function screenshot(page, name) {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
}
