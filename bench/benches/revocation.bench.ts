// A card reported lost → the site bridge's gate cache no longer lets it through. Each round reports
// one card lost over GraphQL and times until the bridge (in this process, logged in as its own
// account, on the API's deviceSync stream) has swapped in a cache at or past that change. Rounds
// are spaced out so each one is a single change travelling alone, as a guard's report would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBridge } from '@park/device-bridge';
import pg from 'pg';
import { figure, log, percentile, sleep, withApi } from '../lib/harness.js';

export const figures = ['revocation-to-bridge-p99-ms', 'revocation-to-bridge-p50-ms'];

const ROUNDS = 100;
const BRIDGE = 'bench-bridge';

await withApi({ seed: true, bridge: BRIDGE }, async (api) => {
  const hr = await api.login('hr', 'hr123456');
  const db = new pg.Client({ connectionString: api.databaseUrl });
  await db.connect();
  const cards = (
    await db.query<{ id: string; number: string }>(
      `select id, number from card where status = 'ACTIVE' order by number limit ${ROUNDS}`,
    )
  ).rows;
  const password = api.logins.find((l) => l.username === BRIDGE)!.password;
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-revocation-'));
  const bridge = await startBridge(
    {
      siteId: 'bench',
      mqtt: { url: undefined, port: 0, host: '127.0.0.1', protocolVersion: 4 },
      apiUrl: api.url,
      bridgeToken: undefined,
      bridgeUsername: BRIDGE,
      bridgePassword: password,
      heartbeatIntervalMs: 60_000,
      logLevel: 'warn',
      healthIntervalMs: 60_000,
      dataDir,
      devices: [],
      gate: {
        unlockPulseMs: 3_000,
        commandAckTimeoutMs: 5_000,
        cacheFile: undefined,
        cacheRefreshMs: 60_000,
        uploadIntervalMs: 60_000,
      },
    },
    {},
  );
  const waiters: { number: string; resolve: () => void }[] = [];
  let current = '';
  bridge.events.on('gate.cache', ({ cursor }) => {
    current = cursor;
    for (const w of waiters.splice(0)) w.resolve();
  });
  try {
    while (current === '') await sleep(20);
    log(`revocation: bridge synced at cursor ${current}, ${cards.length} cards to report lost`);
    const ms: number[] = [];
    for (const card of cards) {
      const started = performance.now();
      const arrived = new Promise<void>((resolve) => waiters.push({ number: card.number, resolve }));
      await api.gql(`mutation($c:ID!){reportCardLost(cardId:$c){id}}`, { c: card.id }, hr);
      const { rows } = await db.query<{ seq: string }>('select max(seq) as seq from audit_entry');
      const target = BigInt(rows[0]!.seq);
      await arrived;
      while (BigInt(current) < target)
        await new Promise<void>((resolve) => waiters.push({ number: card.number, resolve }));
      ms.push(performance.now() - started);
      await sleep(20);
    }
    ms.sort((a, b) => a - b);
    log(`revocation: max ${ms.at(-1)?.toFixed(1)} ms over ${ms.length} reports`);
    figure('revocation-to-bridge-p99-ms', percentile(ms, 99), 'ms');
    figure('revocation-to-bridge-p50-ms', percentile(ms, 50), 'ms');
  } finally {
    await bridge.stop();
    await db.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
