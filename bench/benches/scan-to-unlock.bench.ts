// A QR pass scanned at a turnstile until the unlock command reaches it: device → MQTT broker →
// device bridge (verify the pass offline, decide from its cache, journal) → broker → device. The
// bridge runs in this process as startBridge() runs it in production, with its gate cache handed in;
// the devices are the bridge's own simulator, a separate MQTT client with TCP_NODELAY as real
// controllers should have. Broker: MQTT_URL when set (Mosquitto), else the bridge's embedded Aedes.
//
// Open loop: scans leave at a fixed rate whatever the answers do, round robin over the lanes, and each
// latency runs from the *scheduled* publish to the arrival of cmd/unlock (no coordinated omission).
// Every scan is a different person's freshly issued pass (its own jti), all entering production under
// hard anti-passback, so every answer should be an unlock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePassKey } from '@park/core';
import { loadConfig, startBridge, startSimulator } from '@park/device-bridge';
import { bridgeSite } from '../lib/bridge-site.js';
import { figure, log, percentile, sleep } from '../lib/harness.js';
import { issuePasses } from '../lib/passes.js';

export const figures = ['scan-to-unlock-p99-ms', 'scan-to-unlock-p50-ms', 'scan-to-unlock-errors'];

const RATE = 200; // scans per second over the whole site: a shift change at a big plant
const LANES = 8;
const WARMUP_S = 2;
const MEASURE_S = 10;
// One fixed site id: on a shared broker each run overwrites the same retained topics.
const SITE = 'bench-scan';

const total = RATE * (WARMUP_S + MEASURE_S);
const { signer, publicJwk } = await generatePassKey('pass-bench-scan');
const site = bridgeSite({ people: total + 1, lanes: LANES, passKey: publicJwk });
const dataDir = mkdtempSync(join(tmpdir(), 'park-bench-bridge-'));
const config = loadConfig({
  SITE_ID: SITE,
  MQTT_URL: process.env.MQTT_URL,
  MQTT_PORT: '0',
  // Nothing listens on the discard port: no API, the bridge decides from its cache (as when offline).
  API_URL: 'http://127.0.0.1:9',
  API_HEALTH_INTERVAL_MS: '3600000',
  HEARTBEAT_INTERVAL_MS: '600000',
  UPLOAD_INTERVAL_MS: '3600000',
  SIM_TRAFFIC_PER_MIN: '0',
  LOG_LEVEL: 'error',
  DATA_DIR: dataDir,
  DEVICES: JSON.stringify(site.devices),
});
const bridge = await startBridge(config, {
  cacheSource: { name: 'bench', fetch: async () => site.cache },
});
const sim = await startSimulator({
  brokerUrl: bridge.brokerUrl,
  siteId: SITE,
  deviceIds: site.devices.map((d) => d.id),
});
log(`scan-to-unlock: broker ${process.env.MQTT_URL ? 'MQTT_URL' : `embedded (${bridge.brokerUrl})`}`);

try {
  // Wait for the cache to load: the first scan must already find its person.
  const first = await issuePasses(signer, {
    people: site.people.slice(0, 1),
    site: SITE,
    from: Date.now(),
    count: 1,
  });
  for (let tries = 0; ; tries++) {
    const answer = await sim.device('lane-1').scan({ kind: 'QR', token: first[0]!.token });
    if (answer.kind === 'unlock') break;
    if (tries > 50) throw new Error(`the bridge does not open: ${JSON.stringify(answer.payload)}`);
    await sleep(100);
  }

  // One pass per remaining person, issued now: valid for 60 s, which covers warm-up and measurement.
  const passes = await issuePasses(signer, {
    people: site.people.slice(1),
    site: SITE,
    from: Date.now(),
    count: total,
  });
  const lanes = sim.devices;
  const samples: { ms: number; ok: boolean }[] = [];
  const pending: Promise<void>[] = [];
  let errorsLogged = 0;
  const start = performance.now() + 20;
  for (let i = 0; i < passes.length; i++) {
    const at = start + (i * 1000) / RATE;
    const wait = at - performance.now();
    if (wait > 0) await sleep(wait);
    const measured = i >= RATE * WARMUP_S;
    pending.push(
      lanes[i % LANES]!.scan({ kind: 'QR', token: passes[i]!.token }).then(
        (answer) => {
          const ok = answer.kind === 'unlock';
          if (!ok && errorsLogged++ < 5)
            log(`scan-to-unlock: ${answer.kind} ${JSON.stringify(answer.payload)}`);
          if (measured) samples.push({ ms: answer.receivedAt - at, ok });
        },
        (err: Error) => {
          if (errorsLogged++ < 5) log(`scan-to-unlock: ${err.message}`);
          if (measured) samples.push({ ms: Number.POSITIVE_INFINITY, ok: false });
        },
      ),
    );
  }
  await Promise.all(pending);
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const errors = samples.filter((s) => !s.ok).length;
  const inside = bridge.decisionLatency();
  log(
    `scan-to-unlock: ${samples.length} scans at ${RATE}/s over ${LANES} lanes; p90 ${percentile(ms, 90).toFixed(2)} ms, ` +
      `max ${ms.at(-1)?.toFixed(1)} ms; inside the bridge ${JSON.stringify(inside)}`,
  );
  if (process.env.MQTT_URL && percentile(ms, 50) > 10)
    log(
      'scan-to-unlock: a median this slow is the signature of a broker without `set_tcp_nodelay true` ' +
        '(Nagle + delayed ACK, ~40 ms per command): see device-bridge/README.md',
    );
  figure('scan-to-unlock-p99-ms', percentile(ms, 99), 'ms', 2);
  figure('scan-to-unlock-p50-ms', percentile(ms, 50), 'ms', 2);
  figure('scan-to-unlock-errors', errors, 'count', 0);
  if (errors) process.exitCode = 1;
} finally {
  await sim.close({ forget: true });
  await bridge.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
