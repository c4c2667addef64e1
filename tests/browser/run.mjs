// Runs the browser tests (every tests/browser/*.test.mjs) with node's test runner; ctest's
// `browser` entry calls this. Fails at once, saying what to do, if the dependencies are not
// installed (`npm ci` in tests/browser; scripts/test.sh does it) or Node.js is too old.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const major = Number(process.versions.node.split('.')[0]);
if (major < 18) {
  console.error(`浏览器测试需要 Node.js 18 或更高版本，当前为 ${process.version}。`);
  process.exit(1);
}
for (const dep of ['playwright-core', 'axe-core']) {
  if (!existsSync(path.join(here, 'node_modules', dep, 'package.json'))) {
    console.error(`浏览器测试的依赖 ${dep} 未安装（缺少 ${path.join(here, 'node_modules', dep)}）：` +
                  `请先在 tests/browser 目录运行 npm ci --no-audit --no-fund（scripts/test.sh 会自动运行）。`);
    process.exit(1);
  }
}
const files = readdirSync(here).filter((f) => f.endsWith('.test.mjs')).sort()
  .map((f) => path.join(here, f));
// Listed explicitly (not a directory): node 18 and 20 search directories, node ≥ 21 takes globs.
const r = spawnSync(process.execPath, ['--test', ...process.argv.slice(2), ...files], { stdio: 'inherit' });
if (r.error) {
  console.error(`无法运行 node --test：${r.error.message}`);
  process.exit(1);
}
process.exit(r.status ?? 1);
