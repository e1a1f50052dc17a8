import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { MQTT_CONTRACT_VERSION } from '@park/schema/mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTopic } from '../src/index.js';
import { type BrokerTarget, brokerTargets, externalBrokerUrl, tempDataDir } from './support/bridge-env.js';
import { clearRetained, connectProbe, type Probe, uniqueSiteId } from './support/mqtt-probe.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

interface BridgeProcess {
  child: ChildProcess;
  brokerUrl: string;
  siteId: string;
  dataDir: string;
  logLines: unknown[];
  /** stdout lines that were not JSON: there must be none, the log shipper would drop them. */
  strayLines: string[];
}

/** Runs `src/main.ts` the way `pnpm start` does and waits for its "started" log line. */
async function spawnBridge(
  target: BrokerTarget,
  extraEnv: Record<string, string> = {},
): Promise<BridgeProcess> {
  const siteId = uniqueSiteId('proc');
  const dataDir = tempDataDir();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SITE_ID: siteId,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    API_URL: 'http://127.0.0.1:9',
  };
  delete env.MQTT_URL;
  if (target.url === undefined) env.MQTT_PORT = '0';
  else env.MQTT_URL = target.url;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: packageDir,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logLines: unknown[] = [];
  const strayLines: string[] = [];
  const started = new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bridge exited with ${code} before starting`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let entry: { msg?: string; brokerUrl?: string };
      try {
        entry = JSON.parse(line);
      } catch {
        strayLines.push(line);
        return;
      }
      logLines.push(entry);
      if (entry.msg === 'device bridge started') resolve(entry.brokerUrl!);
    });
  });
  return { child, brokerUrl: await started, siteId, dataDir, logLines, strayLines };
}

describe.each(brokerTargets)('the bridge process on an $name', (target) => {
  let running: BridgeProcess | undefined;
  let observer: Probe | undefined;

  afterEach(async () => {
    await observer?.close().catch(() => undefined);
    if (running && running.child.exitCode === null && running.child.signalCode === null) {
      running.child.kill('SIGKILL');
      await once(running.child, 'exit');
    }
    if (target.url !== undefined && running) {
      await clearRetained(target.url, [buildTopic({ type: 'bridge-state', site: running.siteId })]);
    }
    if (running) await rm(running.dataDir, { recursive: true, force: true });
    running = undefined;
    observer = undefined;
  });

  it('shuts down gracefully on SIGTERM: offline state published, exit code 0, JSON logs only', async () => {
    running = await spawnBridge(target);
    const stateTopic = buildTopic({ type: 'bridge-state', site: running.siteId });
    observer = await connectProbe(running.brokerUrl);
    await observer.subscribe(stateTopic);
    await observer.waitFor(stateTopic, (json) => (json as { online: boolean }).online === true);

    const exited = once(running.child, 'exit');
    running.child.kill('SIGTERM');
    const offline = await observer.waitFor(
      stateTopic,
      (json) => (json as { online: boolean }).online === false,
    );
    expect(offline.json).toEqual({ online: false, contract: MQTT_CONTRACT_VERSION });
    const [code] = await exited;
    expect(code).toBe(0);
    expect(running.strayLines).toEqual([]);
    expect(running.logLines).toContainEqual(
      expect.objectContaining({ msg: 'device bridge stopped', site: running.siteId }),
    );
  });
});

describe.skipIf(externalBrokerUrl === undefined)('the bridge process on an external broker', () => {
  it('is marked offline by its last-will when it dies without a goodbye', async () => {
    const target: BrokerTarget = { name: 'external', url: externalBrokerUrl };
    const running = await spawnBridge(target);
    const stateTopic = buildTopic({ type: 'bridge-state', site: running.siteId });
    const observer = await connectProbe(target.url!);
    try {
      await observer.subscribe(stateTopic);
      await observer.waitFor(stateTopic, (json) => (json as { online: boolean }).online === true);
      running.child.kill('SIGKILL');
      await observer.waitFor(stateTopic, (json) => (json as { online: boolean }).online === false);

      // The will is retained too, so a dashboard that connects later still sees the bridge as gone.
      const late = await connectProbe(target.url!);
      await late.subscribe(stateTopic);
      const retained = await late.waitFor(stateTopic);
      await late.close();
      expect(retained.json).toEqual({ online: false, contract: MQTT_CONTRACT_VERSION });
      expect(retained.packet.retain).toBe(true);
    } finally {
      await observer.close();
      await clearRetained(target.url!, [stateTopic]);
      await rm(running.dataDir, { recursive: true, force: true });
    }
  });
});

describe('the bridge process with a bad configuration', () => {
  it('exits with code 1 and names every problem in one JSON line', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: packageDir,
      env: { ...process.env, SITE_ID: 'plant/a', LOG_LEVEL: 'loud' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(JSON.parse(stderr.trim())).toMatchObject({
      level: 60,
      problems: [expect.stringContaining('SITE_ID'), expect.stringContaining('LOG_LEVEL')],
    });
  });
});
