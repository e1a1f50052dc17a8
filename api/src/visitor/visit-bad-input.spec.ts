import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Person } from '../identity/person.entity.js';
import { CHINESE, demoPlant, failure, ok, withBadCheckDigit } from '../testing/helpers.js';
import type { TestEnvironment } from '../testing/index.js';
import { type VisitSite, visitorIdNumber, wechatVisitor } from '../testing/visitor-fixtures.js';
import { Visit } from './visit.entity.js';
import {
  BOOK,
  closeVisitWorld,
  DECIDE,
  fromNow,
  HOUR,
  JPEG,
  openVisitWorld,
  type VisitWorld,
  visitBooking,
  visitRowCounts,
} from './visit.spec-support.js';
import { VisitStatus } from './visitor.enums.js';

// Bad bookings: each refused in Chinese with a code, and nothing written anywhere.

let world: VisitWorld;
let env: TestEnvironment;
let site: VisitSite;
let zhangsan: string;
let zhangsanId: string;
let alice: { token: string; personId: string };
const aliceId = visitorIdNumber();

const booking = (over: Record<string, unknown> = {}) => visitBooking(zhangsanId, aliceId, over);

const counts = () => visitRowCounts(env);

beforeAll(async () => {
  world = await openVisitWorld();
  ({ env, site, zhangsan, zhangsanId, alice } = world);
});
afterAll(() => closeVisitWorld(world));

describe('bad input', () => {
  it('refuses each in Chinese with a code, writing nothing', async () => {
    const bob = await wechatVisitor(env, 'bob');
    const bobId = visitorIdNumber('19700101');
    const yunxingId = await (await demoPlant(env)).personOf('yunxing');
    // An approved visit of bob's, tomorrow 10–12, for the overlap case.
    const first = ok(
      await env.gql(
        BOOK,
        {
          i: booking({
            name: '赵访客',
            idNumber: bobId,
            validFrom: fromNow(24 * HOUR),
            validUntil: fromNow(26 * HOUR),
          }),
        },
        bob.token,
      ),
    ).bookVisit;
    ok(await env.gql(DECIDE, { i: { requestId: first.approvalId, decision: 'APPROVE' } }, zhangsan));
    const mine = (over: Record<string, unknown>) => booking({ name: '赵访客', idNumber: bobId, ...over });
    const before = await counts();
    const cases: [string, Record<string, unknown>, string][] = [
      ['window in the past', { validFrom: fromNow(-3 * HOUR), validUntil: fromNow(-HOUR) }, 'WINDOW_IN_PAST'],
      ['window too long', { validUntil: fromNow(30 * HOUR) }, 'WINDOW_TOO_LONG'],
      [
        'window too far ahead',
        { validFrom: fromNow(40 * 24 * HOUR), validUntil: fromNow(40 * 24 * HOUR + HOUR) },
        'WINDOW_TOO_FAR',
      ],
      ['host is a visitor', { hostId: alice.personId }, 'HOST_INVALID'],
      ['host unknown', { hostId: '00000000-0000-4000-8000-000000000000' }, 'HOST_INVALID'],
      ['host not an id', { hostId: 'x' }, 'HOST_INVALID'],
      [
        'companion with a bad ID number',
        { companions: [{ name: '钱同行', idNumber: withBadCheckDigit(visitorIdNumber()) }] },
        'BAD_ID_NUMBER',
      ],
      ['companion is the visitor', { companions: [{ name: '赵访客', idNumber: bobId }] }, 'DUPLICATE_PERSON'],
      ['own bad ID number', { idNumber: withBadCheckDigit(bobId) }, 'BAD_ID_NUMBER'],
      ['key area', { areaIds: [site.ccr] }, 'AREA_NOT_REQUESTABLE'],
      ['public area', { areaIds: [site.site] }, 'AREA_NOT_REQUESTABLE'],
      ['unknown area', { areaIds: ['00000000-0000-4000-8000-000000000000'] }, 'UNKNOWN_AREA'],
      [
        'overlaps an approved visit',
        { validFrom: fromNow(25 * HOUR), validUntil: fromNow(27 * HOUR) },
        'VISIT_OVERLAP',
      ],
      ['bad plate', { plate: 'ABC' }, 'BAD_PLATE'],
      ['photo without consent', { photoBase64: JPEG }, 'CONSENT_REQUIRED'],
      [
        'photo that is no image',
        { photoBase64: Buffer.from('hello').toString('base64'), photoConsent: true },
        'BAD_PHOTO',
      ],
      ['no purpose', { purpose: '  ' }, 'VALIDATION'],
      [
        'an employee as companion',
        {
          companions: [
            { name: '张三', idNumber: (await env.context().em.findOneOrFail(Person, zhangsanId)).idNumber },
          ],
        },
        'PERSON_IS_EMPLOYEE',
      ],
    ];
    for (const [what, over, code] of cases) {
      const e = failure(await env.gql(BOOK, { i: mine(over) }, bob.token));
      expect(e.code, what).toBe(code);
      expect(e.message, what).toMatch(CHINESE);
    }
    expect(
      failure(await env.gql(BOOK, { i: mine({ validUntil: fromNow(30 * HOUR) }) }, bob.token)).message,
    ).toBe('申请时长不能超过 24 小时');
    expect(
      failure(
        await env.gql(
          BOOK,
          { i: mine({ companions: [{ name: '钱同行', idNumber: withBadCheckDigit(visitorIdNumber()) }] }) },
          bob.token,
        ),
      ),
    ).toMatchObject({
      message: '身份证号码校验位错误',
    });
    expect(await counts()).toEqual(before);
    // A host who is no longer on staff.
    const em = env.context().em;
    const yunxing = await em.findOneOrFail(Person, yunxingId);
    yunxing.status = 'INACTIVE' as never;
    await em.flush();
    expect(
      failure(
        await env.gql(
          BOOK,
          { i: mine({ hostId: yunxingId, validFrom: fromNow(60 * HOUR), validUntil: fromNow(61 * HOUR) }) },
          bob.token,
        ),
      ).code,
    ).toBe('HOST_INVALID');
    yunxing.status = 'ACTIVE' as never;
    await em.flush();
    expect(await counts()).toEqual(before);
  });
});

describe('WeChat messages without a template configured', () => {
  it('sends nothing out of the plant, though visits were decided', async () => {
    expect(await env.context().em.count(Visit, { status: VisitStatus.APPROVED })).toBeGreaterThan(0);
    expect(world.wx.calls.filter((c) => c.path !== '/sns/jscode2session')).toEqual([]);
  });
});
