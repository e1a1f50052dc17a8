import type { RequestContext } from '../common/context.js';
import { inTransaction } from '../common/context.js';
import { DomainError } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { AccessResult, type DeviceEventInput, type IngestResult } from './access-event.types.js';

const DEVICE = /^[A-Za-z0-9_.:-]{1,64}$/;
const MAX_BATCH = 1000;
const COLUMNS = [
  'occurred_at',
  'device_id',
  'device_seq',
  'passage_point_id',
  'direction',
  'person_id',
  'credential_kind',
  'credential_ref',
  'result',
  'reason',
  'decided_offline',
  'anti_passback_violation',
] as const;

function check(events: DeviceEventInput[]): void {
  if (events.length === 0 || events.length > MAX_BATCH) {
    throw new DomainError('VALIDATION', `每批 1–${MAX_BATCH} 条事件`, { field: 'events' });
  }
  events.forEach((e, i) => {
    const bad = (why: string) => new DomainError('BAD_EVENT', `第 ${i + 1} 条事件无效：${why}`, { index: i });
    if (!DEVICE.test(e.deviceId)) throw bad('设备编号格式不正确');
    if (!Number.isSafeInteger(e.seq) || e.seq < 0) throw bad('序号应为非负整数');
    if (e.passagePointId && !isUuid(e.passagePointId)) throw bad('通行点编号无效');
    if (e.personId && !isUuid(e.personId)) throw bad('人员编号无效');
    if ((e.result === AccessResult.DENIED) !== !!e.reason) throw bad('拒绝须带原因，放行不带原因');
    if (e.credentialRef && e.credentialRef.length > 128) throw bad('凭证编号过长');
  });
}

/**
 * A bridge's batch of passages, stored exactly once: (device, device seq, time) is the key, so a
 * batch replayed after a lost answer, or one event sent twice, is counted once. Presence moves with
 * each granted passage, in time order, and never backwards for an event that arrives late.
 */
export async function ingestDeviceEvents(
  ctx: RequestContext,
  events: DeviceEventInput[],
): Promise<IngestResult> {
  check(events);
  const unique = [...new Map(events.map((e) => [`${e.deviceId}\u0000${e.seq}`, e])).values()];
  await ctx.partitions.ensure(
    ctx.em,
    unique.map((e) => e.occurredAt),
  );
  const { points } = await ctx.site.get(ctx.em);
  return inTransaction(ctx, async (tx) => {
    const conn = tx.em.getConnection();
    const values = unique.map(() => `(${COLUMNS.map(() => '?').join(', ')})`).join(', ');
    const params = unique.flatMap((e) => [
      e.occurredAt,
      e.deviceId,
      e.seq,
      e.passagePointId ?? null,
      e.direction ?? null,
      e.personId ?? null,
      e.credentialKind ?? null,
      e.credentialRef ?? null,
      e.result,
      e.reason ?? null,
      e.decidedOffline,
      e.antiPassbackViolation,
    ]);
    const inserted = await conn.execute<{ device_id: string; device_seq: string }[]>(
      `insert into access_event (${COLUMNS.join(', ')}) values ${values}
       on conflict do nothing returning device_id, device_seq`,
      params,
    );
    const fresh = new Set(inserted.map((r) => `${r.device_id}\u0000${r.device_seq}`));
    const moves = unique
      .filter(
        (e) => fresh.has(`${e.deviceId}\u0000${e.seq}`) && e.result === AccessResult.GRANTED && e.personId,
      )
      .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    for (const e of moves) {
      const point = e.passagePointId ? points.get(e.passagePointId) : undefined;
      if (!point || !e.direction) continue;
      const area = e.direction === 'IN' ? point.toAreaId : point.fromAreaId;
      if (!area) continue;
      await conn.execute(
        `insert into presence (person_id, area_id, since, last_event_at) values (?, ?, ?, ?)
         on conflict (person_id) do update set area_id = excluded.area_id, since = excluded.since,
           last_event_at = excluded.last_event_at
         where presence.last_event_at < excluded.last_event_at`,
        [e.personId, area, e.occurredAt, e.occurredAt],
      );
    }
    return { accepted: fresh.size, duplicates: events.length - fresh.size };
  });
}
