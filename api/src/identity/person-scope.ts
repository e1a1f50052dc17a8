import type { RequestContext } from '../common/context.js';
import { notFound, unauthenticated } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { Permission } from '../common/permission.js';
import { Person } from './person.entity.js';

/** A parameterised SQL condition over the `person` table aliased `p`. */
export interface Sql {
  text: string;
  params: unknown[];
}

/**
 * Which people the caller may see, as one SQL condition to AND into any query on person `p`:
 * everyone (PERSON_READ_ALL), themself plus the subtrees of the units they head (department heads),
 * or only themself. The one definition of person scope: lists, exports and single loads all use it.
 */
export async function scopeSql(ctx: RequestContext): Promise<Sql> {
  const p = ctx.principal;
  if (!p) throw unauthenticated();
  if (p.permissions.has(Permission.PERSON_READ_ALL)) return { text: 'true', params: [] };
  if (!p.personId) return { text: 'false', params: [] };
  const headed = (await ctx.org.ready(ctx.em)).headedBy(p.personId);
  if (headed.length === 0) return { text: 'p.id = ?', params: [p.personId] };
  const subtrees = headed.map(() => 'u.path like ?').join(' or ');
  return {
    text: `(p.id = ? or exists (select 1 from org_unit u where u.id = p.org_unit_id and (${subtrees})))`,
    params: [p.personId, ...headed.map((u) => `${u.path}%`)],
  };
}

/** Loads one person if in scope; "not found" either way, so existence does not leak. */
export async function personInScope(ctx: RequestContext, id: string): Promise<Person> {
  const scope = await scopeSql(ctx);
  const visible =
    isUuid(id) &&
    // ctx.em.execute: inside a transaction it runs on the transaction's own connection. A second
    // pooled connection per transaction starves the pool under concurrent updates (deadlock).
    (await ctx.em.execute(`select 1 from person p where p.id = ? and ${scope.text}`, [id, ...scope.params]))
      .length > 0;
  const person = visible ? await ctx.em.findOne(Person, id) : null;
  if (!person) throw notFound('人员');
  return person;
}
