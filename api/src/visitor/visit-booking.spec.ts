import { genderFromIdNumber } from '@park/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessGrant } from '../access/access-grant.entity.js';
import { ApprovalRequest } from '../approval/approval-request.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { Person } from '../identity/person.entity.js';
import { PersonPhoto } from '../identity/person-photo.entity.js';
import { Vehicle } from '../identity/vehicle.entity.js';
import { CHINESE, demoPlant, failure, ok, withBadCheckDigit } from '../testing/helpers.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';
import {
  createVisitSite,
  type FakeWechat,
  fakeWechat,
  VISIT_FIELDS,
  type VisitSite,
  visitorIdNumber,
  wechatVisitor,
} from '../testing/visitor-fixtures.js';
import { collect, wsClient } from '../testing/ws.js';
import { Visit } from './visit.entity.js';
import { VisitPerson } from './visit-person.entity.js';
import { VisitStatus } from './visitor.enums.js';

const BOOK = `mutation($i:BookVisitInput!){bookVisit(input:$i){${VISIT_FIELDS}}}`;
const PROFILE = `{myVisitorProfile{name idNumberMasked phone company plate hasPhoto}}`;
const DECIDE = `mutation($i:DecideApprovalInput!){decideApproval(input:$i){id status}}`;

const HOUR = 3_600_000;
const fromNow = (ms: number) => new Date(Date.now() + ms).toISOString();
// The smallest JPEG header WeChat's camera would never produce, but enough to be sniffed as one.
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]).toString('base64');

let env: TestEnvironment;
let wx: FakeWechat;
let site: VisitSite;
let security: string;
let zhangsan: string;
let zhangsanId: string;
let alice: { token: string; personId: string };
const aliceId = visitorIdNumber();

const booking = (over: Record<string, unknown> = {}) => ({
  hostId: zhangsanId,
  purpose: '商务洽谈',
  validFrom: fromNow(HOUR),
  validUntil: fromNow(3 * HOUR),
  name: '王访客',
  idNumber: aliceId,
  phone: '13900001111',
  ...over,
});

const counts = async () => {
  const em = env.context().em;
  const out: Record<string, number> = {};
  for (const [name, entity] of Object.entries({
    Visit,
    VisitPerson,
    Person,
    PersonPhoto,
    ApprovalRequest,
    AccessGrant,
    Vehicle,
    AuditEntry,
  }))
    out[name] = await em.count(entity, {});
  return out;
};

beforeAll(async () => {
  wx = await fakeWechat();
  env = await createTestEnvironment({
    seed: true,
    env: { WECHAT_API_BASE: wx.url, WECHAT_APPID: 'wxapp', WECHAT_SECRET: 'sekret' },
  });
  security = await env.login('security', 'security123');
  zhangsan = await env.login('zhangsan', 'zhangsan123');
  site = await createVisitSite(env, security);
  zhangsanId = await (await demoPlant(env)).personOf('zhangsan');
  alice = await wechatVisitor(env, 'alice');
});
afterAll(async () => {
  await env?.stop();
  wx?.close();
});

describe('bookVisit', () => {
  it('books from WeChat onto the visitor’s one Person, asks the host live, and defaults to the office', async () => {
    const client = wsClient(env, zhangsan);
    const notices = collect<{ approvalRequested: { summary: string } & Record<string, unknown> }>(
      client,
      `subscription{approvalRequested{requestId kind title summary requesterName stepName}}`,
      {},
      (r) => r.length >= 1,
    );
    await new Promise((r) => setTimeout(r, 150));
    expect(ok(await env.gql(PROFILE, {}, alice.token)).myVisitorProfile).toBeNull();
    const people = await env.context().em.count(Person, {});
    const v = ok(
      await env.gql(
        BOOK,
        { i: booking({ company: '华能检修公司', plate: '苏A12345', photoBase64: JPEG, photoConsent: true }) },
        alice.token,
      ),
    ).bookVisit;
    expect(v).toMatchObject({
      status: 'PENDING',
      source: 'BOOKING',
      purpose: '商务洽谈',
      plate: '苏A12345',
      company: '华能检修公司',
      host: { id: zhangsanId, name: '张三', department: '运行部' },
      visitor: { personId: alice.personId, name: '王访客', companion: false },
      companions: [],
      areas: [
        { id: site.office, name: '办公楼', securityLevel: 'OFFICE', needsSecurity: false, isDefault: true },
      ],
    });
    expect(v.visitor.idNumberMasked).toBe(`${aliceId.slice(0, 6)}********${aliceId.slice(-4)}`);
    expect(await env.context().em.count(Person, {})).toBe(people);
    const me = await env.context().em.findOneOrFail(Person, alice.personId);
    expect(me).toMatchObject({ name: '王访客', idNumber: aliceId, phone: '13900001111', type: 'VISITOR' });

    const [notice] = (await notices.finished).map((r) => r.data!.approvalRequested);
    expect(notice).toMatchObject({
      requestId: v.approvalId,
      kind: 'VISIT',
      title: '访客预约：王访客（华能检修公司）',
      requesterName: '王访客',
      stepName: '被访人审批',
    });
    expect(notice.summary).toMatch(/办公楼；事由：商务洽谈；单位：华能检修公司；车辆：苏A12345/);
    await client.dispose();
    const request = await env.context().em.findOneOrFail(ApprovalRequest, v.approvalId);
    expect(JSON.stringify(request.subject)).not.toContain(aliceId);
  });

  it('prefills a returning visitor from their Person record and keeps their photo encrypted with consent', async () => {
    expect(ok(await env.gql(PROFILE, {}, alice.token)).myVisitorProfile).toEqual({
      name: '王访客',
      idNumberMasked: `${aliceId.slice(0, 6)}********${aliceId.slice(-4)}`,
      phone: '13900001111',
      company: '华能检修公司',
      plate: '苏A12345',
      hasPhoto: true,
    });
    const photo = await env
      .context()
      .em.findOneOrFail(PersonPhoto, { person: alice.personId }, { populate: ['imageEncrypted'] });
    expect(photo.mimeType).toBe('image/jpeg');
    expect(photo.consentText).toMatch(CHINESE);
    expect(photo.imageEncrypted.equals(Buffer.from(JPEG, 'base64'))).toBe(false);
    // A second booking reuses the one record: no new person, same id.
    const people = await env.context().em.count(Person, {});
    const again = ok(
      await env.gql(
        BOOK,
        { i: booking({ validFrom: fromNow(30 * HOUR), validUntil: fromNow(31 * HOUR) }) },
        alice.token,
      ),
    ).bookVisit;
    expect(again.visitor.personId).toBe(alice.personId);
    expect(await env.context().em.count(Person, {})).toBe(people);
  });

  it('makes each companion a real-name Person of their own and asks 保卫部 as well for production', async () => {
    const companionId = visitorIdNumber('19950505');
    const v = ok(
      await env.gql(
        BOOK,
        {
          i: booking({
            validFrom: fromNow(50 * HOUR),
            validUntil: fromNow(52 * HOUR),
            areaIds: [site.office, site.prod],
            companions: [{ name: '李同行', idNumber: companionId }],
          }),
        },
        alice.token,
      ),
    ).bookVisit;
    expect(v.companions).toEqual([
      expect.objectContaining({
        name: '李同行',
        companion: true,
        idNumberMasked: expect.stringContaining('****'),
      }),
    ]);
    expect(
      v.areas.map((a: { name: string; needsSecurity: boolean; escortRequired: boolean }) => [
        a.name,
        a.needsSecurity,
        a.escortRequired,
      ]),
    ).toEqual([
      ['办公楼', false, false],
      ['生产区', true, true],
    ]);
    const companion = await env.context().em.findOneOrFail(Person, { idNumber: companionId });
    expect(companion).toMatchObject({
      type: 'VISITOR',
      name: '李同行',
      gender: genderFromIdNumber(companionId),
    });
    const { approval } = ok(
      await env.gql(`query($id:ID!){approval(id:$id){steps{name status}}}`, { id: v.approvalId }, zhangsan),
    );
    expect(approval.steps).toEqual([
      { name: '被访人审批', status: 'PENDING' },
      { name: '保卫部审批', status: 'WAITING' },
    ]);
  });
});

describe('identity safety', () => {
  it('never attaches a WeChat account to an employee by typing their ID number, and writes nothing', async () => {
    const mallory = await wechatVisitor(env, 'mallory');
    const employee = await env.context().em.findOneOrFail(Person, zhangsanId);
    const before = await counts();
    const e = failure(
      await env.gql(
        BOOK,
        {
          i: booking({
            name: employee.name,
            idNumber: employee.idNumber,
            hostId: await (await demoPlant(env)).personOf('yunxing'),
          }),
        },
        mallory.token,
      ),
    );
    expect(e).toMatchObject({
      code: 'ID_NUMBER_TAKEN',
      message: '该身份证号已登记在其他账号下，请联系被访人或到门岗登记',
    });
    expect(await counts()).toEqual(before);
    expect((await env.context().em.findOneOrFail(Person, mallory.personId)).idNumber).toBeNull();
  });

  it('keeps a visitor’s ID number once given: another number, or another name, is refused', async () => {
    const before = await counts();
    expect(
      failure(
        await env.gql(
          BOOK,
          {
            i: booking({
              idNumber: visitorIdNumber(),
              validFrom: fromNow(70 * HOUR),
              validUntil: fromNow(71 * HOUR),
            }),
          },
          alice.token,
        ),
      ).code,
    ).toBe('ID_NUMBER_MISMATCH');
    expect(
      failure(
        await env.gql(
          BOOK,
          { i: booking({ name: '王二', validFrom: fromNow(70 * HOUR), validUntil: fromNow(71 * HOUR) }) },
          alice.token,
        ),
      ).code,
    ).toBe('NAME_MISMATCH');
    expect(await counts()).toEqual(before);
  });
});

describe('visitHosts and visitAreas', () => {
  it('finds active employees by two characters of their name or their exact phone, showing name and department only', async () => {
    const q = `query($k:String!){visitHosts(keyword:$k){id name department}}`;
    const found = ok(await env.gql(q, { k: '张三' }, alice.token)).visitHosts;
    expect(found).toContainEqual({ id: zhangsanId, name: '张三', department: '运行部' });
    expect(ok(await env.gql(q, { k: '张' }, alice.token)).visitHosts).toEqual([]);
    const phone = (await env.context().em.findOneOrFail(Person, zhangsanId)).phone!;
    expect(ok(await env.gql(q, { k: phone }, alice.token)).visitHosts).toEqual([
      { id: zhangsanId, name: '张三', department: '运行部' },
    ]);
    expect(ok(await env.gql(q, { k: '王访客' }, alice.token)).visitHosts).toEqual([]);
    const wide = ok(await env.gql(q, { k: '%_' }, alice.token)).visitHosts;
    expect(wide).toEqual([]);
    // The type itself has nothing else to leak.
    expect(failure(await env.gql(`{visitHosts(keyword:"张三"){phone}}`, {}, alice.token)).code).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
  });

  it('offers office and production areas, never key areas, with the office as default', async () => {
    const areas = ok(
      await env.gql(
        `{visitAreas{id name securityLevel needsSecurity escortRequired isDefault}}`,
        {},
        alice.token,
      ),
    ).visitAreas;
    const mine = areas.filter((a: { id: string }) =>
      [site.office, site.prod, site.ccr, site.site].includes(a.id),
    );
    expect(mine).toEqual([
      {
        id: site.office,
        name: '办公楼',
        securityLevel: 'OFFICE',
        needsSecurity: false,
        escortRequired: false,
        isDefault: true,
      },
      {
        id: site.prod,
        name: '生产区',
        securityLevel: 'PRODUCTION',
        needsSecurity: true,
        escortRequired: true,
        isDefault: false,
      },
    ]);
  });
});

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

  it('lets a visitor read only their own visits: someone else’s is NOT_FOUND, as is their own trail', async () => {
    const carol = await wechatVisitor(env, 'carol');
    const [aliceVisit] = ok(await env.gql(`{myVisits{id}}`, {}, alice.token)).myVisits;
    for (const q of [
      `query($id:ID!){visit(id:$id){id}}`,
      `query($id:ID!){visitTrail(visitId:$id){at}}`,
      `query($id:ID!){visitPasses(visitId:$id, installationId:"carol-phone-0000001"){personId}}`,
    ])
      expect(failure(await env.gql(q, { id: aliceVisit.id }, carol.token))).toMatchObject({
        code: 'NOT_FOUND',
        message: '访问记录不存在或无权访问',
      });
    expect(
      failure(
        await env.gql(`query($id:ID!){visitTrail(visitId:$id){at}}`, { id: aliceVisit.id }, alice.token),
      ).code,
    ).toBe('NOT_FOUND');
    expect(ok(await env.gql(`{myVisits{id}}`, {}, carol.token)).myVisits).toEqual([]);
    expect(
      ok(await env.gql(`query($id:ID!){visit(id:$id){id}}`, { id: aliceVisit.id }, alice.token)).visit.id,
    ).toBe(aliceVisit.id);
    expect(
      ok(await env.gql(`query($id:ID!){visit(id:$id){id}}`, { id: aliceVisit.id }, zhangsan)).visit.id,
    ).toBe(aliceVisit.id);
    const hr = await env.login('hr', 'hr123456');
    expect(failure(await env.gql(`query($id:ID!){visit(id:$id){id}}`, { id: aliceVisit.id }, hr)).code).toBe(
      'NOT_FOUND',
    );
    expect(failure(await env.gql(BOOK, { i: booking() }, zhangsan)).code).toBe('FORBIDDEN');
  });
});

describe('WeChat messages without a template configured', () => {
  it('sends nothing out of the plant, though visits were decided', async () => {
    expect(await env.context().em.count(Visit, { status: VisitStatus.APPROVED })).toBeGreaterThan(0);
    expect(wx.calls.filter((c) => c.path !== '/sns/jscode2session')).toEqual([]);
  });
});
