// Everything a server-side decision needs about one presentation, read in ONE statement: the card
// (when a card was shown), the person, their live grants and their post's defaults, where they are,
// and — only when the door leads into an area with an occupancy limit — how many are inside it.
// One round trip instead of six is what keeps decideAccess fast under load (bench/README.md).
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CardStatus, Grant, RecentPassage } from '@park/core';
import { preparedQuery } from './raw-sql.js';

export interface DecisionFacts {
  /** Status of the card shown; null when no card was (QR, face). */
  cardStatus: CardStatus | null;
  /** Null when the card's holder (or the given person) is not on file. */
  person: {
    id: string;
    name: string;
    status: 'ACTIVE' | 'INACTIVE';
    type: 'EMPLOYEE' | 'CONTRACTOR' | 'VISITOR' | 'OTHER';
  } | null;
  grants: Grant[];
  /** Innermost area the person is in; undefined when nothing is recorded. */
  presenceAreaId: string | undefined;
  /** People inside `occupancyOf` and its sub-areas; null when not asked. */
  occupancy: number | null;
}

interface Row {
  card_status: CardStatus | null;
  id: string | null;
  name: string | null;
  status: 'ACTIVE' | 'INACTIVE' | null;
  type: 'EMPLOYEE' | 'CONTRACTOR' | 'VISITOR' | 'OTHER' | null;
  presence_area_id: string | null;
  /** [id, area_id, source, valid_from ms, valid_until ms, schedule_id, escort_ids] */
  own:
    | [string, string, Grant['source'], number | null, number | null, string | null, string[] | null][]
    | null;
  /** [id, area_id, schedule_id] */
  post: [string, string, string | null][] | null;
  occupancy: string | number | null;
}

const epochMs = (col: string) => `(extract(epoch from ${col}) * 1000)::float8`;

// `p` is the person (or no row), `c` the card (or nulls); both come from the head chosen below.
const FACTS = `
  p.id, p.name, p.status, p.type,
  (select pr.area_id from presence pr where pr.person_id = p.id) as presence_area_id,
  (select json_agg(json_build_array(g.id, g.area_id, g.source, ${epochMs('g.valid_from')},
          ${epochMs('g.valid_until')}, g.schedule_id, g.escort_ids))
     from access_grant g where g.person_id = p.id and g.revoked_at is null) as own,
  (select json_agg(json_build_array(d.id, d.area_id, d.schedule_id))
     from post_area_grant d where d.post_id = p.post_id) as post`;

// Someone in a room is also inside every area around it, as the gates count it.
const OCCUPANCY = `(select count(*) from area sub join presence pr on pr.area_id = sub.id
   where sub.path like (select a.path from area a where a.id = ?) || '%') as occupancy`;

// The live card with that number if there is one, else its latest history (to say why it fails).
const BY_CARD = `from (select status as card_status, person_id from card where number = ?
   order by (status in ('ACTIVE', 'LOST')) desc, issued_at desc limit 1) c
   left join person p on p.id = c.person_id`;
const BY_PERSON = 'from person p where p.id = ?';

const statements = new Map<string, [name: string, sql: string]>();

/** The statement for one of the four shapes of question, built once: a prepared statement's name and text. */
function statement(byCard: boolean, occupancy: boolean): [name: string, sql: string] {
  const name = `decision-facts:${byCard ? 'card' : 'person'}${occupancy ? '+occupancy' : ''}`;
  let found = statements.get(name);
  if (!found) {
    const sql = `select ${byCard ? 'c.card_status' : 'null as card_status'}, ${FACTS},
      ${occupancy ? OCCUPANCY : 'null as occupancy'} ${byCard ? BY_CARD : BY_PERSON}`;
    found = [name, sql];
    statements.set(name, found);
  }
  return found;
}

/**
 * The facts for a card number or a person id. No row at all means the card is not registered (by
 * card) or the person is unknown (by person).
 */
export async function decisionFacts(
  em: EntityManager,
  who: { cardNumber: string } | { personId: string },
  occupancyOf: string | null,
): Promise<DecisionFacts | null> {
  const byCard = 'cardNumber' in who;
  const params = [...(occupancyOf ? [occupancyOf] : []), byCard ? who.cardNumber : who.personId];
  const [row] = await preparedQuery<Row>(em, ...statement(byCard, occupancyOf !== null), params);
  if (!row) return null;
  return {
    cardStatus: row.card_status,
    person: row.id ? { id: row.id, name: row.name!, status: row.status!, type: row.type! } : null,
    grants: [
      ...(row.own ?? []).map(([id, areaId, source, validFrom, validUntil, scheduleId, escortIds]) => ({
        id,
        areaId,
        source,
        validFrom,
        validUntil,
        scheduleId,
        ...(escortIds ? { escortIds } : {}),
      })),
      ...(row.post ?? []).map(([id, areaId, scheduleId]) => ({
        id,
        areaId,
        source: 'POST' as const,
        scheduleId,
      })),
    ],
    presenceAreaId: row.presence_area_id ?? undefined,
    occupancy: row.occupancy == null ? null : Number(row.occupancy),
  };
}

/**
 * Granted passages at one point in the `withinSeconds` before `at`, for the escort rule. Asked only
 * when a visitor enters an escort-required area, so ordinary decisions never pay for it.
 */
export async function recentPassages(
  em: EntityManager,
  pointId: string,
  at: Date,
  withinSeconds: number,
): Promise<RecentPassage[]> {
  const rows = await em.getConnection().execute<{ person_id: string; at: number; direction: 'IN' | 'OUT' }[]>(
    `select person_id, ${epochMs('occurred_at')} as at, direction from access_event
      where passage_point_id = ? and result = 'GRANTED' and person_id is not null and direction is not null
        and occurred_at >= ? and occurred_at <= ?`,
    [pointId, new Date(at.getTime() - withinSeconds * 1000), at],
  );
  return rows.map((r) => ({ personId: r.person_id, at: Number(r.at), direction: r.direction }));
}
