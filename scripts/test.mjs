// `pnpm test`: everything CI checks, in order — lint/format, the contract (schema and generated
// clients match the code), type checks, then every package's tests. Ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);
const out = mkdtempSync(join(tmpdir(), 'park-test-'));
let passed = 0;
let failed = 0;
const failures = [];

function step(name, cmd, args, cwd = '.') {
  if (only.length && !only.some((o) => name.includes(o))) return true;
  console.log(`\n━━ ${name}`);
  const r = spawnSync(cmd, args, { cwd: join(root, cwd), stdio: 'inherit', env: process.env });
  if (r.error) console.error(`cannot run ${cmd}: ${r.error.message}`);
  if (r.status !== 0) failures.push(name);
  return r.status === 0;
}

function vitest(pkg) {
  const report = join(out, `${pkg}.json`);
  const ok = step(
    `test ${pkg}`,
    'pnpm',
    ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    pkg,
  );
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
  } else if (!ok) failed += 1;
}

step('lint (biome)', 'pnpm', ['exec', 'biome', 'check', '.']);
step('contract: schema/schema.graphql matches the code', 'pnpm', [
  '--filter',
  '@park/api',
  'exec',
  'tsx',
  'src/scripts/emit-schema.ts',
  '--check',
]);
if (step('contract: regenerate typed operations', 'pnpm', ['codegen'])) {
  step('contract: generated clients are committed', 'git', [
    'diff',
    '--exit-code',
    '--',
    'pwa/src/gql',
    'miniprogram/miniprogram/gql',
    'tests/gql',
  ]);
}
for (const pkg of ['core', 'schema', 'api', 'device-bridge', 'pwa', 'miniprogram', 'tests', 'bench'])
  step(`typecheck ${pkg}`, 'pnpm', ['run', 'typecheck'], pkg);
step('build pwa', 'pnpm', ['run', 'build'], 'pwa');
for (const pkg of ['core', 'api', 'device-bridge', 'pwa', 'miniprogram', 'tests']) vitest(pkg);

console.log(`\n━━ summary${failures.length ? `: failed steps — ${failures.join('; ')}` : ''}`);
console.log(`${passed} passed, ${failed} failed`);
// A runner that exits 0 with failed tests must not pass either.
process.exit(failures.length || failed ? 1 : 0);
