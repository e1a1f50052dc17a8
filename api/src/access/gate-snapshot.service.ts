import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GATE_CACHE_VERSION, type GateCache, type GateCard, type GatePerson, type Grant } from '@park/core';
import type { RequestContext } from '../common/context.js';

interface PersonRow {
  id: string;
  name: string;
  status: GatePerson['status'];
  type: GatePerson['type'];
  post_id: string | null;
}

interface GrantRow {
  id: string;
  person_id: string;
  area_id: string;
  source: Grant['source'];
  valid_from: string | null;
  valid_until: string | null;
  schedule_id: string | null;
  escort_ids: string[] | null;
}

// Ids travel as one comma-joined text parameter: knex would spread an array binding into a list.
const IDS = "any(string_to_array(?, ',')::uuid[])";

const ms = (d: string | null) => (d == null ? null : new Date(d).getTime());

/** The gate records (person with every grant, and cards) of `personIds`, or of everyone when omitted. */
export interface GatePeople {
  people: GatePerson[];
  /** Asked-for people who are not active: the gates must forget them. */
  inactive: string[];
  cards: GateCard[];
}

export type Execute = <T>(sql: string, params?: unknown[]) => Promise<T>;

/** Raw SQL on `em`, inside its transaction when it has one. */
export const executeOn =
  (em: EntityManager): Execute =>
  <T>(sql: string, params: unknown[] = []) =>
    em.execute(sql, params) as unknown as Promise<T>;

/**
 * Reads people, grants and cards on one connection inside the caller's transaction, so they agree
 * with each other and with the cursor read alongside. Inactive people are left out of `people` (their
 * cards are listed as dead, so a gate says why it refuses).
 */
export async function readGatePeople(execute: Execute, personIds?: readonly string[]): Promise<GatePeople> {
  const only = personIds !== undefined;
  const ids = personIds ?? [];
  const people = await execute<(PersonRow & { active: boolean })[]>(
    only
      ? `select id, name, status, type, post_id, status = 'ACTIVE' as active from person where id = ${IDS}`
      : `select id, name, status, type, post_id, true as active from person where status = 'ACTIVE'`,
    only ? [ids.join(',')] : [],
  );
  const grants = await execute<GrantRow[]>(
    `select g.id, g.person_id, g.area_id, g.source, g.valid_from, g.valid_until, g.schedule_id, g.escort_ids
       from access_grant g join person p on p.id = g.person_id
      where g.revoked_at is null and p.status = 'ACTIVE' and (g.valid_until is null or g.valid_until > now())
        ${only ? `and g.person_id = ${IDS}` : ''}`,
    only ? [ids.join(',')] : [],
  );
  const postGrants = await execute<
    { id: string; post_id: string; area_id: string; schedule_id: string | null }[]
  >(
    only
      ? `select pg.id, pg.post_id, pg.area_id, pg.schedule_id from post_area_grant pg
          where pg.post_id in (select post_id from person where id = ${IDS})`
      : 'select id, post_id, area_id, schedule_id from post_area_grant',
    only ? [ids.join(',')] : [],
  );
  const cards = await execute<{ number: string; status: GateCard['status']; person_id: string }[]>(
    // Dead cards only for a while: long-returned ones would just make the cache grow for ever.
    `select number, status, person_id from card
      where (status in ('ACTIVE', 'LOST') or updated_at > now() - interval '90 days')
        ${only ? `and person_id = ${IDS}` : ''}`,
    only ? [ids.join(',')] : [],
  );
  const byPerson = new Map<string, Grant[]>();
  for (const g of grants) {
    const list = byPerson.get(g.person_id) ?? [];
    list.push({
      id: g.id,
      areaId: g.area_id,
      source: g.source,
      validFrom: ms(g.valid_from),
      validUntil: ms(g.valid_until),
      scheduleId: g.schedule_id,
      ...(g.escort_ids ? { escortIds: g.escort_ids } : {}),
    });
    byPerson.set(g.person_id, list);
  }
  const byPost = new Map<string, Grant[]>();
  for (const g of postGrants) {
    const list = byPost.get(g.post_id) ?? [];
    list.push({ id: g.id, areaId: g.area_id, source: 'POST', scheduleId: g.schedule_id });
    byPost.set(g.post_id, list);
  }
  const active = people.filter((p) => p.active);
  const known = new Set(people.map((p) => p.id));
  return {
    people: active.map((p) => ({
      id: p.id,
      name: p.name,
      status: p.status,
      type: p.type,
      grants: [...(byPerson.get(p.id) ?? []), ...(p.post_id ? (byPost.get(p.post_id) ?? []) : [])],
    })),
    // Unknown ids too: a person deleted outright must leave the gates as well.
    inactive: [...people.filter((p) => !p.active).map((p) => p.id), ...ids.filter((id) => !known.has(id))],
    cards: cards.map((c) => ({ number: c.number, status: c.status, personId: c.person_id })),
  };
}

/** The audit sequence every access-relevant change advances: the gates' cursor. */
export async function currentCursor(execute: Execute): Promise<string> {
  const [{ seq }] = await execute<{ seq: string | null }[]>('select max(seq) as seq from audit_entry');
  return String(seq ?? 0);
}

/**
 * Everything a site's gates need to decide on their own, in the shared GateCache format. Read in
 * one repeatable-read transaction so people, cards and grants agree with each other and with the
 * cursor: the audit sequence, which every access-relevant change advances.
 */
export async function gateSnapshot(ctx: RequestContext): Promise<GateCache> {
  const { site, points } = await ctx.site.get(ctx.em);
  return ctx.em.transactional(
    async (em) => {
      const execute = executeOn(em as EntityManager);
      const cursor = await currentCursor(execute);
      const { people, cards } = await readGatePeople(execute);
      return {
        version: GATE_CACHE_VERSION,
        cursor,
        generatedAt: Date.now(),
        areas: [...site.areas.values()],
        points: [...points.values()],
        schedules: [...site.schedules.values()],
        calendar: site.calendar,
        people,
        cards,
        passJwks: ctx.passKeys.jwks() as GateCache['passJwks'],
      };
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ },
  );
}
