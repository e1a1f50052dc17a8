import { IsolationLevel } from '@mikro-orm/core';
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
}

const ms = (d: string | null) => (d == null ? null : new Date(d).getTime());

/**
 * Everything a site's gates need to decide on their own, in the shared GateCache format. Read in
 * one repeatable-read transaction so people, cards and grants agree with each other and with the
 * cursor: the audit sequence, which every access-relevant change advances. Inactive people are
 * left out (their cards are listed as dead, so a gate says why it refuses).
 */
export async function gateSnapshot(ctx: RequestContext): Promise<GateCache> {
  const { site, points } = await ctx.site.get(ctx.em);
  return ctx.em.transactional(
    async (em) => {
      const conn = em.getConnection();
      const [{ seq }] = await conn.execute<{ seq: string | null }[]>(
        'select max(seq) as seq from audit_entry',
      );
      const people = await conn.execute<PersonRow[]>(
        `select id, name, status, type, post_id from person where status = 'ACTIVE'`,
      );
      const grants = await conn.execute<GrantRow[]>(
        `select g.id, g.person_id, g.area_id, g.source, g.valid_from, g.valid_until, g.schedule_id
           from access_grant g join person p on p.id = g.person_id
          where g.revoked_at is null and p.status = 'ACTIVE' and (g.valid_until is null or g.valid_until > now())`,
      );
      const postGrants = await conn.execute<
        { id: string; post_id: string; area_id: string; schedule_id: string | null }[]
      >('select id, post_id, area_id, schedule_id from post_area_grant');
      const cards = await conn.execute<{ number: string; status: GateCard['status']; person_id: string }[]>(
        // Dead cards only for a while: long-returned ones would just make the cache grow for ever.
        `select number, status, person_id from card
          where status in ('ACTIVE', 'LOST') or updated_at > now() - interval '90 days'`,
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
        });
        byPerson.set(g.person_id, list);
      }
      const byPost = new Map<string, Grant[]>();
      for (const g of postGrants) {
        const list = byPost.get(g.post_id) ?? [];
        list.push({ id: g.id, areaId: g.area_id, source: 'POST', scheduleId: g.schedule_id });
        byPost.set(g.post_id, list);
      }
      return {
        version: GATE_CACHE_VERSION,
        cursor: String(seq ?? 0),
        generatedAt: Date.now(),
        areas: [...site.areas.values()],
        points: [...points.values()],
        schedules: [...site.schedules.values()],
        calendar: site.calendar,
        people: people.map((p) => ({
          id: p.id,
          name: p.name,
          status: p.status,
          type: p.type,
          grants: [...(byPerson.get(p.id) ?? []), ...(p.post_id ? (byPost.get(p.post_id) ?? []) : [])],
        })),
        cards: cards.map((c) => ({ number: c.number, status: c.status, personId: c.person_id })),
        passJwks: ctx.passKeys.jwks() as GateCache['passJwks'],
      };
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ },
  );
}
