import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, ok } from '../testing/helpers.js';
import { VISIT_FIELDS, visitorIdNumber } from '../testing/visitor-fixtures.js';
import { collect, wsClient } from '../testing/ws.js';
import {
  accessAt,
  closeVisitWorld,
  decideAs,
  fromNow,
  HOUR,
  openVisitWorld,
  type VisitWorld,
} from './visit.spec-support.js';

const WALK_IN = `mutation($i:WalkInInput!){registerWalkIn(input:$i){${VISIT_FIELDS} registeredBy}}`;

let world: VisitWorld;
beforeAll(async () => {
  world = await openVisitWorld();
});
afterAll(() => closeVisitWorld(world));

describe('walk-in at the gate', () => {
  it('runs the same approval and shows the guard the result live', async () => {
    const { env, security, zhangsan, zhangsanId, site } = world;
    const guard = collect<{ visitUpdated: { id: string; status: string; source: string } }>(
      wsClient(env, security),
      `subscription{visitUpdated{id status source}}`,
      {},
      (r) => r.some((x) => x.data?.visitUpdated.status === 'APPROVED'),
    );
    await new Promise((r) => setTimeout(r, 150));
    const walkInId = visitorIdNumber('19751212');
    const v = ok(
      await env.gql(
        WALK_IN,
        {
          i: {
            name: '吴来访',
            idNumber: walkInId,
            hostId: zhangsanId,
            purpose: '送货',
            validUntil: fromNow(HOUR),
          },
        },
        security,
      ),
    ).registerWalkIn;
    expect(v).toMatchObject({
      status: 'PENDING',
      source: 'WALK_IN',
      registeredBy: 'security',
      visitor: { name: '吴来访' },
    });
    expect(
      failure(
        await env.gql(
          WALK_IN,
          {
            i: {
              name: '吴来访',
              idNumber: walkInId,
              hostId: zhangsanId,
              purpose: '送货',
              validUntil: fromNow(HOUR),
            },
          },
          zhangsan,
        ),
      ).code,
    ).toBe('FORBIDDEN');
    ok(await decideAs(env, zhangsan, v.approvalId, 'APPROVE'));
    const seen = (await guard.finished).map((r) => r.data!.visitUpdated);
    expect(seen).toEqual([
      { id: v.id, status: 'PENDING', source: 'WALK_IN' },
      { id: v.id, status: 'APPROVED', source: 'WALK_IN' },
    ]);
    expect(await accessAt(world, site.officeGate, { personId: v.visitor.personId })).toMatchObject({
      __typename: 'AccessGranted',
    });
    const today = ok(await env.gql(`{visitsToday(status:[APPROVED]){id}}`, {}, security)).visitsToday;
    expect(today.map((x: { id: string }) => x.id)).toContain(v.id);
    expect(failure(await env.gql(`{visitsToday{id}}`, {}, zhangsan)).code).toBe('FORBIDDEN');
  });
});
