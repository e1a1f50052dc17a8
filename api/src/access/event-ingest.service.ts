import type { DenyReason } from '@park/core';
import type { RequestContext } from '../common/context.js';
import { DomainError } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import {
  AccessResult,
  type CredentialKind,
  type DeviceEventInput,
  type IngestResult,
} from './access-event.types.js';
import type { PassageDirection } from './decide-access.types.js';
import { STORE_EVENTS } from './event-ingest.sql.js';
import { rawQuery } from './raw-sql.js';

const DEVICE = /^[A-Za-z0-9_.:-]{1,64}$/;
const MAX_BATCH = 1000;

/** One passage as it now stands in access_event. */
export interface StoredEvent {
  id: string;
  occurredAt: Date;
  receivedAt: Date;
  deviceId: string;
  seq: number;
  passagePointId: string | null;
  direction: PassageDirection | null;
  personId: string | null;
  credentialKind: CredentialKind | null;
  credentialRef: string | null;
  result: AccessResult;
  reason: DenyReason | null;
  decidedOffline: boolean;
  antiPassbackViolation: boolean;
}

export interface StoreResult extends IngestResult {
  /** The events this call stored, in batch order; repeats of stored ones are not among them. */
  stored: StoredEvent[];
}

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

const key = (deviceId: string, seq: number | string) => `${deviceId}\u0000${seq}`;

/**
 * A bridge's batch of passages, stored exactly once: (device, device seq, time) is the key, so a
 * batch replayed after a lost answer, or one event sent twice, is counted once. Presence moves with
 * granted passages: per person the latest of the batch (by time, then device seq), and never
 * backwards for an event that arrives late.
 *
 * The whole batch is one statement (see event-ingest.sql.ts), hence atomic without a transaction and
 * one round trip whatever its size. Returns what it stored, for callers that pass new events on.
 */
export async function storeDeviceEvents(
  ctx: RequestContext,
  events: DeviceEventInput[],
): Promise<StoreResult> {
  check(events);
  // One event per (device, seq): the last one sent wins, at the place of the first.
  const unique = [...new Map(events.map((e) => [key(e.deviceId, e.seq), e])).values()];
  await ctx.partitions.ensure(
    ctx.em,
    unique.map((e) => e.occurredAt),
  );
  const rows = unique.map((e, ord) => ({
    ord,
    occurred_at: e.occurredAt,
    device_id: e.deviceId,
    device_seq: e.seq,
    passage_point_id: e.passagePointId ?? null,
    direction: e.direction ?? null,
    person_id: e.personId ?? null,
    credential_kind: e.credentialKind ?? null,
    credential_ref: e.credentialRef ?? null,
    result: e.result,
    reason: e.reason ?? null,
    decided_offline: e.decidedOffline ?? false,
    anti_passback_violation: e.antiPassbackViolation ?? false,
  }));
  const inserted = await rawQuery<{ id: string; device_id: string; device_seq: string; received_at: string }>(
    ctx.em,
    STORE_EVENTS,
    [JSON.stringify(rows)],
  );
  const fresh = new Map(inserted.map((r) => [key(r.device_id, r.device_seq), r]));
  const stored: StoredEvent[] = [];
  for (const e of unique) {
    const row = fresh.get(key(e.deviceId, e.seq));
    if (!row) continue;
    stored.push({
      id: row.id,
      occurredAt: e.occurredAt,
      receivedAt: new Date(row.received_at),
      deviceId: e.deviceId,
      seq: e.seq,
      passagePointId: e.passagePointId ?? null,
      direction: e.direction ?? null,
      personId: e.personId ?? null,
      credentialKind: e.credentialKind ?? null,
      credentialRef: e.credentialRef ?? null,
      result: e.result,
      reason: e.reason ?? null,
      decidedOffline: e.decidedOffline ?? false,
      antiPassbackViolation: e.antiPassbackViolation ?? false,
    });
  }
  return { accepted: stored.length, duplicates: events.length - stored.length, stored };
}

/** `storeDeviceEvents` for the API: only the counts. */
export async function ingestDeviceEvents(
  ctx: RequestContext,
  events: DeviceEventInput[],
): Promise<IngestResult> {
  const { accepted, duplicates } = await storeDeviceEvents(ctx, events);
  return { accepted, duplicates };
}
