// Passages arriving from bridges: `ingestDeviceEvents` over HTTP GraphQL with bridge-sized batches
// (500 events, the bridge's upload batch), into the month-partitioned access_event table with
// presence kept up to date. Several bridges (sites) upload at once, each in a closed loop as the real
// uploader does (next batch when the API has answered the last). API in a child process.
//
// Afterwards the bench checks what it measured: every event stored exactly once (row count), a
// re-sent batch counted as duplicates and stored nothing, presence moved.
import pg from 'pg';
import { type AccessSite, createAccessSite } from '../lib/access-site.js';
import { figure, log, percentile, prng, withApi } from '../lib/harness.js';
import { postJson } from '../lib/open-loop.js';

export const figures = ['ingest-events-per-s', 'ingest-batch-p99-ms', 'ingest-errors'];

const BATCH = 500; // device-bridge/src/extensions/event-upload.ts
const BRIDGES = 4;
const DEVICES_PER_BRIDGE = 4;
const WARMUP_S = 3;
const MEASURE_S = 10;
const BRIDGE_USER = 'bench-bridge';

const INGEST = `mutation($e:[DeviceEventInput!]!){ingestDeviceEvents(events:$e){accepted duplicates}}`;

interface Answer {
  data?: { ingestDeviceEvents?: { accepted: number; duplicates: number } };
  errors?: unknown;
}

/** One bridge's event stream: its devices, their sequence numbers, passages of the site's people. */
function bridgeStream(b: number, site: AccessSite, clock: { ms: number }) {
  const r = prng(100 + b);
  const seqs = new Array<number>(DEVICES_PER_BRIDGE).fill(0);
  return (): string => {
    const events = Array.from({ length: BATCH }, (_, i) => {
      const d = i % DEVICES_PER_BRIDGE;
      const person = site.people[Math.floor(r() * site.people.length)]!;
      const granted = r() < 0.9;
      const card = person.cards[0];
      return {
        deviceId: `B${b}-T${d}`,
        seq: ++seqs[d]!,
        occurredAt: new Date(clock.ms++).toISOString(),
        passagePointId: site.points[d % 2],
        direction: r() < 0.5 ? 'IN' : 'OUT',
        personId: person.id,
        credentialKind: card ? 'CARD' : 'QR',
        credentialRef: card ?? `jti-${b}-${d}-${seqs[d]}`,
        result: granted ? 'GRANTED' : 'DENIED',
        reason: granted ? null : 'NO_GRANT',
        decidedOffline: false,
        antiPassbackViolation: false,
      };
    });
    return JSON.stringify({ query: INGEST, variables: { e: events } });
  };
}

await withApi({ seed: true, bridge: BRIDGE_USER }, async (api) => {
  const security = await api.login('security', 'security123');
  const bridgeToken = await api.login(
    BRIDGE_USER,
    api.logins.find((l) => l.username === BRIDGE_USER)!.password,
  );
  const site = await createAccessSite(api, security);
  const clock = { ms: Date.now() - 3_600_000 };
  const streams = Array.from({ length: BRIDGES }, (_, b) => bridgeStream(b, site, clock));

  let errors = 0;
  let stored = 0;
  const send = async (body: string): Promise<{ accepted: number; duplicates: number } | null> => {
    const { status, json } = await postJson(api.url, bridgeToken, body);
    const answer = json as Answer;
    if (status === 200 && !answer.errors && answer.data?.ingestDeviceEvents)
      return answer.data.ingestDeviceEvents;
    if (errors++ < 5) log(`ingest: HTTP ${status} ${JSON.stringify(answer.errors)}`);
    return null;
  };

  /** Each bridge uploads back to back until `until`; returns what was sent after `from`. */
  const run = async (from: number, until: number) => {
    const batches: { start: number; end: number; accepted: number }[] = [];
    await Promise.all(
      streams.map(async (next) => {
        while (performance.now() < until) {
          const body = next();
          const start = performance.now();
          const got = await send(body);
          const end = performance.now();
          if (got && (got.accepted !== BATCH || got.duplicates !== 0)) {
            if (errors++ < 5) log(`ingest: expected ${BATCH} new events, got ${JSON.stringify(got)}`);
          }
          stored += got?.accepted ?? 0;
          if (start >= from) batches.push({ start, end, accepted: got?.accepted ?? 0 });
        }
      }),
    );
    return batches;
  };

  const t0 = performance.now();
  await run(Number.POSITIVE_INFINITY, t0 + WARMUP_S * 1000);
  const from = performance.now();
  const batches = await run(from, from + MEASURE_S * 1000);
  const seconds = (Math.max(...batches.map((b) => b.end)) - from) / 1000;
  const events = batches.reduce((n, b) => n + b.accepted, 0);
  const ms = batches.map((b) => b.end - b.start).sort((a, b) => a - b);
  log(
    `ingest: ${events} events in ${batches.length} batches of ${BATCH} from ${BRIDGES} bridges in ${seconds.toFixed(2)} s; ` +
      `batch p50 ${percentile(ms, 50).toFixed(1)} ms, max ${ms.at(-1)?.toFixed(1)} ms`,
  );

  // What was measured must also be right: one row per event, a replay stores nothing, presence moved.
  const replayed = streams[0]!();
  await send(replayed);
  const again = await send(replayed);
  const db = new pg.Client({ connectionString: api.databaseUrl });
  await db.connect();
  try {
    const [{ n }] = (await db.query('select count(*)::int as n from access_event')).rows;
    const [{ p }] = (await db.query('select count(*)::int as p from presence')).rows;
    log(`ingest: ${n} rows stored for ${stored + BATCH} events accepted; ${p} people present somewhere`);
    if (n !== stored + BATCH) errors++;
    if (again?.duplicates !== BATCH || again.accepted !== 0) {
      log(`ingest: a re-sent batch answered ${JSON.stringify(again)}`);
      errors++;
    }
    if (p === 0) errors++;
  } finally {
    await db.end();
  }

  figure('ingest-events-per-s', events / seconds, '/s', 0);
  figure('ingest-batch-p99-ms', percentile(ms, 99), 'ms');
  figure('ingest-errors', errors, 'count', 0);
  if (errors) process.exitCode = 1;
});
