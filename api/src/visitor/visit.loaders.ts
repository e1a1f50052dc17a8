import type { RequestContext } from '../common/context.js';
import { loaderFor } from '../common/loader.js';
import { Person } from '../identity/person.entity.js';
import type { Visit } from './visit.entity.js';
import { peopleOf, type VisitPersonRow } from './visit.queries.js';
import { toVisitHost } from './visit-hosts.service.js';
import { type VisitAreaCatalogue, visitAreaCatalogue } from './visit-policy.js';
import type { VisitHost } from './visitor.types.js';

// The per-request loaders behind a Visit's fields (people, host, areas), in one place so that the
// service which just booked a visit can hand them what it already holds instead of reading it again.

export const visitPeopleLoader = (ctx: RequestContext) =>
  loaderFor<string, VisitPersonRow[]>(ctx, 'visit-people', async (ids) => {
    const rows = await peopleOf(ctx.em, ids);
    const m = new Map<string, VisitPersonRow[]>();
    for (const r of rows) m.set(r.visitId, [...(m.get(r.visitId) ?? []), r]);
    return m;
  });

export const visitHostLoader = (ctx: RequestContext) =>
  loaderFor<string, VisitHost>(ctx, 'visit-host', async (ids) => {
    const people = await ctx.em
      .fork()
      .find(Person, { id: { $in: ids } }, { fields: ['id', 'name', 'orgUnit'] });
    return new Map(await Promise.all(people.map(async (p) => [p.id, await toVisitHost(ctx, p)] as const)));
  });

/** The area catalogue, read once per request whatever number of visits it lists. */
export const visitAreasLoader = (ctx: RequestContext) =>
  loaderFor<'all', VisitAreaCatalogue>(ctx, 'visit-areas', async () => {
    return new Map([['all', await visitAreaCatalogue(ctx)]]);
  });

/**
 * After a booking has committed: what the answer's fields would read back (people, host, areas) is
 * what the booking itself just wrote or read, so the request's loaders get it directly.
 */
export async function primeBooked(
  ctx: RequestContext,
  visit: Visit,
  people: readonly Person[],
  host: Person,
  catalogue: VisitAreaCatalogue,
): Promise<void> {
  visitPeopleLoader(ctx).prime(
    visit.id,
    people.map((p, seq) => ({
      visitId: visit.id,
      personId: p.id,
      name: p.name,
      idNumber: p.idNumber ?? null,
      companion: seq > 0,
    })),
  );
  visitHostLoader(ctx).prime(host.id, await toVisitHost(ctx, host));
  visitAreasLoader(ctx).prime('all', catalogue);
}
