import type { RequestContext } from '../common/context.js';
import { isUuid } from '../common/ids.js';
import type { AccessEventFilter, AccessEventView, PresenceView } from './access-event.types.js';
import { Area } from './area.entity.js';

/** Passages by person, point, area, result and time, newest first (each month is its own partition). */
export async function accessEvents(
  ctx: RequestContext,
  filter: AccessEventFilter = {},
  offset = 0,
  limit = 50,
): Promise<AccessEventView[]> {
  const where: string[] = ['true'];
  const params: unknown[] = [];
  const add = (sql: string, ...v: unknown[]) => {
    where.push(sql);
    params.push(...v);
  };
  for (const [key, col] of [
    ['personId', 'e.person_id'],
    ['passagePointId', 'e.passage_point_id'],
  ] as const) {
    const v = filter[key];
    if (v) isUuid(v) ? add(`${col} = ?`, v) : add('false');
  }
  if (filter.areaId) {
    const area = isUuid(filter.areaId)
      ? await ctx.em.findOne(Area, filter.areaId, { fields: ['path'] })
      : null;
    if (!area) add('false');
    else {
      add(
        `e.passage_point_id in (select pp.id from passage_point pp join area a on a.id in (pp.to_area_id, pp.from_area_id)
          where a.path like ?)`,
        `${area.path}%`,
      );
    }
  }
  if (filter.result) add('e.result = ?', filter.result);
  if (filter.from) add('e.occurred_at >= ?', filter.from);
  if (filter.to) add('e.occurred_at < ?', filter.to);
  const rows = await ctx.em.getConnection().execute<Record<string, unknown>[]>(
    `select e.*, p.name as person_name from access_event e left join person p on p.id = e.person_id
      where ${where.join(' and ')} order by e.occurred_at desc, e.device_id, e.device_seq desc limit ? offset ?`,
    [...params, Math.min(Math.max(1, limit), 200), Math.max(0, offset)],
  );
  return rows.map((r) => ({
    id: r.id as string,
    occurredAt: new Date(r.occurred_at as string),
    deviceId: r.device_id as string,
    seq: Number(r.device_seq),
    passagePointId: (r.passage_point_id as string) ?? null,
    direction: (r.direction as AccessEventView['direction']) ?? null,
    personId: (r.person_id as string) ?? null,
    personName: (r.person_name as string) ?? null,
    result: r.result as AccessEventView['result'],
    reason: (r.reason as AccessEventView['reason']) ?? null,
    decidedOffline: r.decided_offline as boolean,
  }));
}

/** Who is inside this area or any area below it now: an index read, as a muster needs. */
export async function presence(ctx: RequestContext, areaId: string): Promise<PresenceView[]> {
  const area = isUuid(areaId) ? await ctx.em.findOne(Area, areaId, { fields: ['path'] }) : null;
  if (!area) return [];
  const rows = await ctx.em
    .getConnection()
    .execute<{ person_id: string; name: string; area_id: string; since: string }[]>(
      `select pr.person_id, p.name, pr.area_id, pr.since from presence pr
       join area a on a.id = pr.area_id join person p on p.id = pr.person_id
      where a.path like ? order by pr.since`,
      [`${area.path}%`],
    );
  return rows.map((r) => ({
    personId: r.person_id,
    personName: r.name,
    areaId: r.area_id,
    since: new Date(r.since),
  }));
}
