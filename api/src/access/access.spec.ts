import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { failure, ok } from '../testing/helpers.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';
import { AccessGrant } from './access-grant.entity.js';
import { Area } from './area.entity.js';

const AREA = `mutation($i:AreaInput!){createArea(input:$i){id code securityLevel postDefaultsApply antiPassback parentId}}`;
const POINT = `mutation($i:PassagePointInput!){createPassagePoint(input:$i){id failMode fromAreaId toAreaId}}`;
const SCHEDULE = `mutation($i:ScheduleInput!){createSchedule(input:$i){id name timeZone intervals{weekday start end}}}`;
const CALENDAR = `mutation($y:Int!,$d:[CalendarDayInput!]!){setCalendarYear(year:$y,days:$d){date kind name}}`;
const GRANT = `mutation($i:GrantInput!){grantAccess(input:$i){id source activeNow area{code} validUntil}}`;
const REVOKE = `mutation($g:ID!,$r:String!){revokeGrant(grantId:$g,reason:$r){revokedAt revokedReason activeNow}}`;
const GRANTS = `query($p:ID!){grants(personId:$p){id area{code}}}`;
const ME = `{me{person{id}}}`;

let env: TestEnvironment;
let security: string;
let site: string;
let production: string;
let ccr: string;
beforeAll(async () => {
  env = await createTestEnvironment({ seed: true });
  security = await env.login('security', 'security123');
  site = ok(
    await env.gql(AREA, { i: { name: '东港电厂厂区', code: 'SITE', securityLevel: 'PUBLIC' } }, security),
  ).createArea.id;
  production = ok(
    await env.gql(
      AREA,
      { i: { name: '生产区', code: 'PROD', securityLevel: 'PRODUCTION', parentId: site } },
      security,
    ),
  ).createArea.id;
  ccr = ok(
    await env.gql(
      AREA,
      { i: { name: '集控室', code: 'CCR', securityLevel: 'KEY', parentId: production } },
      security,
    ),
  ).createArea.id;
});
afterAll(() => env?.stop());

const count = (entity: typeof AuditEntry | typeof Area | typeof AccessGrant) =>
  env.context().em.count(entity, {});

describe('areas and passage points', () => {
  it('makes a key area closed to post defaults and strict on passback unless told otherwise', async () => {
    const area = await env.context().em.findOneOrFail(Area, ccr);
    expect(area).toMatchObject({ postDefaultsApply: false, antiPassback: 'HARD', securityLevel: 'KEY' });
    expect(area.path.split('/').filter(Boolean)).toHaveLength(3);
  });

  it('fails secure into a key area and safe elsewhere by default', async () => {
    const door = ok(
      await env.gql(
        POINT,
        { i: { name: '集控室门', code: 'D-CCR', kind: 'DOOR', fromAreaId: production, toAreaId: ccr } },
        security,
      ),
    );
    expect(door.createPassagePoint.failMode).toBe('SECURE');
    const gate = ok(
      await env.gql(
        POINT,
        {
          i: {
            name: '生产区闸机1',
            code: 'T-PROD-1',
            kind: 'TURNSTILE',
            fromAreaId: site,
            toAreaId: production,
          },
        },
        security,
      ),
    );
    expect(gate.createPassagePoint.failMode).toBe('SAFE');
  });

  it('refuses a passage point between an area and itself, or to an unknown area, writing nothing', async () => {
    const before = [await count(AuditEntry), await count(Area)];
    expect(
      failure(
        await env.gql(
          POINT,
          { i: { name: 'x', code: 'X1', kind: 'DOOR', fromAreaId: ccr, toAreaId: ccr } },
          security,
        ),
      ).code,
    ).toBe('SAME_AREAS');
    expect(
      failure(
        await env.gql(
          POINT,
          { i: { name: 'x', code: 'X2', kind: 'DOOR', fromAreaId: ccr, toAreaId: 'nope' } },
          security,
        ),
      ).code,
    ).toBe('UNKNOWN_AREA');
    expect(
      failure(await env.gql(AREA, { i: { name: '重复', code: 'CCR', securityLevel: 'KEY' } }, security)).code,
    ).toBe('DUPLICATE');
    expect([await count(AuditEntry), await count(Area)]).toEqual(before);
  });

  it('keeps area administration to security and admins', async () => {
    const zhangsan = await env.login('zhangsan', 'zhangsan123');
    expect(
      failure(await env.gql(AREA, { i: { name: '私区', code: 'P1', securityLevel: 'PUBLIC' } }, zhangsan))
        .code,
    ).toBe('FORBIDDEN');
  });
});

describe('schedules and the holiday calendar', () => {
  it('stores a night shift that crosses midnight, and refuses a bad zone or time', async () => {
    const night = {
      name: '夜班',
      timeZone: 'Asia/Shanghai',
      intervals: [{ weekday: 1, start: '20:00', end: '08:00' }],
    };
    expect(ok(await env.gql(SCHEDULE, { i: night }, security)).createSchedule.intervals).toEqual(
      night.intervals,
    );
    expect(
      failure(await env.gql(SCHEDULE, { i: { ...night, name: 'a', timeZone: 'Mars/Base' } }, security)).code,
    ).toBe('BAD_TIME_ZONE');
    const bad = { ...night, name: 'b', intervals: [{ weekday: 8, start: '25:00', end: '08:00' }] };
    expect(failure(await env.gql(SCHEDULE, { i: bad }, security)).message).toMatch(/时段设置有误/);
  });

  it('replaces a whole year of holidays and 调休 days, and refuses days of another year', async () => {
    const days = [
      { date: '2026-10-01', kind: 'HOLIDAY', name: '国庆节' },
      { date: '2026-10-10', kind: 'WORKDAY', name: '国庆节调休' },
    ];
    ok(
      await env.gql(
        CALENDAR,
        { y: 2026, d: [{ date: '2026-05-01', kind: 'HOLIDAY', name: '劳动节' }] },
        security,
      ),
    );
    expect(
      ok(await env.gql(CALENDAR, { y: 2026, d: days }, security)).setCalendarYear.map(
        (d: { date: string }) => d.date,
      ),
    ).toEqual(['2026-10-01', '2026-10-10']);
    const r = await env.gql(`{calendar(year:2026){date}}`, {}, security);
    expect(ok(r).calendar).toHaveLength(2);
    expect(
      failure(
        await env.gql(
          CALENDAR,
          { y: 2026, d: [{ date: '2027-01-01', kind: 'HOLIDAY', name: '元旦' }] },
          security,
        ),
      ).code,
    ).toBe('BAD_SCHEDULE');
  });
});

describe('grants', () => {
  it('grants a time-boxed key-area access, lists it for the person, and revokes it at once', async () => {
    const zhangsan = await env.login('zhangsan', 'zhangsan123');
    const personId = ok(await env.gql(ME, {}, zhangsan)).me.person.id;
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const g = ok(
      await env.gql(GRANT, { i: { personId, areaId: ccr, validUntil: until } }, security),
    ).grantAccess;
    expect(g).toMatchObject({ source: 'PERSONAL', activeNow: true, area: { code: 'CCR' } });
    expect(
      ok(await env.gql(GRANTS, { p: personId }, zhangsan)).grants.map((x: { id: string }) => x.id),
    ).toContain(g.id);
    const revoked = ok(await env.gql(REVOKE, { g: g.id, r: '作业结束' }, security)).revokeGrant;
    expect(revoked).toMatchObject({ revokedReason: '作业结束', activeNow: false });
    expect(ok(await env.gql(GRANTS, { p: personId }, zhangsan)).grants).toEqual([]);
    const actions = (
      await env.context().em.find(AuditEntry, { entityType: 'AccessGrant' }, { orderBy: { seq: 'asc' } })
    ).map((e) => e.action);
    expect(actions).toEqual(['GRANT_CREATE', 'GRANT_REVOKE']);
  });

  it('refuses a window that ends before it starts, or already ended, writing nothing', async () => {
    const zhangsan = await env.login('zhangsan', 'zhangsan123');
    const personId = ok(await env.gql(ME, {}, zhangsan)).me.person.id;
    const before = [await count(AccessGrant), await count(AuditEntry)];
    const from = new Date(Date.now() + 7_200_000).toISOString();
    const until = new Date(Date.now() + 3_600_000).toISOString();
    expect(
      failure(
        await env.gql(GRANT, { i: { personId, areaId: ccr, validFrom: from, validUntil: until } }, security),
      ),
    ).toMatchObject({ code: 'BAD_WINDOW' });
    const past = new Date(Date.now() - 1000).toISOString();
    expect(
      failure(await env.gql(GRANT, { i: { personId, areaId: ccr, validUntil: past } }, security)).code,
    ).toBe('BAD_WINDOW');
    expect([await count(AccessGrant), await count(AuditEntry)]).toEqual(before);
  });

  it('lets nobody but security and admins grant, and hides other people’s grants from an employee', async () => {
    const zhangsan = await env.login('zhangsan', 'zhangsan123');
    const personId = ok(await env.gql(ME, {}, zhangsan)).me.person.id;
    expect(failure(await env.gql(GRANT, { i: { personId, areaId: ccr } }, zhangsan)).code).toBe('FORBIDDEN');
    const securityPerson = ok(await env.gql(ME, {}, security)).me.person.id;
    expect(failure(await env.gql(GRANTS, { p: securityPerson }, zhangsan)).code).toBe('NOT_FOUND');
  });
});
