import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Card } from '../identity/card.entity.js';
import { CardStatus } from '../identity/identity.enums.js';
import { Person } from '../identity/person.entity.js';
import { createTestSite } from '../testing/access-fixtures.js';
import { failure, ok } from '../testing/helpers.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';
import { PostAreaGrant } from './post-area-grant.entity.js';

const SCHEDULE = `mutation($i:ScheduleInput!){createSchedule(input:$i){id}}`;
const GRANT = `mutation($i:GrantInput!){grantAccess(input:$i){id}}`;
const REVOKE = `mutation($g:ID!,$r:String!){revokeGrant(grantId:$g,reason:$r){id}}`;
const OFFBOARD = `mutation($id:ID!,$r:String!){offboardPerson(id:$id,reason:$r){exitAt}}`;
const CALENDAR = `mutation($d:[CalendarDayInput!]!){setCalendarYear(year:2026,days:$d){date}}`;
const DECIDE = `query($i:DecideAccessInput!){decideAccess(input:$i){
  __typename ... on AccessGranted{personId personName grantId} ... on AccessDenied{code message}}}`;

let env: TestEnvironment;
let security: string;
const ids: Record<string, string> = {};
let zhangsan: { id: string; card: string };

// 2026-11-24 is a Tuesday; times are Beijing time.
const at = (local: string) => new Date(`${local}+08:00`).toISOString();

beforeAll(async () => {
  env = await createTestEnvironment({ seed: true });
  security = await env.login('security', 'security123');
  Object.assign(ids, await createTestSite(env, security));
  ids.dayShift = ok(
    await env.gql(
      SCHEDULE,
      {
        i: {
          name: '白班',
          dayKinds: ['WORKDAY'],
          intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '17:30' })),
        },
      },
      security,
    ),
  ).createSchedule.id;
  const em = env.context().em;
  const person = await em.findOneOrFail(Person, { name: '张三' });
  zhangsan = {
    id: person.id,
    card: (await em.findOneOrFail(Card, { person: person.id, status: CardStatus.ACTIVE })).number,
  };
  // The 巡检员 post opens the production area by default, and (wrongly, on purpose) names the key area too.
  em.create(PostAreaGrant, { post: person.post!.id, area: ids.prod });
  em.create(PostAreaGrant, { post: person.post!.id, area: ids.ccr });
  await em.flush();
});
afterAll(() => env?.stop());

const decideCard = async (pointId: string, when: string, card = zhangsan.card) =>
  ok(
    await env.gql(
      DECIDE,
      { i: { passagePointId: pointId, direction: 'IN', cardNumber: card, at: at(when) } },
      security,
    ),
  ).decideAccess;

describe('decideAccess', () => {
  it('lets an inspector through the production gate on the post default', async () => {
    expect(await decideCard(ids.gate, '2026-11-24T09:00:00')).toMatchObject({
      __typename: 'AccessGranted',
      personName: '张三',
    });
  });

  it('keeps the key area shut to post defaults', async () => {
    expect(await decideCard(ids.ccrDoor, '2026-11-24T09:00:00')).toMatchObject({
      __typename: 'AccessDenied',
      code: 'NO_GRANT',
    });
  });

  it('opens the key area on a personal day-shift grant, only inside the shift, not on a holiday, and not after the window', async () => {
    const grant = ok(
      await env.gql(
        GRANT,
        {
          i: {
            personId: zhangsan.id,
            areaId: ids.ccr,
            scheduleId: ids.dayShift,
            validUntil: at('2026-12-01T00:00:00'),
          },
        },
        security,
      ),
    ).grantAccess.id;
    expect(await decideCard(ids.ccrDoor, '2026-11-24T09:00:00')).toMatchObject({
      __typename: 'AccessGranted',
      grantId: grant,
    });
    expect(await decideCard(ids.ccrDoor, '2026-11-24T20:00:00')).toMatchObject({ code: 'OUTSIDE_SCHEDULE' });
    ok(await env.gql(CALENDAR, { d: [{ date: '2026-11-25', kind: 'HOLIDAY', name: '演练假日' }] }, security));
    expect(await decideCard(ids.ccrDoor, '2026-11-25T09:00:00')).toMatchObject({ code: 'HOLIDAY' });
    expect(await decideCard(ids.ccrDoor, '2026-12-01T09:00:00')).toMatchObject({
      code: 'GRANT_EXPIRED',
      message: '通行权限已过期',
    });
  });

  it('refuses an unknown card and a lost one with their own reasons', async () => {
    expect(await decideCard(ids.gate, '2026-11-24T09:00:00', 'NOSUCH1')).toMatchObject({
      code: 'CARD_INVALID',
    });
    const em = env.context().em;
    const card = await em.findOneOrFail(Card, { number: zhangsan.card });
    const hr = await env.login('hr', 'hr123456');
    ok(await env.gql(`mutation($c:ID!){reportCardLost(cardId:$c){status}}`, { c: card.id }, hr));
    expect(await decideCard(ids.gate, '2026-11-24T09:00:00')).toMatchObject({
      code: 'CARD_LOST',
      message: '此卡已挂失，禁止通行',
    });
  });

  it('refuses on the very next decision once a grant is revoked or its holder offboarded', async () => {
    const em = env.context().em;
    const post = (await em.findOneOrFail(Person, zhangsan.id)).post!.id;
    // Someone whose post does not open production by default, so only the personal grant admits them.
    const [other] = await em.getConnection().execute(
      `select p.id, c.number from person p join card c on c.person_id = p.id and c.status = 'ACTIVE'
        where p.status = 'ACTIVE' and p.post_id is distinct from ? order by p.id limit 1`,
      [post],
    );
    const decide = () => decideCard(ids.gate, '2026-11-24T09:00:00', other.number);
    const grantProd = async () =>
      ok(await env.gql(GRANT, { i: { personId: other.id, areaId: ids.prod } }, security)).grantAccess.id;

    const grant = await grantProd();
    expect(await decide()).toMatchObject({ __typename: 'AccessGranted', grantId: grant });
    ok(await env.gql(REVOKE, { g: grant, r: '调岗' }, security));
    expect(await decide()).toMatchObject({ code: 'NO_GRANT' });

    const again = await grantProd();
    expect(await decide()).toMatchObject({ __typename: 'AccessGranted', grantId: again });
    const hr = await env.login('hr', 'hr123456');
    ok(await env.gql(OFFBOARD, { id: other.id, r: '离职' }, hr));
    expect(await decide()).toMatchObject({ code: 'PERSON_INACTIVE' });
  });

  it('is for gates and security, not for HR; and an unknown passage point is a caller error', async () => {
    const hr = await env.login('hr', 'hr123456');
    const i = { passagePointId: ids.gate, direction: 'IN', cardNumber: zhangsan.card };
    expect(failure(await env.gql(DECIDE, { i }, hr)).code).toBe('FORBIDDEN');
    expect(failure(await env.gql(DECIDE, { i: { ...i, passagePointId: 'x' } }, security)).code).toBe(
      'UNKNOWN_PASSAGE_POINT',
    );
  });
});
