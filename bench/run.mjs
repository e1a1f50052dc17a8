// `pnpm bench [name…]`: runs bench/benches/<name>.bench.ts, all of them or those named (by bench or by
// figure), each in its own `node --import tsx` process. Stdout gets exactly one `name: value unit` line
// per figure; everything else goes to stderr. Exits non-zero when a bench fails.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIR = join(ROOT, 'bench', 'benches');
const FIGURE = /^([a-z0-9][a-z0-9-]*): (\S+) (\S+)$/;
const TIMEOUT_S = Number(process.env.BENCH_TIMEOUT_S ?? 900);
const log = (m) => process.stderr.write(`${m}\n`);

// A bench declares its figures as `export const figures = ['a', 'b'];` so they can be picked by name.
const benches = readdirSync(DIR)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()
  .map((f) => {
    const list =
      /export const figures\s*=\s*\[([^\]]*)\]/.exec(readFileSync(join(DIR, f), 'utf8'))?.[1] ?? '';
    return {
      name: f.slice(0, -'.bench.ts'.length),
      file: join(DIR, f),
      figures: [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]),
    };
  });

/** bench name → the figures to print (null: all of them). */
const selected = new Map();
for (const arg of process.argv.slice(2).filter((a) => a !== '--')) {
  const bench = benches.find((b) => b.name === arg || b.name === arg.replace(/\.bench\.ts$/, ''));
  const owner = benches.find((b) => b.figures.includes(arg));
  if (bench) selected.set(bench.name, null);
  else if (owner && selected.get(owner.name) !== null)
    selected.set(owner.name, [...(selected.get(owner.name) ?? []), arg]);
  else if (!owner) {
    log(
      `unknown bench or figure "${arg}"; benches: ${benches.map((b) => `${b.name} (${b.figures.join(', ')})`).join('; ')}`,
    );
    process.exit(2);
  }
}
const plan = benches.filter((b) => selected.size === 0 || selected.has(b.name));

process.chdir(ROOT); // tsx reads the root tsconfig (experimental decorators) from the working directory
let database = { url: process.env.DATABASE_URL, stop: async () => {} };
if (!database.url) {
  process.env.EMBEDDED_PG_DIR ??= join(ROOT, 'bench', '.data', 'postgres');
  process.env.EMBEDDED_PG_PORT ??= '54339';
  log(`bench: no DATABASE_URL, starting embedded PostgreSQL in ${process.env.EMBEDDED_PG_DIR}`);
  const { tsImport } = await import('tsx/esm/api');
  const { serverUrl } = await tsImport('@park/api/testing', import.meta.url);
  database = await serverUrl();
}
const stopDatabase = async () => {
  await database.stop().catch((e) => log(`bench: stopping PostgreSQL: ${e}`));
};
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => void stopDatabase().then(() => process.exit(130)));

const failed = [];
for (const bench of plan) {
  const wanted = selected.get(bench.name) ?? null;
  log(`bench: ${bench.name}`);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', bench.file], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, DATABASE_URL: database.url },
  });
  const timer = setTimeout(() => {
    log(`bench: ${bench.name} still running after ${TIMEOUT_S} s, killing it`);
    child.kill('SIGKILL');
  }, TIMEOUT_S * 1000);
  const printed = new Set();
  createInterface({ input: child.stdout }).on('line', (line) => {
    const m = FIGURE.exec(line);
    if (!m) return log(line);
    printed.add(m[1]);
    if (!wanted || wanted.includes(m[1])) process.stdout.write(`${line}\n`);
  });
  const [code, signal] = await once(child, 'close');
  clearTimeout(timer);
  const missing = bench.figures.filter((f) => !printed.has(f));
  log(
    `bench: ${bench.name} ${code === 0 ? 'done' : `FAILED (${signal ?? `exit ${code}`})`} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  if (code !== 0) failed.push(bench.name);
  else if (missing.length) {
    log(`bench: ${bench.name} did not print ${missing.join(', ')}`);
    failed.push(bench.name);
  }
}
await stopDatabase();
if (failed.length) log(`bench: failed: ${failed.join(', ')}`);
process.exit(failed.length ? 1 : 0);
