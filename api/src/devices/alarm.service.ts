import { LockMode } from '@mikro-orm/core';
import { PassagePoint } from '../access/passage-point.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type RequestContext } from '../common/context.js';
import { isUuid } from '../common/ids.js';
import { Alarm } from './alarm.entity.js';
import { Device } from './device.entity.js';
import { ALARM_LABELS, AlarmKind, AlarmStatus } from './devices.enums.js';
import { DeviceErrors } from './devices.errors.js';
import { AlarmRaised } from './devices.events.js';

export interface AlarmSpec {
  kind: AlarmKind;
  /** One alarm per cause: raising the same key again (a re-uploaded batch) changes nothing. */
  dedupeKey: string;
  device: Device | null;
  deviceCode?: string;
  passagePointId?: string | null;
  message: string;
  raisedAt: Date;
}

/** Stores the alarms not on file yet and announces each new one after commit. Needs a transaction. */
export async function raiseAlarms(tx: RequestContext, specs: readonly AlarmSpec[]): Promise<Alarm[]> {
  if (specs.length === 0) return [];
  const known = new Set(
    (
      await tx.em.find(
        Alarm,
        { dedupeKey: { $in: specs.map((s) => s.dedupeKey) } },
        { fields: ['dedupeKey'] },
      )
    ).map((a) => a.dedupeKey),
  );
  const raised: Alarm[] = [];
  for (const s of specs) {
    if (known.has(s.dedupeKey)) continue;
    known.add(s.dedupeKey);
    const pointId = s.passagePointId ?? s.device?.passagePoint?.id ?? null;
    raised.push(
      tx.em.create(Alarm, {
        kind: s.kind,
        dedupeKey: s.dedupeKey,
        device: s.device,
        deviceCode: s.device?.code ?? s.deviceCode ?? '',
        passagePoint: pointId ? tx.em.getReference(PassagePoint, pointId) : null,
        message: s.message,
        raisedAt: s.raisedAt,
      }),
    );
  }
  await tx.em.flush();
  for (const a of raised) tx.emit?.(new AlarmRaised(a));
  return raised;
}

export interface DeviceAlarmReport {
  deviceCode: string;
  seq: number;
  occurredAt: Date;
  kind: AlarmKind;
  detail?: string | null;
}

/** Alarms devices reported (door forced or held open, tamper), idempotent on (device, sequence). */
export async function ingestDeviceAlarms(
  ctx: RequestContext,
  reports: readonly DeviceAlarmReport[],
): Promise<{ accepted: number; duplicates: number }> {
  return inTransaction(ctx, async (tx) => {
    const codes = [...new Set(reports.map((r) => r.deviceCode))];
    const devices = new Map((await tx.em.find(Device, { code: { $in: codes } })).map((d) => [d.code, d]));
    const raised = await raiseAlarms(
      tx,
      reports.map((r) => {
        const device = devices.get(r.deviceCode) ?? null;
        const where = device ? `${device.name}（${device.code}）` : r.deviceCode;
        return {
          kind: r.kind,
          dedupeKey: `evt:${r.deviceCode}:${r.seq}`,
          device,
          deviceCode: r.deviceCode,
          message: `${where}：${ALARM_LABELS[r.kind]}${r.detail ? `（${r.detail.slice(0, 100)}）` : ''}`,
          raisedAt: r.occurredAt,
        };
      }),
    );
    return { accepted: raised.length, duplicates: reports.length - raised.length };
  });
}

/**
 * After passages were stored: a device whose last DEVICE_FAILURE_ALARM_COUNT attempts (within ten
 * minutes, with no grant in between) were all refused raises one REPEATED_FAILURES alarm per streak.
 */
export async function detectRepeatedFailures(
  ctx: RequestContext,
  deviceCodes: readonly string[],
): Promise<Alarm[]> {
  if (deviceCodes.length === 0) return [];
  const threshold = ctx.config.DEVICE_FAILURE_ALARM_COUNT;
  const streaks = await ctx.em.getConnection().execute<
    {
      device_id: string;
      failures: string;
      first_seq: string;
      last_at: string;
      passage_point_id: string | null;
    }[]
  >(
    `select e.device_id, count(*) as failures, min(e.device_seq) as first_seq, max(e.occurred_at) as last_at,
            (array_agg(e.passage_point_id order by e.occurred_at desc))[1] as passage_point_id
       from access_event e
      where e.device_id = any(string_to_array(?, ','))
        and e.occurred_at > now() - interval '10 minutes'
        and e.result = 'DENIED'
        and e.occurred_at > coalesce((select max(g.occurred_at) from access_event g
                                       where g.device_id = e.device_id and g.result = 'GRANTED'
                                         and g.occurred_at > now() - interval '10 minutes'), '-infinity')
      group by e.device_id
     having count(*) >= ?`,
    [deviceCodes.join(','), threshold],
  );
  if (streaks.length === 0) return [];
  return inTransaction(ctx, async (tx) => {
    const devices = new Map(
      (await tx.em.find(Device, { code: { $in: streaks.map((s) => s.device_id) } })).map((d) => [d.code, d]),
    );
    return raiseAlarms(
      tx,
      streaks.map((s) => {
        const device = devices.get(s.device_id) ?? null;
        return {
          kind: AlarmKind.REPEATED_FAILURES,
          dedupeKey: `failures:${s.device_id}:${s.first_seq}`,
          device,
          deviceCode: s.device_id,
          passagePointId: s.passage_point_id,
          message: `${device ? `${device.name}（${device.code}）` : s.device_id}：连续 ${s.failures} 次验证失败`,
          raisedAt: new Date(s.last_at),
        };
      }),
    );
  });
}

export async function acknowledgeAlarm(
  ctx: RequestContext,
  id: string,
  note?: string | null,
): Promise<Alarm> {
  return changeAlarm(ctx, id, note ?? null, AlarmStatus.ACKNOWLEDGED);
}

export async function closeAlarm(ctx: RequestContext, id: string, note: string): Promise<Alarm> {
  if (!note.trim()) throw DeviceErrors.noteRequired();
  return changeAlarm(ctx, id, note, AlarmStatus.CLOSED);
}

async function changeAlarm(
  ctx: RequestContext,
  id: string,
  note: string | null,
  to: AlarmStatus.ACKNOWLEDGED | AlarmStatus.CLOSED,
): Promise<Alarm> {
  if (!isUuid(id)) throw DeviceErrors.alarmNotFound();
  return inTransaction(ctx, async (tx) => {
    const alarm = await tx.em.findOne(Alarm, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!alarm) throw DeviceErrors.alarmNotFound();
    if (alarm.status === AlarmStatus.CLOSED) throw DeviceErrors.alarmClosed();
    // Acknowledging twice (two guards tapping at once) is the same as once.
    if (alarm.status === to) return alarm;
    const before = alarm.status;
    const who = tx.principal?.username ?? null;
    const now = new Date();
    if (to === AlarmStatus.ACKNOWLEDGED || !alarm.acknowledgedAt) {
      alarm.acknowledgedBy = who;
      alarm.acknowledgedAt = now;
    }
    if (to === AlarmStatus.CLOSED) {
      alarm.closedBy = who;
      alarm.closedAt = now;
    }
    alarm.status = to;
    if (note?.trim()) alarm.note = note.trim().slice(0, 250);
    await recordAudit(tx, {
      action: to === AlarmStatus.CLOSED ? 'ALARM_CLOSE' : 'ALARM_ACKNOWLEDGE',
      entityType: 'Alarm',
      entityId: alarm.id,
      before: { status: before },
      after: { status: to, note: alarm.note ?? null, kind: alarm.kind, device: alarm.deviceCode },
    });
    await tx.em.flush();
    return alarm;
  });
}
