import { genderFromIdNumber } from '@park/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../approval/approval-request.entity.js';
import { Person } from '../identity/person.entity.js';
import { PersonPhoto } from '../identity/person-photo.entity.js';
import { CHINESE, demoPlant, failure, ok } from '../testing/helpers.js';
import type { TestEnvironment } from '../testing/index.js';
import { type VisitSite, visitorIdNumber, wechatVisitor } from '../testing/visitor-fixtures.js';
import { collect, wsClient } from '../testing/ws.js';
import {
  BOOK,
  closeVisitWorld,
  fromNow,
  HOUR,
  JPEG,
  openVisitWorld,
  type VisitWorld,
  visitBooking,
  visitRowCounts,
} from './visit.spec-support.js';

const PROFILE = `{myVisitorProfile{name idNumberMasked phone company plate hasPhoto}}`;

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

describe('who may read a visit', () => {
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
