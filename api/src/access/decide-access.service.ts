import { type Credential, type DecisionState, decide, deny, type Grant, presenceOrAssumed } from '@park/core';
import type { RequestContext } from '../common/context.js';
import { DomainError } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { AccessDenied, AccessGranted, type DecideAccessInput } from './decide-access.types.js';

interface PersonRow {
  id: string;
  name: string;
  status: 'ACTIVE' | 'INACTIVE';
  type: 'EMPLOYEE' | 'CONTRACTOR' | 'VISITOR' | 'OTHER';
  post_id: string | null;
}

// Raw rows carry timestamps as text (MikroORM's driver settings); parse either form.
const ms = (d: Date | string | null) => (d == null ? null : new Date(d).getTime());

/**
 * The server's decision for one presentation at one passage point, by the same pure engine the
 * gates run (`@park/core`). Expected refusals are AccessDenied results, not errors; only a request
 * that names no credential or an unknown passage point is a caller error.
 */
export async function decideAccess(
  ctx: RequestContext,
  input: DecideAccessInput,
): Promise<AccessGranted | AccessDenied> {
  const { site, points } = await ctx.site.get(ctx.em);
  const point = isUuid(input.passagePointId) ? points.get(input.passagePointId) : undefined;
  if (!point) throw new DomainError('UNKNOWN_PASSAGE_POINT', '通行点不存在', { field: 'passagePointId' });
  if ([input.cardNumber, input.qrToken, input.personId].filter(Boolean).length !== 1) {
    throw new DomainError('VALIDATION', '须且只能提供卡号、通行码或人员之一', { field: 'cardNumber' });
  }
  const conn = ctx.em.getConnection();
  let credential: Credential;
  let personId: string | null;
  if (input.cardNumber) {
    // The live card with that number if there is one, else its latest history (to say why it fails).
    const [card] = await conn.execute<{ status: string; person_id: string }[]>(
      `select status, person_id from card where number = ?
       order by (status in ('ACTIVE', 'LOST')) desc, issued_at desc limit 1`,
      [input.cardNumber.trim().toUpperCase()],
    );
    if (!card) return denied('CARD_INVALID', null, '卡号未登记');
    credential = { kind: 'CARD', status: card.status as 'ACTIVE' };
    personId = card.person_id;
  } else if (input.qrToken) {
    const check = ctx.passVerifier.current().verify(input.qrToken, input.at ?? new Date());
    if (!check.ok) {
      const d = deny(check.reason);
      return { code: d.reason, message: d.message, personId: null };
    }
    credential = { kind: 'QR' };
    personId = check.personId;
  } else {
    credential = { kind: 'FACE' };
    personId = isUuid(input.personId) ? input.personId! : null;
  }
  const [person] = personId
    ? await conn.execute<PersonRow[]>('select id, name, status, type, post_id from person where id = ?', [
        personId,
      ])
    : [];
  if (!person) return denied('CARD_INVALID', null, '人员未登记');
  const grants = await grantsOf(ctx, person);
  const direction = input.direction;
  const [where] = await conn.execute<{ area_id: string }[]>(
    'select area_id from presence where person_id = ?',
    [person.id],
  );
  const limited = [...site.areas.values()].filter((a) => a.policy.maxOccupancy != null).map((a) => a.id);
  const counts = limited.length
    ? await conn.execute<{ area_id: string; n: string }[]>(
        // Someone in a room is also inside every area around it, as the gates count it.
        `select a.id as area_id, count(*) as n from area a
           join area sub on sub.path like a.path || '%' join presence pr on pr.area_id = sub.id
          where a.id in (?) group by a.id`,
        [limited],
      )
    : [];
  const state: DecisionState = {
    presenceAreaId: presenceOrAssumed(where?.area_id, point, direction),
    occupancy: new Map(counts.map((c) => [c.area_id, Number(c.n)])),
    pendingScans: [],
    openInterlock: new Map(),
  };
  const decision = decide({
    at: (input.at ?? new Date()).getTime(),
    person: { id: person.id, status: person.status, type: person.type },
    credential,
    point,
    direction,
    grants,
    site,
    state,
  });
  if (!decision.allow) return { code: decision.reason, message: decision.message, personId: person.id };
  return {
    personId: person.id,
    personName: person.name,
    grantId: decision.grantId,
    antiPassbackViolation: decision.antiPassbackViolation,
  };
}

function denied(reason: 'CARD_INVALID', personId: string | null, detail: string): AccessDenied {
  const d = deny(reason, detail);
  return { code: d.reason, message: d.message, personId };
}

/** Personal and temporary grants, plus the post's defaults (the engine applies area policy to those). */
async function grantsOf(ctx: RequestContext, person: PersonRow): Promise<Grant[]> {
  const conn = ctx.em.getConnection();
  const own = await conn.execute<
    {
      id: string;
      area_id: string;
      source: Grant['source'];
      valid_from: Date | null;
      valid_until: Date | null;
      schedule_id: string | null;
    }[]
  >(
    'select id, area_id, source, valid_from, valid_until, schedule_id from access_grant where person_id = ? and revoked_at is null',
    [person.id],
  );
  const fromPost = person.post_id
    ? await conn.execute<{ id: string; area_id: string; schedule_id: string | null }[]>(
        'select id, area_id, schedule_id from post_area_grant where post_id = ?',
        [person.post_id],
      )
    : [];
  return [
    ...own.map((g) => ({
      id: g.id,
      areaId: g.area_id,
      source: g.source,
      validFrom: ms(g.valid_from),
      validUntil: ms(g.valid_until),
      scheduleId: g.schedule_id,
    })),
    ...fromPost.map((g) => ({
      id: g.id,
      areaId: g.area_id,
      source: 'POST' as const,
      scheduleId: g.schedule_id,
    })),
  ];
}
