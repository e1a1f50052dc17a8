// Gate decisions on one core, in process: a scanned QR pass verified offline (strict JWS parsing,
// node:crypto Ed25519 against the site's key set, the replay window shared by the site's lanes) and
// then decided, as the bridge does for every scan. No database, no API, no broker.
//
// Every scan presents a different pass (its own jti), issued beforehand by the real issuer, so the
// replay window grows and is consulted as at a busy site. Bare node:crypto Ed25519 verification of
// the very same messages and signatures is measured in the same run, in rounds alternating with the
// gate's, so that the ratio is not skewed by the machine getting busier or quieter in between.
import { randomUUID, verify as verifyEd25519 } from 'node:crypto';
import {
  createPassVerifier,
  type DecisionState,
  decide,
  generatePassKey,
  importPublicJwks,
  type PassAccepted,
  ReplayWindow,
} from '@park/core';
import { cachedPeople, LANE, PRODUCTION, SITE } from '../lib/gate-site.js';
import { figure, log, percentile } from '../lib/harness.js';
import { issuePasses } from '../lib/passes.js';

export const figures = ['gate-decisions-per-s', 'gate-decision-p99-ms', 'gate-vs-ed25519-ratio'];

const PEOPLE = 2_000;
const POOL = 100_000; // more passes than one core verifies in warm-up + rounds
const LANES = 4;
const WARMUP_S = 1;
const ROUNDS = 3;
const ROUND_S = 1; // × ROUNDS: ~3 s measured for the gate and ~3 s for bare Ed25519

const site = randomUUID();
const { signer, publicJwk } = await generatePassKey('pass-bench001');
const keys = importPublicJwks({ keys: [publicJwk] });
const people = Array.from({ length: PEOPLE }, () => randomUUID());
const t = performance.now();
const passes = await issuePasses(signer, { people, site, from: Date.now(), count: POOL });
log(
  `gate: ${POOL} passes issued in ${((performance.now() - t) / 1000).toFixed(1)} s, ` +
    `${passes[0]!.token.length} characters each (UUID person, phone and site)`,
);

const replayWindow = new ReplayWindow({ maxEntries: POOL });
const lanes = Array.from({ length: LANES }, () =>
  createPassVerifier({ keys, clockSkewSeconds: 5, replayWindow, site }),
);

// The bridge's decision cache: people with their grants and presence, occupancy per area.
const cache = cachedPeople(people);
const occupancy = new Map<string, number>();
const NO_HELD_SCANS: DecisionState['pendingScans'] = [];
const NO_OPEN_INTERLOCKS: DecisionState['openInterlock'] = new Map();

/**
 * The access decision for a pass that verified, as the bridge makes it: look the person up in the
 * cache, decide() with a QR credential, then record the passage (presence and occupancy) when allowed.
 * Each person goes in, then out, then in again, so hard anti-passback is checked on every scan.
 */
function decideAtGate(pass: PassAccepted, now: number): boolean {
  const entry = cache.get(pass.personId);
  if (!entry) return false;
  const direction = entry.presence === PRODUCTION ? 'OUT' : 'IN';
  const decision = decide({
    at: now,
    person: entry.person,
    credential: { kind: 'QR' },
    point: LANE,
    direction,
    grants: entry.grants,
    site: SITE,
    state: {
      presenceAreaId: entry.presence,
      occupancy,
      pendingScans: NO_HELD_SCANS,
      openInterlock: NO_OPEN_INTERLOCKS,
    },
  });
  if (!decision.allow) return false;
  entry.presence = decision.presenceAfter;
  occupancy.set(PRODUCTION, (occupancy.get(PRODUCTION) ?? 0) + (direction === 'IN' ? 1 : -1));
  return true;
}

let next = 0;
let refused = 0;
/** Scans as fast as one core decides them, for `seconds`; latencies in ms when asked for. */
function gateRound(seconds: number, latencies?: number[]): { n: number; seconds: number } {
  const start = performance.now();
  const until = start + seconds * 1000;
  let n = 0;
  for (let t0 = start; t0 < until && next < passes.length; n++) {
    const pass = passes[next]!;
    const now = Date.now();
    const check = lanes[next % LANES]!.verify(pass.token, now);
    next++;
    if (!check.ok || !decideAtGate(check, now)) refused++;
    const t1 = performance.now();
    latencies?.push(t1 - t0);
    t0 = t1;
  }
  return { n, seconds: (performance.now() - start) / 1000 };
}

// Bare verification of the same signing inputs and signatures, already decoded, with the same key.
const key = keys.get(signer.kid)!;
const bare = passes.slice(0, 10_000).map(({ token }) => {
  const dot = token.lastIndexOf('.');
  return {
    input: Buffer.from(token.slice(0, dot)),
    signature: Buffer.from(token.slice(dot + 1), 'base64url'),
  };
});
function bareRound(seconds: number): { n: number; seconds: number } {
  const start = performance.now();
  const until = start + seconds * 1000;
  let n = 0;
  for (; (n & 63) !== 0 || performance.now() < until; n++) {
    const { input, signature } = bare[n % bare.length]!;
    if (!verifyEd25519(null, input, key, signature)) throw new Error('bare Ed25519 verification failed');
  }
  return { n, seconds: (performance.now() - start) / 1000 };
}

gateRound(WARMUP_S);
bareRound(WARMUP_S);
refused = 0;
const latencies: number[] = [];
const gate = { n: 0, seconds: 0 };
const plain = { n: 0, seconds: 0 };
for (let r = 0; r < ROUNDS; r++) {
  const g = gateRound(ROUND_S, latencies);
  const b = bareRound(ROUND_S);
  gate.n += g.n;
  gate.seconds += g.seconds;
  plain.n += b.n;
  plain.seconds += b.seconds;
}
if (next >= passes.length) log(`gate: ran out of passes after ${next}; raise POOL`);
latencies.sort((a, b) => a - b);
const gateRate = gate.n / gate.seconds;
const bareRate = plain.n / plain.seconds;
log(
  `gate: ${gate.n} decisions in ${gate.seconds.toFixed(2)} s on ${LANES} lanes, p50 ${(percentile(latencies, 50) * 1000).toFixed(0)} µs, ` +
    `max ${percentile(latencies, 100).toFixed(2)} ms, ${refused} refused, ${occupancy.get(PRODUCTION)} people inside, replay window ${replayWindow.size} ids; ` +
    `bare Ed25519 ${plain.n} in ${plain.seconds.toFixed(2)} s`,
);
figure('gate-decisions-per-s', gateRate, '/s', 0);
figure('gate-decision-p99-ms', percentile(latencies, 99), 'ms', 3);
figure('gate-vs-ed25519-ratio', gateRate / bareRate, 'x', 2);
if (refused) {
  log(`gate: ${refused} passes were refused; every pass in the pool should open the gate`);
  process.exitCode = 1;
}
