// The API under test, in its own process so the load generator does not share its event loop.
// Started by startApi() in harness.ts: options come in BENCH_API_OPTS, one JSON line goes out on stdout
// when the server listens, and closing stdin (or SIGTERM) stops it and drops its scratch database.
//
// 'reflect-metadata' comes first through the harness itself: environment.ts imports it before anything
// else. @park/bench cannot import it directly, it is a dependency of @park/api only.
import { BRIDGE_PASSWORD, createBridgeAccount, createTestEnvironment, DEMO_LOGINS } from '@park/api/testing';

const opts = JSON.parse(process.env.BENCH_API_OPTS ?? '{}') as {
  seed?: boolean;
  env?: Record<string, string>;
  /** Also make a bridge's DEVICE account with this username (password BRIDGE_PASSWORD). */
  bridge?: string;
};
const env = await createTestEnvironment(opts);
if (opts.bridge) await createBridgeAccount(env, opts.bridge);
const logins = [
  ...DEMO_LOGINS.map(({ username, password }) => ({ username, password })),
  ...(opts.bridge ? [{ username: opts.bridge, password: BRIDGE_PASSWORD }] : []),
];
process.stdout.write(`${JSON.stringify({ url: env.url, databaseUrl: env.databaseUrl, logins })}\n`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await env.stop();
  process.exit(0);
}
process.stdin.on('end', stop).resume();
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
