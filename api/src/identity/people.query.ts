import type { FilterQuery } from '@mikro-orm/core';
import type { RequestContext } from '../common/context.js';
import { isUuid } from '../common/ids.js';
import { Permission } from '../common/permission.js';
import { Card } from './card.entity.js';
import { CardStatus } from './identity.enums.js';
import { OrgUnit } from './org-unit.entity.js';
import { Person } from './person.entity.js';
import type { PeopleFilter } from './person.input.js';
import { personScope } from './person-scope.js';

export const MAX_PAGE = 200;

/** The filter for `people` and `exportPeople`, always narrowed to the caller's scope. */
export async function peopleWhere(
  ctx: RequestContext,
  filter: PeopleFilter = {},
): Promise<FilterQuery<Person>> {
  const and: FilterQuery<Person>[] = [await personScope(ctx)];
  if (filter.type) and.push({ type: filter.type });
  if (filter.status) and.push({ status: filter.status });
  if (filter.orgUnitId) {
    const unit = isUuid(filter.orgUnitId)
      ? await ctx.em.findOne(OrgUnit, filter.orgUnitId, { fields: ['path'] })
      : null;
    and.push(unit ? { orgUnit: { path: { $like: `${unit.path}%` } } } : { id: null });
  }
  const s = filter.search?.trim();
  if (s) {
    const like = `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const or: FilterQuery<Person>[] = [{ name: { $ilike: like } }, { phone: s }, { employeeNo: s }];
    // Searching by ID number would let a caller probe numbers they may not read.
    if (ctx.principal?.permissions.has(Permission.PERSON_READ_SENSITIVE))
      or.push({ idNumber: s.toUpperCase() });
    const cards = await ctx.em.find(
      Card,
      { number: s, status: { $in: [CardStatus.ACTIVE, CardStatus.LOST] } },
      { fields: ['person'] },
    );
    if (cards.length) or.push({ id: { $in: cards.map((c) => c.person.id) } });
    and.push({ $or: or });
  }
  return { $and: and };
}

export async function listPeople(
  ctx: RequestContext,
  filter: PeopleFilter | undefined,
  offset: number,
  limit: number,
) {
  const where = await peopleWhere(ctx, filter);
  // The page actually served, so a client paging by `offset += limit` neither skips nor repeats rows.
  const page = { offset: Math.max(0, offset), limit: Math.min(Math.max(1, limit), MAX_PAGE) };
  const [items, total] = await ctx.em.findAndCount(Person, where, {
    populate: ['orgUnit', 'post'],
    orderBy: { name: 'asc', id: 'asc' },
    ...page,
  });
  return { items, total, ...page };
}
