// People list page (人员管理) as HR sees it: `people(limit: 50)` with org unit and post, ~2,000 people.
// Open-loop load: requests leave on a fixed 200/s schedule whatever the server does, and each latency
// runs from the *scheduled* send to the end of the response, so queueing behind a slow response counts
// (no coordinated omission). The API runs in a child process; this process only generates load.
import { type Api, figure, log, percentile, prng, sleep, withApi } from '../lib/harness.js';
import { IMPORT, type ImportResult, personRows, placements, xlsxBase64 } from '../lib/people.js';

export const figures = [
  'people-page-p99-ms',
  'people-page-p50-ms',
  'people-page-achieved-rps',
  'people-page-errors',
];

const RATE = 200; // requests per second
const WARMUP_S = 3;
const MEASURE_S = 10;
const EXTRA_PEOPLE = 1_700; // on top of the demo plant's 300

const PEOPLE = `query($filter: PeopleFilter, $offset: Int!, $limit: Int!) {
  people(filter: $filter, offset: $offset, limit: $limit) {
    total items { id name type status orgUnit { id name } post { id name } }
  }
}`;

type Vars = { filter?: { search?: string; orgUnitId?: string }; offset: number; limit: number };

/** A mix of what the page asks: paging through everyone, surname search, a department, one exact hit. */
function requestMix(n: number, total: number, unitIds: string[], seed: number): string[] {
  const r = prng(seed);
  const int = (max: number) => Math.floor(r() * max);
  const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡'];
  return Array.from({ length: n }, () => {
    const x = r();
    let v: Vars;
    if (x < 0.6) v = { offset: int(Math.max(1, total - 50)), limit: 50 };
    else if (x < 0.85)
      v = { filter: { search: surnames[int(surnames.length)] }, offset: 50 * int(3), limit: 50 };
    else if (x < 0.95)
      v = { filter: { orgUnitId: unitIds[int(unitIds.length)] }, offset: 50 * int(2), limit: 50 };
    else v = { filter: { search: `BK${String(int(EXTRA_PEOPLE)).padStart(8, '0')}` }, offset: 0, limit: 50 };
    return JSON.stringify({ query: PEOPLE, variables: v });
  });
}

interface Sample {
  ms: number;
  ok: boolean;
}

let errorsLogged = 0;
async function send(url: string, token: string, body: string): Promise<boolean> {
  let why: string;
  try {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    const json = (await res.json()) as { data?: { people?: { items?: unknown[] } }; errors?: unknown };
    if (res.status === 200 && !json.errors && Array.isArray(json.data?.people?.items)) return true;
    why = `HTTP ${res.status} ${JSON.stringify(json.errors)}`;
  } catch (e) {
    why = `${(e as Error).message} ${(e as Error).cause ?? ''}`;
  }
  if (errorsLogged++ < 5) log(`people-page: request failed: ${why}`);
  return false;
}

/** Sends bodies[i] at start + i/rate, never waiting for responses; latency from the scheduled time. */
async function openLoop(url: string, token: string, bodies: string[], rate: number) {
  const samples: Sample[] = [];
  const pending: Promise<void>[] = [];
  const start = performance.now() + 20;
  let lastEnd = start;
  for (let i = 0; i < bodies.length; i++) {
    const at = start + (i * 1000) / rate;
    const wait = at - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(
      send(url, token, bodies[i]!).then((ok) => {
        lastEnd = performance.now();
        samples.push({ ms: lastEnd - at, ok });
      }),
    );
  }
  const lastScheduled = start + ((bodies.length - 1) * 1000) / rate;
  const sendLagMs = performance.now() - lastScheduled; // how far behind schedule the generator itself fell
  await Promise.all(pending);
  return { samples, seconds: (lastEnd - start) / 1000, sendLagMs };
}

async function seedPeople(api: Api, token: string): Promise<void> {
  const rows = personRows(EXTRA_PEOPLE, await placements(api, token), 7);
  const input = { filename: 'people.xlsx', contentBase64: await xlsxBase64(rows), dryRun: false };
  const { importPeople: r } = await api.gql<{ importPeople: ImportResult }>(IMPORT, { input }, token);
  if (!r.ok || r.created !== EXTRA_PEOPLE)
    throw new Error(`import failed: ${JSON.stringify(r.errors.slice(0, 5))}`);
}

await withApi({ seed: true }, async (api) => {
  const hr = api.logins.find((l) => l.username === 'hr')!;
  const token = await api.login(hr.username, hr.password);
  await seedPeople(api, token);
  const { people, orgUnits } = await api.gql<{
    people: { total: number };
    orgUnits: { id: string; kind: string }[];
  }>('{ people(limit: 1) { total } orgUnits { id kind } }', {}, token);
  const unitIds = orgUnits.filter((u) => u.kind !== 'COMPANY').map((u) => u.id);
  log(`people-page: ${people.total} people, ${unitIds.length} org units`);

  // Service time without queueing, for reading the open-loop numbers against.
  const serial: number[] = [];
  for (const body of requestMix(200, people.total, unitIds, 1)) {
    const t = performance.now();
    if (!(await send(api.url, token, body))) throw new Error('people query failed');
    serial.push(performance.now() - t);
  }
  serial.sort((a, b) => a - b);
  log(
    `people-page: one at a time p50 ${percentile(serial, 50).toFixed(1)} ms, p99 ${percentile(serial, 99).toFixed(1)} ms`,
  );

  await openLoop(api.url, token, requestMix(RATE * WARMUP_S, people.total, unitIds, 2), RATE);
  const run = await openLoop(api.url, token, requestMix(RATE * MEASURE_S, people.total, unitIds, 3), RATE);
  const ms = run.samples.map((s) => s.ms).sort((a, b) => a - b);
  const errors = run.samples.filter((s) => !s.ok).length;
  log(
    `people-page: ${ms.length} requests in ${run.seconds.toFixed(2)} s, max ${ms.at(-1)?.toFixed(1)} ms, generator lag at end ${run.sendLagMs.toFixed(1)} ms`,
  );
  figure('people-page-p99-ms', percentile(ms, 99), 'ms');
  figure('people-page-p50-ms', percentile(ms, 50), 'ms');
  figure('people-page-achieved-rps', ms.length / run.seconds, 'rps');
  figure('people-page-errors', errors, 'count', 0);
  if (errors) process.exitCode = 1;
});
