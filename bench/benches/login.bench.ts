// Successful `login` mutations per second at the production password-hash cost.
//
// Why this cost: argon2id with 19 MiB of memory, 2 passes, 1 lane (19456 KiB, t=2, p=1) is OWASP's
// baseline for password storage (Password Storage Cheat Sheet). The test harness lowers it to keep tests
// fast, so this bench passes the production values back in: each login verifies one such hash, and
// that verification, not the database, is what bounds logins per second on a small server. An offline
// guess at a stolen hash costs the attacker the same work, which is the point of the cost.
import { figure, log, percentile, withApi } from '../lib/harness.js';

export const figures = ['login-per-s', 'login-p50-ms', 'login-errors'];

const CONCURRENCY = 4;
const WARMUP_S = 2;
const MEASURE_S = 10;
const PRODUCTION_ARGON2 = { ARGON2_MEMORY_KIB: '19456', ARGON2_TIME_COST: '2' };

await withApi({ seed: true, env: PRODUCTION_ARGON2 }, async (api) => {
  const accounts = api.logins;
  /** CONCURRENCY workers, each logging in again as soon as its last login answered (closed loop). */
  const burst = async (seconds: number) => {
    const ms: number[] = [];
    let errors = 0;
    const start = performance.now();
    const until = start + seconds * 1000;
    const worker = async (w: number) => {
      for (let i = w; performance.now() < until; i += CONCURRENCY) {
        const a = accounts[i % accounts.length]!;
        const t = performance.now();
        try {
          await api.login(a.username, a.password);
          ms.push(performance.now() - t);
        } catch (e) {
          errors++;
          log(`login ${a.username}: ${(e as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
    return { ms: ms.sort((a, b) => a - b), errors, seconds: (performance.now() - start) / 1000 };
  };
  const one: number[] = [];
  for (const a of accounts) {
    const t = performance.now();
    await api.login(a.username, a.password);
    one.push(performance.now() - t);
  }
  log(`login: one at a time ${one.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  await burst(WARMUP_S);
  const run = await burst(MEASURE_S);
  log(
    `login: ${run.ms.length} logins in ${run.seconds.toFixed(2)} s, p99 ${percentile(run.ms, 99).toFixed(1)} ms`,
  );
  figure('login-per-s', run.ms.length / run.seconds, '/s');
  figure('login-p50-ms', percentile(run.ms, 50), 'ms');
  figure('login-errors', run.errors, 'count', 0);
  if (run.errors) process.exitCode = 1;
});
