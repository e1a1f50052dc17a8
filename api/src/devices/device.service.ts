import { LockMode } from '@mikro-orm/core';
import type { PassageDirection } from '../access/decide-access.types.js';
import { PassagePoint } from '../access/passage-point.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type RequestContext } from '../common/context.js';
import { isUuid } from '../common/ids.js';
import { raiseAlarms } from './alarm.service.js';
import { Device } from './device.entity.js';
import { AlarmKind, type DeviceKind } from './devices.enums.js';
import { DEVICE_CODE, DeviceErrors } from './devices.errors.js';

export interface RegisterDeviceInput {
  code: string;
  name: string;
  kind: DeviceKind;
  driver: string;
  siteId: string;
  passagePointId?: string | null;
  direction?: PassageDirection | null;
}

export async function registerDevice(ctx: RequestContext, input: RegisterDeviceInput): Promise<Device> {
  const code = input.code.trim();
  if (!DEVICE_CODE.test(code)) throw DeviceErrors.badCode();
  if (!DEVICE_CODE.test(input.siteId)) throw DeviceErrors.badSite();
  const name = input.name.trim();
  return inTransaction(ctx, async (tx) => {
    if (await tx.em.count(Device, { code })) throw DeviceErrors.duplicateCode();
    let point: PassagePoint | null = null;
    if (input.passagePointId) {
      point = isUuid(input.passagePointId) ? await tx.em.findOne(PassagePoint, input.passagePointId) : null;
      if (!point) throw DeviceErrors.unknownPoint();
    }
    const now = new Date();
    const device = tx.em.create(Device, {
      code,
      name: name || code,
      kind: input.kind,
      driver: input.driver.trim() || 'generic-json',
      siteId: input.siteId,
      passagePoint: point,
      direction: input.direction ?? null,
      stateSince: now,
    });
    await recordAudit(tx, {
      action: 'DEVICE_REGISTER',
      entityType: 'Device',
      entityId: device.id,
      after: { code, kind: input.kind, siteId: input.siteId, passagePointId: point?.id ?? null },
    });
    await tx.em.flush();
    // Offline until its bridge first reports it: a device never heard from counts against the rate.
    await tx.em.execute(
      'insert into device_state_span (device_id, online, started_at) values (?, false, ?)',
      [device.id, now],
    );
    return device;
  });
}

export interface DeviceStatusReport {
  code: string;
  online: boolean;
}

export interface StatusResult {
  updated: number;
  unknown: string[];
}

/**
 * A bridge's heartbeat: the state of each of its devices (from their retained availability). Every
 * reported device counts as seen now; a change of state closes the open span and starts another, so
 * the online rate is a sum of spans. Going offline raises a DEVICE_OFFLINE alarm.
 */
export async function reportDeviceStatus(
  ctx: RequestContext,
  siteId: string,
  reports: readonly DeviceStatusReport[],
): Promise<StatusResult> {
  const byCode = new Map(reports.map((r) => [r.code, r.online]));
  return inTransaction(ctx, async (tx) => {
    // Locked in one order: two heartbeats of a starting bridge must queue, not deadlock.
    const devices = await tx.em.find(
      Device,
      { siteId, code: { $in: [...byCode.keys()] } },
      { orderBy: { code: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    const now = new Date();
    const changed: Device[] = [];
    for (const device of devices) {
      const online = byCode.get(device.code)!;
      device.lastSeenAt = now;
      if (device.online !== online) {
        device.online = online;
        device.stateSince = now;
        changed.push(device);
      }
    }
    await tx.em.flush();
    await switchSpans(tx, changed, now);
    await raiseAlarms(
      tx,
      changed.filter((d) => !d.online).map((d) => offlineAlarm(d, now, '网关报告设备离线')),
    );
    const known = new Set(devices.map((d) => d.code));
    return { updated: devices.length, unknown: [...byCode.keys()].filter((c) => !known.has(c)) };
  });
}

/**
 * Devices whose bridge stopped reporting them (bridge down, network cut) go offline after
 * DEVICE_OFFLINE_AFTER_SECONDS, with an alarm. Run periodically; `now` is a parameter for tests.
 */
export async function sweepSilentDevices(ctx: RequestContext, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - ctx.config.DEVICE_OFFLINE_AFTER_SECONDS * 1000);
  return inTransaction(ctx, async (tx) => {
    const silent = await tx.em.find(
      Device,
      { online: true, enabled: true, $or: [{ lastSeenAt: null }, { lastSeenAt: { $lt: cutoff } }] },
      { orderBy: { code: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    for (const d of silent) {
      d.online = false;
      d.stateSince = now;
    }
    await tx.em.flush();
    await switchSpans(tx, silent, now);
    await raiseAlarms(
      tx,
      silent.map((d) => offlineAlarm(d, now, `超过 ${ctx.config.DEVICE_OFFLINE_AFTER_SECONDS} 秒未收到心跳`)),
    );
    return silent.length;
  });
}

async function switchSpans(tx: RequestContext, devices: readonly Device[], at: Date): Promise<void> {
  if (devices.length === 0) return;
  const ids = devices.map((d) => d.id).join(',');
  await tx.em.execute(
    `update device_state_span set ended_at = greatest(?, started_at)
      where ended_at is null and device_id = any(string_to_array(?, ',')::uuid[])`,
    [at, ids],
  );
  for (const d of devices) {
    await tx.em.execute(
      `insert into device_state_span (device_id, online, started_at) values (?, ?, ?)
       on conflict (device_id, started_at) do update set online = excluded.online, ended_at = null`,
      [d.id, d.online, at],
    );
  }
}

function offlineAlarm(device: Device, at: Date, why: string) {
  return {
    kind: AlarmKind.DEVICE_OFFLINE,
    dedupeKey: `offline:${device.id}:${at.toISOString()}`,
    device,
    message: `${device.name}（${device.code}）离线：${why}`,
    raisedAt: at,
  };
}

export interface OnlineRate {
  /** Null when no device was registered during the period. */
  ratio: number | null;
  target: number;
  onlineSeconds: number;
  totalSeconds: number;
  devices: number;
}

/**
 * 门禁设备在线率 over [from, to): time online ÷ time registered, summed over enabled devices. A device
 * is offline from registration until its bridge first reports it, so a device nobody connected counts.
 */
export async function deviceOnlineRate(ctx: RequestContext, from: Date, to: Date): Promise<OnlineRate> {
  const [row] = await ctx.em.execute<{ online_s: string; total_s: string; devices: string }[]>(
    `select coalesce(sum(extract(epoch from (least(coalesce(s.ended_at, now()), ?::timestamptz)
                - greatest(s.started_at, ?::timestamptz)))) filter (where s.online), 0) as online_s,
            coalesce(sum(extract(epoch from (least(coalesce(s.ended_at, now()), ?::timestamptz)
                - greatest(s.started_at, ?::timestamptz)))), 0) as total_s,
            count(distinct s.device_id) as devices
       from device_state_span s join device d on d.id = s.device_id
      where d.enabled and s.started_at < ?::timestamptz and coalesce(s.ended_at, now()) > ?::timestamptz`,
    [to, from, to, from, to, from],
  );
  const online = Number(row?.online_s ?? 0);
  const total = Number(row?.total_s ?? 0);
  return {
    ratio: total > 0 ? online / total : null,
    target: 0.99,
    onlineSeconds: Math.round(online),
    totalSeconds: Math.round(total),
    devices: Number(row?.devices ?? 0),
  };
}
