import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../testing/access-fixtures.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';
import { AccessResult, CredentialKind, type DeviceEventInput } from './access-event.types.js';
import { PassageDirection } from './decide-access.types.js';
import { ingestDeviceEvents, storeDeviceEvents } from './event-ingest.service.js';

let env: TestEnvironment;
let site: TestSite;
let people: string[];

beforeAll(async () => {
  env = await createTestEnvironment({ seed: true });
  site = await createTestSite(env, await env.login('security', 'security123'));
  people = (await env.context().em.getConnection().execute(`select id from person order by id limit 40`)).map(
    (r) => String(r.id),
  );
});
afterAll(() => env?.stop());

const passage = (
  deviceId: string,
  seq: number,
  at: string,
  personId: string,
  over: Partial<DeviceEventInput> = {},
): DeviceEventInput => ({
  deviceId,
  seq,
  occurredAt: new Date(at),
  passagePointId: site.gate,
  direction: PassageDirection.IN,
  personId,
  credentialKind: CredentialKind.CARD,
  credentialRef: 'C-1',
  result: AccessResult.GRANTED,
  decidedOffline: false,
  antiPassbackViolation: false,
  ...over,
});

const whereIs = async (personId: string) =>
  (
    await env
      .context()
      .em.getConnection()
      .execute('select area_id, last_event_at from presence where person_id = ?', [personId])
  )[0] as { area_id: string; last_event_at: string } | undefined;

describe('storeDeviceEvents', () => {
  it('hands back exactly the rows it stored, and none of a repeat', async () => {
    const batch = [
      passage('L1', 1, '2026-11-24T01:00:00Z', people[0]!),
      passage('L1', 2, '2026-11-24T01:00:01Z', people[1]!, {
        result: AccessResult.DENIED,
        reason: 'NO_GRANT',
      }),
    ];
    const first = await storeDeviceEvents(env.context(), batch);
    expect(first).toMatchObject({ accepted: 2, duplicates: 0 });
    expect(first.stored.map((e) => [e.deviceId, e.seq, e.result, e.reason])).toEqual([
      ['L1', 1, 'GRANTED', null],
      ['L1', 2, 'DENIED', 'NO_GRANT'],
    ]);
    expect(first.stored[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.stored[0]!.receivedAt).toBeInstanceOf(Date);

    const replay = await storeDeviceEvents(env.context(), [
      ...batch,
      passage('L1', 3, '2026-11-24T01:00:02Z', people[2]!),
    ]);
    expect(replay).toMatchObject({ accepted: 1, duplicates: 2 });
    expect(replay.stored.map((e) => e.seq)).toEqual([3]);
    expect(await ingestDeviceEvents(env.context(), batch)).toEqual({ accepted: 0, duplicates: 2 });
  });

  it('moves each person to where their latest passage of the batch took them, whatever the order sent', async () => {
    const [a, b] = [people[3]!, people[4]!];
    await storeDeviceEvents(env.context(), [
      passage('L2', 3, '2026-11-24T02:00:02Z', a, { passagePointId: site.ccrDoor }),
      passage('L2', 1, '2026-11-24T02:00:00Z', a),
      passage('L3', 7, '2026-11-24T02:00:05Z', a, {
        passagePointId: site.ccrDoor,
        direction: PassageDirection.OUT,
      }),
      passage('L2', 2, '2026-11-24T02:00:01Z', b),
      passage('L3', 8, '2026-11-24T02:00:09Z', b, { result: AccessResult.DENIED, reason: 'ANTI_PASSBACK' }),
    ]);
    expect(await whereIs(a)).toMatchObject({ area_id: site.prod });
    expect(await whereIs(b)).toMatchObject({ area_id: site.prod });
    expect(new Date((await whereIs(a))!.last_event_at).toISOString()).toBe('2026-11-24T02:00:05.000Z');
  });

  it('breaks a tie in time by device sequence, and never moves anyone back for a late older event', async () => {
    const c = people[5]!;
    await storeDeviceEvents(env.context(), [
      passage('L4', 11, '2026-11-24T03:00:00Z', c, { passagePointId: site.ccrDoor }),
      passage('L4', 10, '2026-11-24T03:00:00Z', c),
    ]);
    expect(await whereIs(c)).toMatchObject({ area_id: site.ccr });
    await storeDeviceEvents(env.context(), [
      passage('L4', 9, '2026-11-24T02:59:00Z', c, { direction: PassageDirection.OUT }),
    ]);
    expect(await whereIs(c)).toMatchObject({ area_id: site.ccr });
  });

  it('takes batches from many bridges at once for the same people, storing every event once', async () => {
    const batches = Array.from({ length: 6 }, (_, b) =>
      Array.from({ length: 200 }, (_, i) =>
        passage(
          `C${b}`,
          i,
          new Date(Date.UTC(2026, 10, 24, 4, 0, 0, b * 1000 + i)).toISOString(),
          people[i % 40]!,
          {
            direction: i % 2 ? PassageDirection.OUT : PassageDirection.IN,
          },
        ),
      ),
    );
    const results = await Promise.all(batches.map((batch) => storeDeviceEvents(env.context(), batch)));
    expect(results.map((r) => r.accepted)).toEqual([200, 200, 200, 200, 200, 200]);
    const [{ n }] = await env
      .context()
      .em.getConnection()
      .execute(`select count(*)::int as n from access_event where device_id like 'C_'`);
    expect(n).toBe(1200);
  });
});
