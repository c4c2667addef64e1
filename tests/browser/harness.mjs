// The browser tests' harness: a real `gongkai serve` on a fresh SQLite database with the demo
// data (the seed agency, two generated agencies, their guides, staff accounts for each role),
// Debian's chromium driven by playwright-core, axe-core for accessibility, and screenshots kept
// as test artefacts (GONGKAI_ARTIFACTS, default build/browser-artifacts).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, readdirSync } from 'node:fs';
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

// Starts the server on a fresh demo database. Returns { url, stop }.
export async function startServer() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-browser-'));
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
  const port = await freePort();
  const config = path.join(dir, 'config.json');
  const fs = await import('node:fs');
  fs.writeFileSync(config, JSON.stringify({
    pii_key_file: path.join(dir, 'keys/pii.key'),
    attachments_dir: path.join(dir, 'files'),
    search_index_dir: path.join(dir, 'search'),
    search_apply_seconds: 1,
    rate_limit: { enabled: false },
  }));
  const child = spawn(gongkaiBin, ['--db', path.join(dir, 'gk.db'), '--today', today, 'serve',
                                   '--listen', `127.0.0.1:${port}`, '--config', config],
                      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      const r = await fetch(url + '/');
      if (r.ok) break;
    } catch { /* not up yet */ }
    if (child.exitCode !== null) throw new Error('gongkai serve exited: ' + log);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    dir,
    log: () => log,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
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

// Runs axe-core (WCAG 2.1 A/AA rules) on the page; returns the violations (id, impact, help,
// the first nodes' selectors) so a failing test says what is wrong where.
export async function axeViolations(page) {
  // Evaluated by the debugger protocol, so the pages' CSP (no inline script) does not block it.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
  });
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  }));
}

// Saves a full-page screenshot as artefacts/<name>.png.
export async function screenshot(page, name) {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
}
