import type { PresenceQuery } from '../gql/graphql';

type PresenceRow = PresenceQuery['presence'][number];

export interface PresenceGroup {
  areaId: string;
  rows: PresenceRow[];
}

/** People grouped by the exact area they are in, in tree order; the longest inside first within each. */
export function groupPresence(rows: readonly PresenceRow[], areaOrder: readonly string[]): PresenceGroup[] {
  const rank = new Map(areaOrder.map((id, index) => [id, index]));
  const groups = new Map<string, PresenceRow[]>();
  for (const row of rows) groups.set(row.areaId, [...(groups.get(row.areaId) ?? []), row]);
  return [...groups.entries()]
    .sort(([a], [b]) => (rank.get(a) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b) ?? Number.MAX_SAFE_INTEGER))
    .map(([areaId, list]) => ({ areaId, rows: [...list].sort((x, y) => x.since.localeCompare(y.since)) }));
}
