// People list page (人员管理) as HR sees it: `people(limit: 50)` with org unit and post, ~2,000 people.
// Open-loop load: requests leave on a fixed 200/s schedule whatever the server does, and each latency
// runs from the *scheduled* send to the end of the response, so queueing behind a slow response counts
// (no coordinated omission). The API runs in a child process; this process only generates load.
import { type Api, figure, log, percentile, prng, withApi } from '../lib/harness.js';
import { makeSender, openLoop } from '../lib/open-loop.js';
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

const isPage = (json: { data?: Record<string, unknown> }) =>
  Array.isArray((json.data?.people as { items?: unknown[] } | undefined)?.items);

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
  const send = makeSender(api.url, token, isPage, 'people-page');
  const serial: number[] = [];
  for (const body of requestMix(200, people.total, unitIds, 1)) {
    const t = performance.now();
    if (!(await send(body))) throw new Error('people query failed');
    serial.push(performance.now() - t);
  }
  serial.sort((a, b) => a - b);
  log(
    `people-page: one at a time p50 ${percentile(serial, 50).toFixed(1)} ms, p99 ${percentile(serial, 99).toFixed(1)} ms`,
  );

  await openLoop(
    api.url,
    token,
    requestMix(RATE * WARMUP_S, people.total, unitIds, 2),
    RATE,
    isPage,
    'people-page',
  );
  const run = await openLoop(
    api.url,
    token,
    requestMix(RATE * MEASURE_S, people.total, unitIds, 3),
    RATE,
    isPage,
    'people-page',
  );
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
