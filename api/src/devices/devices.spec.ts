import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { createTestSite, deviceToken } from '../testing/access-fixtures.js';
import { CHINESE, failure, ok } from '../testing/helpers.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';
import { collect, wsClient } from '../testing/ws.js';
import { sweepSilentDevices } from './device.service.js';

const REGISTER = `mutation($i:RegisterDeviceInput!){registerDevice(input:$i){id code online passagePointId}}`;
const SEND = `mutation($i:SendDeviceCommandInput!){sendDeviceCommand(input:$i){id status kind deviceCode expiresAt}}`;
const ACK = `mutation($id:ID!,$ok:Boolean!,$r:String){acknowledgeDeviceCommand(id:$id,succeeded:$ok,result:$r){id status result}}`;
const PENDING = `query($s:String!){pendingDeviceCommands(siteId:$s){id deviceCode kind}}`;
const STATUS = `mutation($s:String!,$d:[DeviceStatusInput!]!){reportDeviceStatus(siteId:$s,devices:$d){updated unknown}}`;
const ALARMS = `mutation($a:[DeviceAlarmInput!]!){ingestDeviceAlarms(alarms:$a){accepted duplicates}}`;
const EVENTS = `mutation($e:[DeviceEventInput!]!){ingestDeviceEvents(events:$e){accepted duplicates}}`;
const LIST_ALARMS = `query($s:[AlarmStatus!]){alarms(status:$s){id kind status deviceCode message passagePointId}}`;

let env: TestEnvironment;
let bridge: string;
let security: string;
let site: Awaited<ReturnType<typeof createTestSite>>;
let turnstile: { id: string; code: string };

beforeAll(async () => {
  env = await createTestEnvironment({ seed: true });
  bridge = await deviceToken(env);
  security = await env.login('security', 'security123');
  site = await createTestSite(env, security);
  turnstile = ok(
    await env.gql(
      REGISTER,
      {
        i: {
          code: 'T1',
          name: '生产区 1 号闸机',
          kind: 'TURNSTILE',
          siteId: 'demo',
          passagePointId: site.gate,
        },
      },
      security,
    ),
  ).registerDevice;
});
afterAll(() => env?.stop());

const audit = (action: string) => env.context().em.find(AuditEntry, { action }, { orderBy: { seq: 'asc' } });

describe('device registry', () => {
  it('registers a device against a passage point, offline until its bridge reports it, and audits it', async () => {
    expect(turnstile).toMatchObject({ code: 'T1', online: false, passagePointId: site.gate });
    expect((await audit('DEVICE_REGISTER')).at(-1)?.entityId).toBe(turnstile.id);
  });

  it('refuses a duplicate code, a code unfit for an MQTT topic and an unknown passage point', async () => {
    const base = { name: 'x', kind: 'DOOR', siteId: 'demo' };
    expect(failure(await env.gql(REGISTER, { i: { ...base, code: 'T1' } }, security)).code).toBe('DUPLICATE');
    expect(failure(await env.gql(REGISTER, { i: { ...base, code: 'a/b' } }, security)).code).toBe(
      'VALIDATION',
    );
    const r = await env.gql(REGISTER, { i: { ...base, code: 'D9', passagePointId: turnstile.id } }, security);
    expect(failure(r).code).toBe('UNKNOWN_PASSAGE_POINT');
    expect(failure(r).message).toMatch(CHINESE);
  });
});

describe('remote commands', () => {
  it('stores a remote open with who and why, pushes it to the bridge, and closes it on acknowledgement', async () => {
    const client = wsClient(env, bridge);
    const stream = collect<{ deviceSync: { commands: { id: string; kind: string }[] } }>(
      client,
      `subscription{deviceSync(siteId:"demo"){cursor commands{id kind deviceCode reason}}}`,
      {},
      (r) => r.some((m) => m.data?.deviceSync.commands.length),
    );
    await expect.poll(() => stream.results.length).toBe(1);
    const command = ok(
      await env.gql(SEND, { i: { deviceId: turnstile.id, kind: 'OPEN', reason: '消防演练放行' } }, security),
    ).sendDeviceCommand;
    expect(command).toMatchObject({ status: 'PENDING', kind: 'OPEN', deviceCode: 'T1' });
    const pushed = (await stream.finished).at(-1)!.data!.deviceSync.commands;
    expect(pushed).toEqual([expect.objectContaining({ id: command.id, kind: 'OPEN' })]);
    await client.dispose();

    const entry = (await audit('DOOR_REMOTE_OPEN')).at(-1)!;
    expect(entry).toMatchObject({ actorName: 'security', entityId: command.id });
    expect(entry.after).toMatchObject({ reason: '消防演练放行', device: 'T1' });

    ok(await env.gql(ACK, { id: command.id, ok: true, r: 'unlocked' }, bridge));
    // The same acknowledgement again (a bridge retrying) is accepted once.
    const again = ok(await env.gql(ACK, { id: command.id, ok: true, r: 'unlocked' }, bridge));
    expect(again.acknowledgeDeviceCommand).toMatchObject({ status: 'SUCCEEDED', result: 'unlocked' });
    expect(failure(await env.gql(ACK, { id: command.id, ok: false }, bridge)).code).toBe('COMMAND_CLOSED');
  });

  it('hands a reconnecting bridge every command it has not acknowledged', async () => {
    const command = ok(
      await env.gql(SEND, { i: { deviceId: turnstile.id, kind: 'LOCK', reason: '夜间封闭' } }, security),
    ).sendDeviceCommand;
    const pending = ok(await env.gql(PENDING, { s: 'demo' }, bridge)).pendingDeviceCommands;
    expect(pending.map((c: { id: string }) => c.id)).toContain(command.id);
    const client = wsClient(env, bridge);
    const [first] = await collect<{ deviceSync: { commands: { id: string }[] } }>(
      client,
      `subscription{deviceSync(siteId:"demo"){cursor commands{id}}}`,
      {},
      (r) => r.length === 1,
    ).finished;
    expect(first!.data!.deviceSync.commands.map((c) => c.id)).toContain(command.id);
    await client.dispose();
  });

  it('refuses a command for an unknown device, or without a reason, and stores nothing', async () => {
    const r = await env.gql(SEND, { i: { deviceId: site.gate, kind: 'OPEN', reason: '测试' } }, security);
    expect(failure(r).code).toBe('UNKNOWN_DEVICE');
    const noReason = await env.gql(
      SEND,
      { i: { deviceId: turnstile.id, kind: 'OPEN', reason: ' ' } },
      security,
    );
    expect(failure(noReason).code).toBe('REASON_REQUIRED');
    const hr = await env.login('hr', 'hr123456');
    const denied = await env.gql(SEND, { i: { deviceId: turnstile.id, kind: 'OPEN', reason: '测试' } }, hr);
    expect(failure(denied).code).toBe('FORBIDDEN');
  });
});

describe('alarms', () => {
  it('stores a device alarm once however often the batch is sent, and pushes it to the security console', async () => {
    const client = wsClient(env, security);
    const pushed = collect<{ alarmRaised: { kind: string; message: string } }>(
      client,
      `subscription{alarmRaised{id kind message deviceCode}}`,
      {},
      (r) => r.length === 1,
    );
    await new Promise((r) => setTimeout(r, 100));
    const batch = [{ deviceId: 'T1', seq: 900, occurredAt: new Date().toISOString(), kind: 'FORCED_OPEN' }];
    expect(ok(await env.gql(ALARMS, { a: batch }, bridge)).ingestDeviceAlarms).toEqual({
      accepted: 1,
      duplicates: 0,
    });
    expect(ok(await env.gql(ALARMS, { a: batch }, bridge)).ingestDeviceAlarms).toEqual({
      accepted: 0,
      duplicates: 1,
    });
    const [message] = await pushed.finished;
    expect(message!.data!.alarmRaised).toMatchObject({
      kind: 'FORCED_OPEN',
      message: expect.stringContaining('强行'),
    });
    await client.dispose();
  });

  it('raises one alarm after five refused attempts in a row at one device', async () => {
    const now = Date.now();
    const denied = (seq: number) => ({
      deviceId: 'T1',
      seq,
      occurredAt: new Date(now - 60_000 + seq).toISOString(),
      passagePointId: site.gate,
      direction: 'IN',
      credentialKind: 'CARD',
      credentialRef: 'BAD',
      result: 'DENIED',
      reason: 'CARD_INVALID',
    });
    ok(await env.gql(EVENTS, { e: [1, 2, 3, 4].map(denied) }, bridge));
    const before = ok(await env.gql(LIST_ALARMS, { s: ['OPEN'] }, security)).alarms;
    expect(before.filter((a: { kind: string }) => a.kind === 'REPEATED_FAILURES')).toHaveLength(0);
    ok(await env.gql(EVENTS, { e: [5, 6].map(denied) }, bridge));
    const failuresNow = async () =>
      ok(await env.gql(LIST_ALARMS, { s: ['OPEN'] }, security)).alarms.filter(
        (a: { kind: string }) => a.kind === 'REPEATED_FAILURES',
      );
    await expect.poll(failuresNow).toHaveLength(1);
    // The streak goes on; it is still one alarm.
    ok(await env.gql(EVENTS, { e: [7].map(denied) }, bridge));
    await new Promise((r) => setTimeout(r, 200));
    const failures = await failuresNow();
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ deviceCode: 'T1', passagePointId: site.gate });
  });

  it('is acknowledged, then closed with a note, each step audited; a closed alarm stays closed', async () => {
    const [alarm] = ok(await env.gql(LIST_ALARMS, { s: ['OPEN'] }, security)).alarms;
    const ack = await env.gql(
      `mutation($id:ID!){acknowledgeAlarm(id:$id,note:"已派人查看"){status acknowledgedBy}}`,
      { id: alarm.id },
      security,
    );
    expect(ok(ack).acknowledgeAlarm).toEqual({ status: 'ACKNOWLEDGED', acknowledgedBy: 'security' });
    const noNote = await env.gql(
      `mutation($id:ID!){closeAlarm(id:$id,note:""){status}}`,
      { id: alarm.id },
      security,
    );
    expect(failure(noNote).code).toBe('NOTE_REQUIRED');
    const closed = await env.gql(
      `mutation($id:ID!){closeAlarm(id:$id,note:"门磁故障，已报修"){status note closedBy}}`,
      { id: alarm.id },
      security,
    );
    expect(ok(closed).closeAlarm).toEqual({
      status: 'CLOSED',
      note: '门磁故障，已报修',
      closedBy: 'security',
    });
    const reopen = await env.gql(
      `mutation($id:ID!){acknowledgeAlarm(id:$id){status}}`,
      { id: alarm.id },
      security,
    );
    expect(failure(reopen).code).toBe('ALARM_CLOSED');
    expect((await audit('ALARM_CLOSE')).at(-1)?.entityId).toBe(alarm.id);
  });
});

describe('heartbeats and the online rate', () => {
  it('turns devices online from heartbeats, offline when their bridge falls silent, and weighs the rate by time', async () => {
    const r = ok(
      await env.gql(
        STATUS,
        {
          s: 'demo',
          d: [
            { code: 'T1', online: true },
            { code: 'NOPE', online: true },
          ],
        },
        bridge,
      ),
    );
    expect(r.reportDeviceStatus).toEqual({ updated: 1, unknown: ['NOPE'] });
    const devices = ok(await env.gql(`{devices{code online lastSeenAt}}`, {}, security)).devices;
    expect(devices.find((d: { code: string }) => d.code === 'T1')).toMatchObject({ online: true });

    const silentFor = (env.context().config.DEVICE_OFFLINE_AFTER_SECONDS + 1) * 1000;
    expect(await sweepSilentDevices(env.context(), new Date(Date.now() + silentFor))).toBe(1);
    const alarms = ok(await env.gql(LIST_ALARMS, { s: ['OPEN'] }, security)).alarms;
    expect(
      alarms.some(
        (a: { kind: string; deviceCode: string }) => a.kind === 'DEVICE_OFFLINE' && a.deviceCode === 'T1',
      ),
    ).toBe(true);

    const kpi = ok(
      await env.gql(
        `{kpis{deviceOnlineRate{ratio target meetsTarget devices onlineSeconds totalSeconds}}}`,
        {},
        security,
      ),
    ).kpis.deviceOnlineRate;
    expect(kpi.devices).toBe(1);
    expect(kpi.target).toBe(0.99);
    // Offline from registration until the heartbeat, online since: strictly between 0 and 1.
    expect(kpi.ratio).toBeGreaterThan(0);
    expect(kpi.ratio).toBeLessThan(1);
    expect(kpi.meetsTarget).toBe(false);
  });
});
