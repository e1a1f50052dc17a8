import { DENY_MESSAGES, type DenyReason } from '@park/core';
import type { AccessResult } from '../access/access-event.types.js';
import type { PassageDirection } from '../access/decide-access.types.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type RequestContext } from '../common/context.js';
import { writeSheet } from '../identity/import-file.js';
import { localDateTime } from './time-format.js';
import type { Visit } from './visit.entity.js';
import { IDS, peopleOf } from './visit.queries.js';
import { visitById } from './visit.service.js';
import { VisitStatus } from './visitor.enums.js';
import type { TrailEntry } from './visitor.types.js';

const MAX_ENTRIES = 5000;

// Refusals of a pass that has just died (a visitor trying the gate after the window) belong to the
// visit's trail too; two hours keeps a later visit's passages out of it.
const AFTER_WINDOW_MS = 2 * 3_600_000;

/** From the window's start to its check-out, or to two hours after its end (or now, if still inside). */
function span(v: Visit): { from: Date; until: Date } {
  if (v.checkedOutAt) return { from: v.validFrom, until: v.checkedOutAt };
  const after = v.validUntil.getTime() + AFTER_WINDOW_MS;
  const inside = v.status === VisitStatus.CHECKED_IN ? Date.now() : 0;
  return { from: v.validFrom, until: new Date(Math.max(after, inside)) };
}

/**
 * 访客轨迹: every passage and refusal of the visit's people during the visit, oldest first, with the
 * passage point, the area entered or left, and the reason of a refusal in Chinese. Host and 保卫部
 * only; the visitor is answered "not found".
 */
export async function visitTrail(ctx: RequestContext, visitId: string): Promise<TrailEntry[]> {
  const visit = await visitById(ctx, visitId, 'trail');
  return trailOf(ctx, visit);
}

async function trailOf(ctx: RequestContext, visit: Visit): Promise<TrailEntry[]> {
  const people = await peopleOf(ctx.em, [visit.id]);
  const { from, until } = span(visit);
  const rows = await ctx.em.getConnection().execute<
    {
      occurred_at: string;
      person_id: string | null;
      person_name: string | null;
      point_name: string | null;
      area_name: string | null;
      direction: PassageDirection | null;
      result: AccessResult;
      reason: DenyReason | null;
    }[]
  >(
    `select e.occurred_at, e.person_id, p.name as person_name, pp.name as point_name, a.name as area_name,
            e.direction, e.result, e.reason
       from access_event e left join person p on p.id = e.person_id
       left join passage_point pp on pp.id = e.passage_point_id left join area a on a.id = pp.to_area_id
      where e.person_id = ${IDS} and e.occurred_at >= ? and e.occurred_at <= ?
      order by e.occurred_at, e.device_id, e.device_seq limit ${MAX_ENTRIES}`,
    [people.map((p) => p.personId).join(','), from, until],
  );
  return rows.map((r) => ({
    at: new Date(r.occurred_at),
    personId: r.person_id,
    personName: r.person_name ?? '',
    passagePointName: r.point_name,
    areaName: r.area_name,
    direction: r.direction,
    result: r.result,
    reason: r.reason,
    message: r.reason ? (DENY_MESSAGES[r.reason] ?? r.reason) : null,
  }));
}

const COLUMNS = [
  { key: 'at', header: '时间', width: 20 },
  { key: 'person', header: '人员' },
  { key: 'point', header: '通行点', width: 20 },
  { key: 'area', header: '区域', width: 20 },
  { key: 'direction', header: '方向', width: 8 },
  { key: 'result', header: '结果', width: 8 },
  { key: 'reason', header: '说明', width: 40 },
] as const;

/** The trail as XLSX (the export helper of the archive), audited: personal data leaving in bulk. */
export async function exportVisitTrail(ctx: RequestContext, visitId: string) {
  const visit = await visitById(ctx, visitId, 'trail');
  const trail = await trailOf(ctx, visit);
  const [visitor] = await peopleOf(ctx.em, [visit.id]);
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, {
      action: 'VISIT_TRAIL_EXPORT',
      entityType: 'Visit',
      entityId: visit.id,
      after: { count: trail.length },
    }),
  );
  const content = await writeSheet(
    '访客轨迹',
    COLUMNS,
    trail.map((t) => ({
      at: localDateTime(t.at, true),
      person: t.personName,
      point: t.passagePointName ?? '',
      area: t.areaName ?? '',
      direction: t.direction === 'IN' ? '进' : t.direction === 'OUT' ? '出' : '',
      result: t.result === 'GRANTED' ? '放行' : '拒绝',
      reason: t.message ?? '',
    })),
  );
  return {
    filename: `访客轨迹-${visitor?.name ?? ''}-${localDateTime(visit.validFrom).slice(0, 10)}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: content.toString('base64'),
    count: trail.length,
  };
}
