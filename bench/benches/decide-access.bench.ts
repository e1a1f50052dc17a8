// Server-side access decision (decideAccess) as a gate without its own cache would ask it: card
// presentations at two doors of the demo plant, open loop at a fixed 500 requests/s for 10 s after a
// warm-up, latency from the scheduled send (no coordinated omission). API in a child process.
import { createAccessSite } from '../lib/access-site.js';
import { figure, log, percentile, prng, withApi } from '../lib/harness.js';
import { makeSender, openLoop } from '../lib/open-loop.js';

export const figures = ['decide-access-api-p99-ms', 'decide-access-api-p50-ms', 'decide-access-api-errors'];

const RATE = 500;
const WARMUP_S = 3;
const MEASURE_S = 10;
const DECIDE = `query($i: DecideAccessInput!) { decideAccess(input: $i) {
  __typename ... on AccessGranted { personId grantId } ... on AccessDenied { code message } } }`;

const decided = (json: { data?: Record<string, unknown> }) =>
  typeof (json.data?.decideAccess as { __typename?: string } | undefined)?.__typename === 'string';

await withApi({ seed: true }, async (api) => {
  const security = await api.login('security', 'security123');
  const { points, people } = await createAccessSite(api, security);
  const cards = people.flatMap((p) => p.cards);
  log(`decide-access: ${cards.length} cards, ${points.length} doors`);
  const r = prng(11);
  const bodies = (n: number) =>
    Array.from({ length: n }, () =>
      JSON.stringify({
        query: DECIDE,
        variables: {
          i: {
            passagePointId: points[Math.floor(r() * 2)],
            direction: 'IN',
            cardNumber: cards[Math.floor(r() * cards.length)],
          },
        },
      }),
    );
  const send = makeSender(api.url, security, decided, 'decide-access');
  for (const b of bodies(200)) if (!(await send(b))) throw new Error('decideAccess failed');
  await openLoop(api.url, security, bodies(RATE * WARMUP_S), RATE, decided, 'decide-access');
  const run = await openLoop(api.url, security, bodies(RATE * MEASURE_S), RATE, decided, 'decide-access');
  const ms = run.samples.map((s) => s.ms).sort((a, b) => a - b);
  const errors = run.samples.filter((s) => !s.ok).length;
  log(`decide-access: ${ms.length} requests in ${run.seconds.toFixed(2)} s, max ${ms.at(-1)?.toFixed(1)} ms`);
  log(`decide-access: p90 ${percentile(ms, 90).toFixed(1)} p99.9 ${percentile(ms, 99.9).toFixed(1)} ms`);
  figure('decide-access-api-p99-ms', percentile(ms, 99), 'ms');
  figure('decide-access-api-p50-ms', percentile(ms, 50), 'ms');
  figure('decide-access-api-errors', errors, 'count', 0);
  if (errors) process.exitCode = 1;
});
