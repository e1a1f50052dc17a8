import type { FilterQuery } from '@mikro-orm/core';
import type { RequestContext } from '../common/context.js';
import { notFound, unauthenticated } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { Permission } from '../common/permission.js';
import { OrgUnit } from './org-unit.entity.js';
import { Person } from './person.entity.js';

/**
 * Which people the caller may see, as a filter to AND into any query: everyone (PERSON_READ_ALL),
 * themself plus the subtrees of units they head (department heads), or only themself.
 */
export async function personScope(ctx: RequestContext): Promise<FilterQuery<Person>> {
  const p = ctx.principal;
  if (!p) throw unauthenticated();
  if (p.permissions.has(Permission.PERSON_READ_ALL)) return {};
  if (!p.personId) return { id: null };
  const headed = await ctx.em.find(OrgUnit, { headPersonId: p.personId }, { fields: ['path'] });
  if (headed.length === 0) return { id: p.personId };
  return {
    $or: [{ id: p.personId }, ...headed.map((u) => ({ orgUnit: { path: { $like: `${u.path}%` } } }))],
  };
}

/** Loads one person if in scope; "not found" either way, so existence does not leak. */
export async function personInScope(ctx: RequestContext, id: string): Promise<Person> {
  const scope = await personScope(ctx);
  const person = isUuid(id) ? await ctx.em.findOne(Person, { $and: [{ id }, scope] }) : null;
  if (!person) throw notFound('人员');
  return person;
}
