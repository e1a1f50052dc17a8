import { isValidPhone, normalizePhone } from '@park/core';
import type { RequestContext } from '../common/context.js';
import { isUuid } from '../common/ids.js';
import { OrgUnitKind, PersonStatus, PersonType } from '../identity/identity.enums.js';
import { Person } from '../identity/person.entity.js';
import { VisitorErrors } from './visitor.errors.js';
import type { VisitHost } from './visitor.types.js';

/** The host of a new visit: an active employee, or HOST_INVALID. */
export async function activeHost(ctx: RequestContext, hostId: string): Promise<Person> {
  const host = isUuid(hostId) ? await ctx.em.findOne(Person, hostId) : null;
  if (!host || host.type !== PersonType.EMPLOYEE || host.status !== PersonStatus.ACTIVE)
    throw VisitorErrors.badHost();
  return host;
}

/** The department a visitor is shown for a host: the nearest department above their team, else their unit. */
export async function departmentOf(
  ctx: RequestContext,
  orgUnitId: string | null | undefined,
): Promise<string | null> {
  const org = await ctx.org.ready(ctx.em);
  const unit = org.unit(orgUnitId);
  if (!unit) return null;
  const chain = unit.path.split('/').filter(Boolean).reverse();
  for (const id of chain) {
    const u = org.unit(id);
    if (u?.kind === OrgUnitKind.DEPARTMENT) return u.name;
  }
  return unit.name;
}

export async function toVisitHost(
  ctx: RequestContext,
  p: Pick<Person, 'id' | 'name' | 'orgUnit'>,
): Promise<VisitHost> {
  return { id: p.id, name: p.name, department: await departmentOf(ctx, p.orgUnit?.id) };
}

/**
 * Host search for a visitor: active employees by part of their name (two characters at least, so a
 * single surname does not list the plant) or by their exact phone number, answering name and
 * department only, at most VISIT_HOST_SEARCH_LIMIT of them.
 */
export async function visitHosts(ctx: RequestContext, keyword: string): Promise<VisitHost[]> {
  const k = keyword.trim();
  const phone = normalizePhone(k);
  const byPhone = isValidPhone(phone);
  if (!byPhone && [...k].length < 2) return [];
  const like = `%${k.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const people = await ctx.em.find(
    Person,
    {
      type: PersonType.EMPLOYEE,
      status: PersonStatus.ACTIVE,
      ...(byPhone ? { phone } : { name: { $like: like } }),
    },
    {
      orderBy: { name: 'asc', id: 'asc' },
      limit: ctx.config.VISIT_HOST_SEARCH_LIMIT,
      fields: ['id', 'name', 'orgUnit'],
    },
  );
  return Promise.all(people.map((p) => toVisitHost(ctx, p)));
}
