import { Area } from '../access/area.entity.js';
import type { AreaInput } from '../access/area.input.js';
import { createArea, createPassagePoint } from '../access/area.service.js';
import { PassageDirection } from '../access/decide-access.types.js';
import { CalendarDayKind } from '../access/holiday.entity.js';
import { PostAreaGrant } from '../access/post-area-grant.entity.js';
import { createSchedule, setCalendarYear } from '../access/schedule.service.js';
import { hashPassword } from '../auth/password.js';
import { UserAccount } from '../auth/user-account.entity.js';
import type { RequestContext } from '../common/context.js';
import { Role } from '../common/permission.js';
import { registerDevice } from '../devices/device.service.js';
import { DeviceKind } from '../devices/devices.enums.js';
import { Post } from '../identity/post.entity.js';

export const DEMO_SITE_ID = 'donggang';
export const DEMO_BRIDGE = { username: 'bridge-donggang', password: 'bridge-donggang-2026' } as const;

type Level = AreaInput['securityLevel'];

/** 2026 statutory holidays and make-up working days (国务院办公厅 2026 年部分节假日安排). */
const HOLIDAYS_2026: { date: string; kind: CalendarDayKind; name: string }[] = [
  ...['01-01', '01-02', '01-03'].map((d) => ({
    date: `2026-${d}`,
    kind: CalendarDayKind.HOLIDAY,
    name: '元旦',
  })),
  { date: '2026-01-04', kind: CalendarDayKind.WORKDAY, name: '元旦调休上班' },
  ...['02-15', '02-16', '02-17', '02-18', '02-19', '02-20', '02-21', '02-22', '02-23'].map((d) => ({
    date: `2026-${d}`,
    kind: CalendarDayKind.HOLIDAY,
    name: '春节',
  })),
  { date: '2026-02-14', kind: CalendarDayKind.WORKDAY, name: '春节调休上班' },
  { date: '2026-02-28', kind: CalendarDayKind.WORKDAY, name: '春节调休上班' },
  ...['04-04', '04-05', '04-06'].map((d) => ({
    date: `2026-${d}`,
    kind: CalendarDayKind.HOLIDAY,
    name: '清明节',
  })),
  ...['05-01', '05-02', '05-03', '05-04', '05-05'].map((d) => ({
    date: `2026-${d}`,
    kind: CalendarDayKind.HOLIDAY,
    name: '劳动节',
  })),
  { date: '2026-05-09', kind: CalendarDayKind.WORKDAY, name: '劳动节调休上班' },
  ...['06-19', '06-20', '06-21'].map((d) => ({
    date: `2026-${d}`,
    kind: CalendarDayKind.HOLIDAY,
    name: '端午节',
  })),
  ...['09-25', '09-26', '09-27'].map((d) => ({
    date: `2026-${d}`,
    kind: CalendarDayKind.HOLIDAY,
    name: '中秋节',
  })),
  ...['10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07'].map((d) => ({
    date: `2026-${d}`,
    kind: CalendarDayKind.HOLIDAY,
    name: '国庆节',
  })),
  { date: '2026-09-20', kind: CalendarDayKind.WORKDAY, name: '国庆节调休上班' },
  { date: '2026-10-10', kind: CalendarDayKind.WORKDAY, name: '国庆节调休上班' },
];

export interface DemoSite {
  created: boolean;
}

/**
 * The demo plant's site for access control: its area tree (key areas with their own policy), the
 * turnstiles and doors with their readers registered as devices, office-hours schedule, the 2026
 * calendar, post defaults, and the site bridge's account. Idempotent.
 */
export async function seedDemoSite(ctx: RequestContext, siteId: string): Promise<DemoSite> {
  if (await ctx.em.count(Area, { code: 'DG' })) return { created: false };
  const area = async (
    code: string,
    name: string,
    securityLevel: Level,
    parentId?: string,
    extra: Partial<AreaInput> = {},
  ) => (await createArea(ctx, { code, name, securityLevel, parentId, ...extra } as AreaInput)).id;
  const site = await area('DG', '厂前区', 'PUBLIC' as Level);
  const office = await area('DG-OFFICE', '办公楼', 'OFFICE' as Level, site);
  const living = await area('DG-LIVING', '生活区（食堂、宿舍）', 'OFFICE' as Level, site);
  // Visitors enter production only right behind their host (陪同, VISIT_ESCORT_SECONDS).
  const prod = await area('DG-PROD', '生产区', 'PRODUCTION' as Level, site, {
    antiPassback: 'SOFT' as AreaInput['antiPassback'],
    escortRequired: true,
  });
  const key = (code: string, name: string, extra: Partial<AreaInput> = {}) =>
    area(code, name, 'KEY' as Level, prod, { antiPassback: 'SOFT' as AreaInput['antiPassback'], ...extra });
  // The control room takes post defaults: the shift's 值长 and 主值班员 work there every day.
  const ccr = await key('DG-CCR', '集控室', { maxOccupancy: 12, postDefaultsApply: true });
  const swg = await key('DG-SWG', '6kV 配电室', { twoPersonWithinSeconds: 30 });
  const oil = await key('DG-OIL', '油库', { twoPersonWithinSeconds: 30 });
  const coal = await key('DG-COAL', '煤场');
  const haz = await key('DG-HAZ', '危化品库', { twoPersonWithinSeconds: 30, maxOccupancy: 4 });

  type PointInput = Parameters<typeof createPassagePoint>[1];
  const point = async (code: string, name: string, kind: string, from: string, to: string) =>
    (await createPassagePoint(ctx, { code, name, kind, fromAreaId: from, toAreaId: to } as PointInput)).id;
  const points = {
    office: await point('T-OFFICE', '办公楼闸机', 'TURNSTILE', site, office),
    living: await point('T-LIVING', '生活区闸机', 'TURNSTILE', site, living),
    prod1: await point('T-PROD-1', '生产区 1 号闸机', 'TURNSTILE', site, prod),
    prod2: await point('T-PROD-2', '生产区 2 号闸机', 'TURNSTILE', site, prod),
    ccr: await point('D-CCR', '集控室门', 'DOOR', prod, ccr),
    swg: await point('D-SWG', '6kV 配电室门', 'DOOR', prod, swg),
    oil: await point('D-OIL', '油库门', 'DOOR', prod, oil),
    coal: await point('D-COAL', '煤场门', 'DOOR', prod, coal),
    haz: await point('D-HAZ', '危化品库门', 'DOOR', prod, haz),
  };
  const device = (
    code: string,
    name: string,
    kind: DeviceKind,
    passagePointId: string,
    direction: PassageDirection,
  ) => registerDevice(ctx, { code, name, kind, driver: 'simulator', siteId, passagePointId, direction });
  const lanes: [string, string, string][] = [
    ['office', 'OFFICE', '办公楼闸机'],
    ['living', 'LIVING', '生活区闸机'],
    ['prod1', 'PROD1', '生产区 1 号闸机'],
    ['prod2', 'PROD2', '生产区 2 号闸机'],
  ];
  for (const [key, code, name] of lanes) {
    const id = points[key as keyof typeof points];
    await device(`${code}-IN`, `${name}（进）`, DeviceKind.TURNSTILE, id, PassageDirection.IN);
    await device(`${code}-OUT`, `${name}（出）`, DeviceKind.TURNSTILE, id, PassageDirection.OUT);
  }
  const doors: [string, string, string][] = [
    ['ccr', 'CCR', '集控室门'],
    ['swg', 'SWG', '6kV 配电室门'],
    ['oil', 'OIL', '油库门'],
    ['coal', 'COAL', '煤场门'],
    ['haz', 'HAZ', '危化品库门'],
  ];
  for (const [key, code, name] of doors) {
    const id = points[key as keyof typeof points];
    await device(`${code}-IN`, `${name}读头（进）`, DeviceKind.DOOR, id, PassageDirection.IN);
    await device(`${code}-OUT`, `${name}读头（出）`, DeviceKind.DOOR, id, PassageDirection.OUT);
  }

  const officeHours = await createSchedule(ctx, {
    name: '工作日白班 07:30–18:30',
    timeZone: 'Asia/Shanghai',
    dayKinds: ['WORKDAY'],
    intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '07:30', end: '18:30' })),
  });
  await setCalendarYear(ctx, 2026, HOLIDAYS_2026);

  // Post defaults: everyone reaches the office and living areas; shift and maintenance posts the
  // production area; 值长/主值班员 also the control room (a key area marked to take post defaults).
  const everyone = [office, living];
  const production = [
    '值长',
    '主值班员',
    '副值班员',
    '巡检员',
    '班长',
    '检修工',
    '技术员',
    '输煤值班员',
    '化验员',
    '安全员',
    '保卫干事',
    '门卫',
  ];
  const posts = await ctx.em.find(Post, {});
  for (const post of posts) {
    for (const areaId of everyone) ctx.em.create(PostAreaGrant, { post, area: areaId });
    if (production.includes(post.name)) ctx.em.create(PostAreaGrant, { post, area: prod });
    if (post.name === '值长' || post.name === '主值班员') ctx.em.create(PostAreaGrant, { post, area: ccr });
    if (post.name === '部门经理' || post.name === '办公室文员') {
      ctx.em.create(PostAreaGrant, { post, area: prod, schedule: officeHours.id });
    }
  }
  await ctx.em.flush();

  ctx.em.create(UserAccount, {
    username: DEMO_BRIDGE.username,
    passwordHash: await hashPassword(DEMO_BRIDGE.password, {
      memoryKib: ctx.config.ARGON2_MEMORY_KIB,
      timeCost: ctx.config.ARGON2_TIME_COST,
    }),
    roles: [Role.DEVICE],
  });
  await ctx.em.flush();
  return { created: true };
}
