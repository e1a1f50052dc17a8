// The API under test, in its own process so the load generator does not share its event loop.
// Started by startApi() in harness.ts: options come in BENCH_API_OPTS, one JSON line goes out on stdout
// when the server listens, and closing stdin (or SIGTERM) stops it and drops its scratch database.
//
// 'reflect-metadata' comes first through the harness itself: environment.ts imports it before anything
// else. @park/bench cannot import it directly, it is a dependency of @park/api only.
import { writeFileSync } from 'node:fs';
import { BRIDGE_PASSWORD, createBridgeAccount, createTestEnvironment, DEMO_LOGINS } from '@park/api/testing';

const opts = JSON.parse(process.env.BENCH_API_OPTS ?? '{}') as {
  seed?: boolean;
  env?: Record<string, string>;
  /** Also make a bridge's DEVICE account with this username (password BRIDGE_PASSWORD). */
  bridge?: string;
  /**
   * A file to write, when the server stops, one `requestId epochMs` line per approval step opened: the
   * moment its transaction's commit came back and its events were handed to the bus, i.e. when the
   * notice to the step's approvers starts on its way. Clock: performance.timeOrigin + now(), comparable
   * across processes on one machine.
   */
  commitStamps?: string;
};
const env = await createTestEnvironment(opts);
if (opts.bridge) await createBridgeAccount(env, opts.bridge);
const stamps: string[] = [];
if (opts.commitStamps) {
  const bus = env.api.services.bus;
  const publish = bus.publish.bind(bus);
  bus.publish = (event) => {
    if (event.type === 'ApprovalStepOpened')
      stamps.push(
        `${(event as unknown as { payload: { requestId: string } }).payload.requestId} ${performance.timeOrigin + performance.now()}`,
      );
    publish(event);
  };
}
const logins = [
  ...DEMO_LOGINS.map(({ username, password }) => ({ username, password })),
  ...(opts.bridge ? [{ username: opts.bridge, password: BRIDGE_PASSWORD }] : []),
];
process.stdout.write(`${JSON.stringify({ url: env.url, databaseUrl: env.databaseUrl, logins })}\n`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (opts.commitStamps) writeFileSync(opts.commitStamps, stamps.map((l) => `${l}\n`).join(''));
  await env.stop();
  process.exit(0);
}
process.stdin.on('end', stop).resume();
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
