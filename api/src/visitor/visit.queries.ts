import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../common/context.js';
import { isUuid } from '../common/ids.js';
import { Visit } from './visit.entity.js';
import type { VisitAudience } from './visitor.events.js';

// Ids travel as one comma-joined text parameter: knex would spread an array binding into a list.
export const IDS = "any(string_to_array(?, ',')::uuid[])";

export interface VisitPersonRow {
  visitId: string;
  personId: string;
  name: string;
  idNumber: string | null;
  companion: boolean;
}

/** Raw SQL on the context's EntityManager: inside its transaction when it has one. */
const run = <T>(em: EntityManager, sql: string, params: unknown[]) =>
  em.execute(sql, params) as unknown as Promise<T[]>;

export function audienceOf(v: Visit): VisitAudience {
  return { visitId: v.id, visitorId: v.visitor.id, hostId: v.host.id };
}

/** A visit loaded for a change, locked so a decision, a passage and a cancellation cannot cross. */
export async function lockVisit(tx: RequestContext, id: string): Promise<Visit | null> {
  return isUuid(id) ? tx.em.findOne(Visit, id, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
}

/** The people of these visits, visitor first, each with their name and (unmasked) ID number. */
export async function peopleOf(em: EntityManager, visitIds: readonly string[]): Promise<VisitPersonRow[]> {
  if (visitIds.length === 0) return [];
  const rows = await run<{
    visit_id: string;
    person_id: string;
    name: string;
    id_number: string | null;
    companion: boolean;
  }>(
    em,
    `select vp.visit_id, vp.person_id, p.name, p.id_number, vp.companion
       from visit_person vp join person p on p.id = vp.person_id
      where vp.visit_id = ${IDS} order by vp.visit_id, vp.seq`,
    [visitIds.join(',')],
  );
  return rows.map((r) => ({
    visitId: r.visit_id,
    personId: r.person_id,
    name: r.name,
    idNumber: r.id_number,
    companion: r.companion,
  }));
}

/** The first of these people who already has an approved (or ongoing) visit overlapping the window. */
export async function overlapping(
  em: EntityManager,
  personIds: readonly string[],
  from: Date,
  until: Date,
  exceptVisitId?: string,
): Promise<string | null> {
  const [row] = await run<{ name: string }>(
    em,
    `select p.name from visit v join visit_person vp on vp.visit_id = v.id join person p on p.id = vp.person_id
      where vp.person_id = ${IDS} and v.status in ('APPROVED', 'CHECKED_IN')
        and v.valid_from < ? and v.valid_until > ? and v.id <> ? limit 1`,
    [personIds.join(','), until, from, exceptVisitId ?? '00000000-0000-0000-0000-000000000000'],
  );
  return row?.name ?? null;
}

/** Those of these people the presence table has in a non-public area now (still inside). */
export async function insideNow(em: EntityManager, personIds: readonly string[]): Promise<string[]> {
  if (personIds.length === 0) return [];
  const rows = await run<{ person_id: string }>(
    em,
    `select pr.person_id from presence pr join area a on a.id = pr.area_id
      where pr.person_id = ${IDS} and a.security_level <> 'PUBLIC'`,
    [personIds.join(',')],
  );
  return rows.map((r) => r.person_id);
}
