import type { PersonFormOptionsQuery } from '../gql/graphql';

type OrgUnitOption = PersonFormOptionsQuery['orgUnits'][number];
type PostOption = PersonFormOptionsQuery['posts'][number];

/** The company an org unit belongs to: itself or its nearest COMPANY ancestor. */
export function companyOf(orgUnitId: string | null, units: readonly OrgUnitOption[]): string | null {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const seen = new Set<string>();
  let current = orgUnitId ? byId.get(orgUnitId) : undefined;
  while (current && !seen.has(current.id)) {
    if (current.kind === 'COMPANY') return current.id;
    seen.add(current.id);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return null;
}

/** Posts belong to a company; offering another company's post would only earn POST_OTHER_COMPANY. */
export function postsFor(
  orgUnitId: string | null,
  units: readonly OrgUnitOption[],
  posts: readonly PostOption[],
): PostOption[] {
  const company = companyOf(orgUnitId, units);
  return company ? posts.filter((post) => post.company.id === company) : [...posts];
}
