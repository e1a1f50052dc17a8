import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../src/index.js';
import { brokerTargets } from './support/bridge-env.js';
import { type GateRun, passFor, removeDataDir, startGateRun } from './support/gate-harness.js';
import { buildGateSite, type GateSite } from './support/gate-site.js';

describe.each(brokerTargets)('deciding at the gate from the local cache, on an $name', (target) => {
  let site: GateSite;
  let run: GateRun | undefined;

  beforeAll(async () => {
    site = await buildGateSite();
  });

  afterEach(async () => {
    await run?.stop();
    await removeDataDir(run?.config);
    run = undefined;
  });

  it('opens a simulated turnstile for a freshly issued QR pass', async () => {
    run = await startGateRun(target, { site });
    const token = await passFor(site, site.people.wang.id);

    const answer = await run.sim.device('lane-1').scan({ kind: 'QR', token });

    expect(answer.kind).toBe('unlock');
    expect(answer.payload).toEqual({ id: expect.any(String), seq: 1, allow: true, pulseMs: 3_000 });
    expect(answer.latencyMs).toBeLessThan(1_000);
    const [decision] = await run.decided(1);
    expect(decision?.event).toMatchObject({
      id: 'lane-1:1',
      personId: site.people.wang.id,
      result: 'GRANTED',
      credentialKind: 'QR',
      decidedOffline: true,
    });
  });

  // A system Mosquitto without `set_tcp_nodelay true` adds its own ~40 ms, so only the embedded broker
  // can show the bridge's part alone.
  it.skipIf(target.url !== undefined)('answers scans without waiting on TCP delayed ACKs', async () => {
    run = await startGateRun(target, { site });
    const latencies: number[] = [];
    for (let i = 0; i < 21; i++) {
      const lane = run.sim.device(i % 2 === 0 ? 'lane-1' : 'lane-1-out');
      latencies.push((await lane.scan({ kind: 'CARD', number: site.cards.wang })).latencyMs);
    }
    latencies.sort((a, b) => a - b);
    // Nagle plus a delayed ACK costs ≥ 40 ms per leg; the median is far below that without them.
    expect(latencies[10]).toBeLessThan(20);
    expect(run.bridge.decisionLatency().count).toBe(21);
  });

  it('refuses the same pass on a different lane as QR_REPLAYED', async () => {
    run = await startGateRun(target, { site });
    const token = await passFor(site, site.people.wang.id);
    await run.sim.device('lane-1').scan({ kind: 'QR', token });

    const answer = await run.sim.device('lane-2').scan({ kind: 'QR', token });

    expect(answer.kind).toBe('deny');
    expect(answer.payload).toMatchObject({ reason: 'QR_REPLAYED', message: '二维码已被使用，请勿重复使用' });
  });

  it('refuses a card reported lost with CARD_LOST and says so in Chinese', async () => {
    run = await startGateRun(target, { site });

    const answer = await run.sim.device('lane-1').scan({ kind: 'CARD', number: site.cards.zhangLost });

    expect(answer).toMatchObject({
      kind: 'deny',
      payload: { seq: 1, reason: 'CARD_LOST', message: '此卡已挂失，禁止通行' },
    });
    // The same person's replacement card still opens.
    const replacement = await run.sim.device('lane-1').scan({ kind: 'CARD', number: site.cards.zhangNew });
    expect(replacement.kind).toBe('unlock');
  });

  it('refuses a person without a grant for the production area with NO_GRANT', async () => {
    run = await startGateRun(target, { site });
    const token = await passFor(site, site.people.li.id);

    const answer = await run.sim.device('lane-2').scan({ kind: 'QR', token });

    expect(answer).toMatchObject({
      kind: 'deny',
      payload: { reason: 'NO_GRANT', message: '无此区域的通行权限' },
    });
  });

  it('answers a malformed scan frame with an error reply and keeps deciding', async () => {
    run = await startGateRun(target, { site });
    const lane = run.sim.device('lane-1');

    await lane.sendRaw('scan', '{"seq": 7, "credential": ');
    const notJson = await lane.waitFor((c) => c.kind === 'error');
    expect(notJson.payload).toMatchObject({ status: 'error', reason: 'payload is not valid JSON' });

    await lane.sendRaw('scan', JSON.stringify({ seq: 8, credential: { kind: 'PIN', code: '1234' } }));
    const badKind = await lane.waitFor((c) => c.kind === 'error' && c.payload.seq === 8);
    expect(badKind.payload.reason).toBe('"credential.kind" must be "QR" or "CARD"');

    const answer = await lane.scan({ kind: 'CARD', number: site.cards.wang }, { seq: 9 });
    expect(answer.kind).toBe('unlock');
  });

  it('answers a scan from a device missing from the registry with an error, not a decision', async () => {
    run = await startGateRun(target, { site });
    // A reader wired up before anyone registered it.
    const stray = await startSimulator({
      brokerUrl: run.bridge.brokerUrl,
      siteId: run.config.siteId,
      deviceIds: ['lane-9'],
    });
    try {
      await stray
        .device('lane-9')
        .sendRaw('scan', JSON.stringify({ seq: 1, credential: { kind: 'CARD', number: site.cards.wang } }));
      const reply = await stray.device('lane-9').waitFor((c) => c.kind === 'error');
      expect(reply.payload).toMatchObject({
        status: 'error',
        seq: 1,
        reason: expect.stringContaining('lane-9'),
      });
      expect(run.decisions).toEqual([]);
    } finally {
      await stray.close({ forget: true });
    }
  });

  it('lets a person in twice while offline, flagging anti-passback instead of refusing', async () => {
    run = await startGateRun(target, { site });
    const card = { kind: 'CARD', number: site.cards.wang } as const;

    expect((await run.sim.device('lane-1').scan(card)).kind).toBe('unlock');
    expect((await run.sim.device('lane-2').scan(card)).kind).toBe('unlock');

    const decisions = await run.decided(2);
    expect(decisions.map((d) => d.event.antiPassbackViolation)).toEqual([false, true]);
    expect(decisions.every((d) => d.event.decidedOffline)).toBe(true);
  });

  it('lets a person out through the exit lane and then back in without a flag', async () => {
    run = await startGateRun(target, { site });
    const card = { kind: 'CARD', number: site.cards.wang } as const;

    await run.sim.device('lane-1').scan(card);
    await run.sim.device('lane-1-out').scan(card);
    await run.sim.device('lane-2').scan(card);

    const decisions = await run.decided(3);
    expect(decisions.map((d) => [d.event.direction, d.event.result, d.event.antiPassbackViolation])).toEqual([
      ['IN', 'GRANTED', false],
      ['OUT', 'GRANTED', false],
      ['IN', 'GRANTED', false],
    ]);
  });
});
