// 被访人实时收到审批待办: 1,000 employees, each on their own graphql-ws connection (as the PWA holds it)
// subscribed to `approvalRequested`; WeChat visitors book office visits (`bookVisit`) naming hosts among
// them, on a fixed schedule (open loop, RATE bookings/s), and each notice is timed from the commit of
// its booking to its arrival at the host's client.
//
// "Committed" is measured in the API process: api-server.ts (commitStamps) stamps the moment the
// booking's transaction returned from COMMIT and its events were handed to the in-process bus, i.e.
// when the notice starts on its way; the bench stamps the arrival on the host's socket. Both clocks are
// performance.timeOrigin + performance.now() on one machine. From the client's side, the same notices
// are also timed from the mutation's send and from its response (logged, not figures): a notice can
// arrive before the mutation's own response does.
//
// Every notice is checked against the booking it belongs to: one that reaches anyone but that visit's
// host is counted in approval-push-wrong-subscriber; a host who never gets theirs, in approval-push-missed.
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { figure, log, percentile, sleep, startApi } from '../lib/harness.js';
import { postJson } from '../lib/open-loop.js';
import { IMPORT, type ImportResult, personRows, placements, xlsxBase64 } from '../lib/people.js';
import {
  type BookedVisit,
  bookingInput,
  createVisitOffice,
  fakeWechat,
  wechatVisitors,
} from '../lib/visitors.js';

export const figures = [
  'approval-push-p99-ms',
  'approval-push-p50-ms',
  'approval-push-wrong-subscriber',
  'approval-push-missed',
];

const APPROVERS = 1_000;
const RATE = 20; // bookings per second: a busy morning at the visitor centre
const WARMUP = 40;
const MEASURED = 400;
const PASSWORD = 'Bench2026approve';

const epoch = () => performance.timeOrigin + performance.now();

/** Small, as the PWA's inbox line needs it; `reminder` tells a nudge from a new step. */
const SUBSCRIBE = 'subscription { approvalRequested { requestId kind stepSeq stepName reminder } }';
/** The booking's answer the bench needs: whose approval it is. */
const BOOK = `mutation($input: BookVisitInput!) { bookVisit(input: $input) { id status approvalId host { id } } }`;

interface Approver {
  personId: string;
  token: string;
}

interface Notice {
  approver: number;
  requestId: string;
  reminder: boolean;
  at: number;
}

/** Runs `work(i)` for i < count, `concurrency` at a time. */
async function pool(count: number, concurrency: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) await work(i);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

const wx = await fakeWechat();
const stampFile = join(tmpdir(), `park-bench-approval-push-${process.pid}.txt`);
const api = await startApi({ seed: true, env: wx.env, commitStamps: stampFile });
const clients: Client[] = [];
const notices: Notice[] = [];
const bookings: {
  i: number;
  host: number;
  sentAt: number;
  answeredAt: number;
  approvalId: string | null;
  ok: boolean;
}[] = [];
let approvers: Approver[] = [];
try {
  const hr = await api.login('hr', 'hr123456');
  const security = await api.login('security', 'security123');
  await createVisitOffice(api, security);

  // 1,000 employees through HR's archive import, each then logging in (工号 + last six of the ID
  // number) and setting their own password, as a new employee does before using the PWA.
  let t = performance.now();
  const rows = personRows(APPROVERS, await placements(api, hr), 11);
  const input = { filename: '被访人.xlsx', contentBase64: await xlsxBase64(rows), dryRun: false };
  const { importPeople } = await api.gql<{ importPeople: ImportResult }>(IMPORT, { input }, hr);
  if (!importPeople.ok || importPeople.created !== APPROVERS)
    throw new Error(`import failed: ${JSON.stringify(importPeople.errors.slice(0, 5))}`);
  approvers = new Array(APPROVERS);
  await pool(APPROVERS, 8, async (i) => {
    const row = rows[i]!;
    const { login } = await api.gql<{ login: { accessToken: string; me: { person: { id: string } } } }>(
      'mutation($u:String!,$p:String!){login(username:$u,password:$p){accessToken me{person{id}}}}',
      { u: row[4], p: row[2]!.slice(-6) },
    );
    await api.gql(
      'mutation($c:String!,$n:String!){changePassword(currentPassword:$c,newPassword:$n)}',
      { c: row[2]!.slice(-6), n: PASSWORD },
      login.accessToken,
    );
    approvers[i] = { personId: login.me.person.id, token: login.accessToken };
  });
  log(
    `approval-push: ${APPROVERS} employees imported and logged in in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  // One connection per approver, subscribed. graphql-ws does not acknowledge a subscription, so after
  // every socket is up the bench waits a moment and lets the warm-up bookings prove delivery.
  t = performance.now();
  const wsUrl = `${api.url.replace(/^http/, 'ws')}/graphql`;
  await pool(APPROVERS, 50, async (i) => {
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${approvers[i]!.token}` },
      retryAttempts: 0,
      lazy: false,
    });
    clients[i] = client;
    const connected = new Promise<void>((resolve, reject) => {
      client.on('connected', () => resolve());
      client.on('error', reject);
      client.on('closed', (e) => reject(new Error(`approver ${i}: socket closed ${JSON.stringify(e)}`)));
    });
    client.subscribe<{ approvalRequested: { requestId: string; reminder: boolean } }>(
      { query: SUBSCRIBE },
      {
        next: (r) => {
          const n = r.data?.approvalRequested;
          if (n) notices.push({ approver: i, requestId: n.requestId, reminder: n.reminder, at: epoch() });
          else log(`approval-push: approver ${i} got ${JSON.stringify(r.errors)}`);
        },
        error: (e) => log(`approval-push: approver ${i} subscription failed: ${JSON.stringify(e)}`),
        complete: () => {},
      },
    );
    await connected;
  });
  await sleep(1_000);
  log(
    `approval-push: ${APPROVERS} approvers connected and subscribed in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  const visitors = await wechatVisitors(api, WARMUP + MEASURED, 'ap');
  // Visitor i → approver (i × 389) mod 1,000: 1,000 consecutive bookings name 1,000 different hosts.
  const hostOf = (i: number) => (i * 389) % APPROVERS;
  const bodies = visitors.map((v, i) =>
    JSON.stringify({
      query: BOOK,
      variables: { input: bookingInput(v, approvers[hostOf(i)]!.personId, 3_600_000 + i * 40 * 60_000) },
    }),
  );

  const start = performance.now() + 20;
  const pending: Promise<void>[] = [];
  for (let i = 0; i < bodies.length; i++) {
    const wait = start + (i * 1000) / RATE - performance.now();
    if (wait > 0) await sleep(wait);
    const sentAt = epoch();
    pending.push(
      postJson(api.url, visitors[i]!.token, bodies[i]!).then(
        ({ status, json }) => {
          const v = json.data?.bookVisit as BookedVisit | undefined;
          const ok = status === 200 && !json.errors && v?.status === 'PENDING' && !!v.approvalId;
          if (!ok) log(`approval-push: booking ${i} failed: HTTP ${status} ${JSON.stringify(json.errors)}`);
          bookings.push({
            i,
            host: hostOf(i),
            sentAt,
            answeredAt: epoch(),
            approvalId: v?.approvalId ?? null,
            ok,
          });
        },
        (e: Error) => {
          log(`approval-push: booking ${i} failed: ${e.message}`);
          bookings.push({ i, host: hostOf(i), sentAt, answeredAt: epoch(), approvalId: null, ok: false });
        },
      ),
    );
  }
  await Promise.all(pending);
  // Let stragglers arrive: a notice is late, not lost, until then.
  const expected = bookings.filter((b) => b.ok).length;
  for (let waited = 0; waited < 5_000 && notices.filter((n) => !n.reminder).length < expected; waited += 50)
    await sleep(50);
} finally {
  await Promise.all(clients.filter(Boolean).map((c) => c.dispose()));
  await api.stop();
  wx.close();
}

const committed = new Map(
  readFileSync(stampFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [id, at] = line.split(' ');
      return [id!, Number(at)] as const;
    }),
);
rmSync(stampFile, { force: true });

const byRequest = new Map(bookings.filter((b) => b.approvalId).map((b) => [b.approvalId!, b]));
const fresh = notices.filter((n) => !n.reminder);
if (fresh.length < notices.length) log(`approval-push: ${notices.length - fresh.length} reminders ignored`);
const wrong = fresh.filter((n) => byRequest.get(n.requestId)?.host !== n.approver);
for (const n of wrong.slice(0, 5))
  log(
    `approval-push: approver ${n.approver} got request ${n.requestId} meant for ${byRequest.get(n.requestId)?.host}`,
  );

const fromCommit: number[] = [];
const fromSend: number[] = [];
const fromAnswer: number[] = [];
let missed = 0;
const failed = bookings.filter((b) => !b.ok).length;
for (const b of bookings) {
  if (b.i < WARMUP || !b.ok) continue;
  const n = fresh.find((x) => x.requestId === b.approvalId && x.approver === b.host);
  const at = committed.get(b.approvalId!);
  if (!n || at === undefined) {
    missed++;
    continue;
  }
  fromCommit.push(n.at - at);
  fromSend.push(n.at - b.sentAt);
  fromAnswer.push(n.at - b.answeredAt);
}
for (const xs of [fromCommit, fromSend, fromAnswer]) xs.sort((a, b) => a - b);
const summary = (xs: number[]) =>
  `p50 ${percentile(xs, 50).toFixed(1)} ms, p99 ${percentile(xs, 99).toFixed(1)} ms, max ${xs.at(-1)?.toFixed(1)} ms`;
log(
  `approval-push: ${fromCommit.length} notices timed, ${fresh.length} received in all, ${failed} bookings failed`,
);
log(`approval-push: commit → notice ${summary(fromCommit)}`);
log(`approval-push: bookVisit sent → notice ${summary(fromSend)}`);
log(`approval-push: bookVisit answered → notice ${summary(fromAnswer)} (negative: the notice came first)`);
figure('approval-push-p99-ms', percentile(fromCommit, 99), 'ms');
figure('approval-push-p50-ms', percentile(fromCommit, 50), 'ms');
figure('approval-push-wrong-subscriber', wrong.length, 'count', 0);
figure('approval-push-missed', missed, 'count', 0);
if (wrong.length || missed || failed) process.exitCode = 1;
