import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessGrant } from '../access/access-grant.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { deviceToken } from '../testing/access-fixtures.js';
import { demoPlant, failure, ok } from '../testing/helpers.js';
import { visitorIdNumber } from '../testing/visitor-fixtures.js';
import {
  accessAt,
  BOOK,
  closeVisitWorld,
  decideAs,
  fromNow,
  HOUR,
  openVisitWorld,
  passageReporter,
  type VisitWorld,
} from './visit.spec-support.js';

const ASSIGN = `mutation($i:AssignVisitEscortsInput!){assignVisitEscorts(input:$i){
  id escorts{id name department}}}`;
const HOSTED = `{hostedVisits{id status visitor{name} escorts{name}}}`;

let world: VisitWorld;
let device: string;
let yunxingId: string;
let hr: string;
const aliceId = visitorIdNumber('19880808');

beforeAll(async () => {
  world = await openVisitWorld({ escortSeconds: 30 });
  device = await deviceToken(world.env);
  passage = passageReporter(world.env, device, 'V-ESCORT-1');
  yunxingId = await (await demoPlant(world.env)).personOf('yunxing');
  hr = await world.env.login('hr', 'hr123456');
});
afterAll(() => closeVisitWorld(world));

let passage: ReturnType<typeof passageReporter>;

async function productionVisit(): Promise<{ id: string; approvalId: string }> {
  const { env, site, zhangsanId, alice } = world;
  return ok(
    await env.gql(
      BOOK,
      {
        i: {
          hostId: zhangsanId,
          purpose: '检修陪同',
          areaIds: [site.prod],
          validFrom: fromNow(-60_000),
          validUntil: fromNow(HOUR),
          name: '陪访客',
          idNumber: aliceId,
          phone: '13900003333',
        },
      },
      alice.token,
    ),
  ).bookVisit;
}

describe('escorts the host designates (陪同人)', () => {
  it('lets the visitor into an escort-required area right behind a colleague the host named, and not behind anyone else', async () => {
    const { env, site, zhangsan, security, alice } = world;
    const v = await productionVisit();
    // Named while the visit still waits for approval: the pass is then opened with them in it.
    const assigned = ok(await env.gql(ASSIGN, { i: { visitId: v.id, escortIds: [yunxingId] } }, zhangsan));
    expect(assigned.assignVisitEscorts.escorts).toEqual([
      { id: yunxingId, name: expect.any(String), department: expect.any(String) },
    ]);
    ok(await decideAs(env, zhangsan, v.approvalId, 'APPROVE'));
    ok(await decideAs(env, security, v.approvalId, 'APPROVE'));
    const grants = await env.context().em.find(AccessGrant, { person: alice.personId, revokedAt: null });
    expect(grants.map((g) => g.escortIds)).toContainEqual([world.zhangsanId, yunxingId]);

    const now = new Date();
    expect(await accessAt(world, site.prodGate, { personId: alice.personId }, now)).toMatchObject({
      code: 'ESCORT_REQUIRED',
    });
    // hr is staff too, but nobody named them.
    ok(
      await passage(
        await (await demoPlant(env)).personOf('hr'),
        site.prodGate,
        new Date(now.getTime() - 5_000),
      ),
    );
    expect(await accessAt(world, site.prodGate, { personId: alice.personId }, now)).toMatchObject({
      code: 'ESCORT_REQUIRED',
    });
    ok(await passage(yunxingId, site.prodGate, new Date(now.getTime() - 4_000)));
    expect(await accessAt(world, site.prodGate, { personId: alice.personId }, now)).toMatchObject({
      __typename: 'AccessGranted',
    });

    // Taken off the list again: the live pass follows at once, every grant's change in the audit log.
    const audited = await env.context().em.count(AuditEntry, { action: 'GRANT_ESCORTS' });
    const cleared = ok(await env.gql(ASSIGN, { i: { visitId: v.id, escortIds: [] } }, security));
    expect(cleared.assignVisitEscorts.escorts).toEqual([]);
    expect(await env.context().em.count(AuditEntry, { action: 'GRANT_ESCORTS' })).toBe(
      audited + grants.length,
    );
    expect(await accessAt(world, site.prodGate, { personId: alice.personId }, now)).toMatchObject({
      code: 'ESCORT_REQUIRED',
    });
    expect(ok(await env.gql(HOSTED, {}, zhangsan)).hostedVisits).toContainEqual({
      id: v.id,
      status: 'APPROVED',
      visitor: { name: '陪访客' },
      escorts: [],
    });
    ok(await env.gql(`mutation($id:ID!){cancelVisit(id:$id){id}}`, { id: v.id }, security));
  });

  it('refuses a visitor, a stranger, too many names or a visit not theirs, in Chinese, and writes nothing', async () => {
    const { env, zhangsan, alice } = world;
    const v = await productionVisit();
    const audit = await env.context().em.count(AuditEntry, {});
    const assign = (escortIds: string[], token = zhangsan) =>
      env.gql(ASSIGN, { i: { visitId: v.id, escortIds } }, token);
    const fieldOf = (r: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
      r.errors?.[0]?.extensions?.field;
    const visitorNamed = await assign([alice.personId]);
    expect(failure(visitorNamed)).toEqual({
      code: 'ESCORT_INVALID',
      message: '陪同人须为在职员工，且不能是访客或同行人',
    });
    expect(fieldOf(visitorNamed)).toBe('escortIds[0]');
    const badId = await assign([yunxingId, 'not-an-id']);
    expect(failure(badId).code).toBe('ESCORT_INVALID');
    expect(fieldOf(badId)).toBe('escortIds[1]');
    expect(failure(await assign(Array.from({ length: 6 }, () => crypto.randomUUID())))).toMatchObject({
      code: 'VALIDATION',
      message: '陪同人最多 5 位',
    });
    // Another member of staff, and the visitor themself: the visit is not theirs to arrange.
    expect(failure(await assign([yunxingId], hr))).toMatchObject({ code: 'NOT_FOUND' });
    expect(failure(await assign([yunxingId], alice.token))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await env.context().em.count(AuditEntry, {})).toBe(audit);
    expect(ok(await env.gql(HOSTED, {}, hr)).hostedVisits).toEqual([]);
    ok(await env.gql(`mutation($id:ID!){cancelVisit(id:$id){id}}`, { id: v.id }, zhangsan));
    expect(failure(await assign([yunxingId]))).toMatchObject({ code: 'VISIT_ENDED' });
  });
});
