import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { compareCursors, type GateCache, type GatePatch } from '@park/core';
import { currentCursor, executeOn, gateSnapshot, readGatePeople } from '../access/gate-snapshot.service.js';
import type { RequestContext } from '../common/context.js';

/** Changes to these reshape the whole site (or its keys): a gate gets a fresh snapshot, not a patch. */
const STRUCTURAL = new Set(['Area', 'PassagePoint', 'Schedule', 'Calendar', 'Post', 'Import', 'SigningKey']);

export type GateChanges = { snapshot: GateCache; patch?: never } | { patch: GatePatch; snapshot?: never };

/** The cursor a gate is at once it applied `changes`. */
export const cursorOf = (changes: GateChanges): string =>
  changes.snapshot ? changes.snapshot.cursor : changes.patch.cursor;

/**
 * What a gate at `from` needs to reach the present. The audit log is the change log: every change a
 * gate cares about writes an entry in the same transaction, so the entries after `from` name exactly
 * the people whose gate records changed. A cursor that is missing, from another database, or too far
 * behind gets a full snapshot.
 */
export async function gateChangesSince(
  ctx: RequestContext,
  from: string | null | undefined,
  maxEntries: number,
): Promise<GateChanges> {
  if (from == null || !/^\d{1,18}$/.test(from)) return { snapshot: await gateSnapshot(ctx) };
  const patch = await ctx.em.transactional(
    async (em): Promise<GatePatch | null> => {
      const execute = executeOn(em as EntityManager);
      const cursor = await currentCursor(execute);
      if (compareCursors(from, cursor) > 0) return null;
      const entries = await execute<{ entity_type: string; entity_id: string | null }[]>(
        'select entity_type, entity_id from audit_entry where seq > ? and seq <= ? order by seq limit ?',
        [from, cursor, maxEntries + 1],
      );
      if (entries.length > maxEntries || entries.some((e) => STRUCTURAL.has(e.entity_type))) return null;
      const idsOf = (type: string) =>
        entries.filter((e) => e.entity_type === type && e.entity_id).map((e) => e.entity_id as string);
      const people = new Set(idsOf('Person'));
      const cards = idsOf('Card');
      const grants = idsOf('AccessGrant');
      if (cards.length + grants.length > 0) {
        const owners = await execute<{ person_id: string }[]>(
          `select person_id from card where id = any(string_to_array(?, ',')::uuid[])
           union select person_id from access_grant where id = any(string_to_array(?, ',')::uuid[])`,
          [cards.join(','), grants.join(',')],
        );
        for (const o of owners) people.add(o.person_id);
      }
      const records =
        people.size > 0
          ? await readGatePeople(execute, [...people])
          : { people: [], inactive: [], cards: [] };
      return {
        fromCursor: from,
        cursor,
        generatedAt: Date.now(),
        people: records.people,
        removedPeople: records.inactive,
        cards: records.cards,
      };
    },
    // People, cards and grants as of exactly `cursor`: the patch and its cursor must agree.
    { isolationLevel: IsolationLevel.REPEATABLE_READ },
  );
  return patch ? { patch } : { snapshot: await gateSnapshot(ctx) };
}
