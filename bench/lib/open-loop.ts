import { Agent, request } from 'node:http';
import { log, sleep } from './harness.js';

export interface Sample {
  ms: number;
  ok: boolean;
}

/** What counts as a good answer, from the parsed JSON body of a 200 response. */
export type Check = (json: { data?: Record<string, unknown>; errors?: unknown }) => boolean;

// The load generator shares the machine's cores with the server under test, so it should cost as
// little as it can: node:http on a keep-alive agent takes about half the CPU per request of fetch()
// (undici's Request/Response/Headers objects and web streams), which on two cores shows up directly
// in the server's tail latency.
const agent = new Agent({ keepAlive: true, maxSockets: 256, keepAliveMsecs: 10_000 });

/** POSTs one body to `${url}/graphql`; resolves with the status and the parsed JSON body. */
export function postJson(
  url: string,
  token: string,
  body: string,
): Promise<{ status: number; json: Parameters<Check>[0] }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/graphql`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString()) });
          } catch (e) {
            reject(e);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('socket', (socket) => socket.setNoDelay(true));
    req.on('error', reject);
    req.end(body);
  });
}

/** POSTs one body and says whether the answer was good; logs the first few failures. */
export function makeSender(url: string, token: string, check: Check, label: string) {
  let errorsLogged = 0;
  return async (body: string, as = token): Promise<boolean> => {
    let why: string;
    try {
      const { status, json } = await postJson(url, as, body);
      if (status === 200 && !json.errors && check(json)) return true;
      why = `HTTP ${status} ${JSON.stringify(json.errors)}`;
    } catch (e) {
      why = `${(e as Error).message} ${(e as Error).cause ?? ''}`;
    }
    if (errorsLogged++ < 5) log(`${label}: request failed: ${why}`);
    return false;
  };
}

/**
 * Sends bodies[i] at start + i/rate, never waiting for responses, and measures each latency from the
 * *scheduled* time, so requests queued behind slow ones count in full (no coordinated omission).
 * `token` is everyone's, or one per body (tokens[i] sends bodies[i]).
 */
export async function openLoop(
  url: string,
  token: string | readonly string[],
  bodies: string[],
  rate: number,
  check: Check,
  label: string,
) {
  const send = makeSender(url, typeof token === 'string' ? token : '', check, label);
  const samples: Sample[] = [];
  const pending: Promise<void>[] = [];
  const start = performance.now() + 20;
  let lastEnd = start;
  for (let i = 0; i < bodies.length; i++) {
    const at = start + (i * 1000) / rate;
    const wait = at - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(
      send(bodies[i]!, typeof token === 'string' ? token : token[i]!).then((ok) => {
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
