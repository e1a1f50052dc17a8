// 访客预约: `bookVisit` from the mini-program (its own BookVisit document) at a fixed 50 requests/s,
// open loop: requests leave on schedule whatever the server does, and each latency runs from the
// *scheduled* send to the end of the response (no coordinated omission). Every booking is a different
// WeChat visitor (their own Person, first booking: name and GB 11643 ID number settle onto it) with a
// window of its own, naming one of the demo plant's employees as host, office by default, so each
// writes a visit, its participant, an approval request with its host step, the visitor's real name and
// three audit entries, and notifies the host after commit (nobody subscribed here).
import { figure, log, percentile, withApi } from '../lib/harness.js';
import { makeSender, openLoop } from '../lib/open-loop.js';
import {
  BOOK_VISIT,
  type BookedVisit,
  bookingInput,
  createVisitOffice,
  fakeWechat,
  type Visitor,
  wechatVisitors,
} from '../lib/visitors.js';

export const figures = [
  'book-visit-p99-ms',
  'book-visit-p50-ms',
  'book-visit-achieved-rps',
  'book-visit-errors',
];

const RATE = 50; // bookings per second
const WARMUP_S = 3;
const MEASURE_S = 10;
const SERIAL = 50; // one at a time first, for the service time without queueing

const isBooked = (json: { data?: Record<string, unknown> }) =>
  (json.data?.bookVisit as BookedVisit | undefined)?.status === 'PENDING';

const wx = await fakeWechat();
try {
  await withApi({ seed: true, env: wx.env }, async (api) => {
    const hr = await api.login('hr', 'hr123456');
    const security = await api.login('security', 'security123');
    await createVisitOffice(api, security);
    const { people } = await api.gql<{ people: { items: { id: string }[] } }>(
      '{ people(filter: { type: EMPLOYEE, status: ACTIVE }, limit: 200) { items { id } } }',
      {},
      hr,
    );
    const hosts = people.items.map((p) => p.id);
    const total = SERIAL + RATE * (WARMUP_S + MEASURE_S);
    const visitors = await wechatVisitors(api, total, 'bv');
    log(`book-visit: ${hosts.length} hosts, ${visitors.length} visitors`);

    // Visitor i books host i mod n, from 1 h + i × 40 min on for 30 min: no window overlaps another.
    const body = (v: Visitor, i: number) =>
      JSON.stringify({
        query: BOOK_VISIT,
        variables: { input: bookingInput(v, hosts[(i * 7) % hosts.length]!, 3_600_000 + i * 40 * 60_000) },
      });
    const bodies = visitors.map(body);
    const tokens = visitors.map((v) => v.token);

    const send = makeSender(api.url, '', isBooked, 'book-visit');
    const serial: number[] = [];
    for (let i = 0; i < SERIAL; i++) {
      const t = performance.now();
      if (!(await send(bodies[i]!, tokens[i]!))) throw new Error('bookVisit failed');
      serial.push(performance.now() - t);
    }
    serial.sort((a, b) => a - b);
    log(
      `book-visit: one at a time p50 ${percentile(serial, 50).toFixed(1)} ms, p99 ${percentile(serial, 99).toFixed(1)} ms`,
    );

    const warm = SERIAL + RATE * WARMUP_S;
    await openLoop(
      api.url,
      tokens.slice(SERIAL, warm),
      bodies.slice(SERIAL, warm),
      RATE,
      isBooked,
      'book-visit',
    );
    const run = await openLoop(api.url, tokens.slice(warm), bodies.slice(warm), RATE, isBooked, 'book-visit');
    const ms = run.samples.map((s) => s.ms).sort((a, b) => a - b);
    const errors = run.samples.filter((s) => !s.ok).length;
    log(
      `book-visit: ${ms.length} bookings in ${run.seconds.toFixed(2)} s, max ${ms.at(-1)?.toFixed(1)} ms, generator lag at end ${run.sendLagMs.toFixed(1)} ms`,
    );
    figure('book-visit-p99-ms', percentile(ms, 99), 'ms');
    figure('book-visit-p50-ms', percentile(ms, 50), 'ms');
    figure('book-visit-achieved-rps', ms.length / run.seconds, 'rps');
    figure('book-visit-errors', errors, 'count', 0);
    if (errors) process.exitCode = 1;
  });
} finally {
  wx.close();
}
