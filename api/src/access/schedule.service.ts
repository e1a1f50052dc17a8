import { Field, InputType, Int } from 'type-graphql';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type RequestContext } from '../common/context.js';
import { LocalDateScalar } from '../common/scalars.js';
import { AccessErrors } from './access.errors.js';
import { AccessChanged } from './access.events.js';
import { CalendarDay, CalendarDayKind } from './holiday.entity.js';
import { Schedule } from './schedule.entity.js';

@InputType()
export class ScheduleIntervalInput {
  @Field(() => Int)
  weekday!: number;
  @Field(() => String)
  start!: string;
  @Field(() => String)
  end!: string;
}

@InputType()
export class ScheduleInput {
  @Field(() => String)
  name!: string;
  @Field(() => String, { defaultValue: 'Asia/Shanghai' })
  timeZone!: string;
  @Field(() => [String], { defaultValue: ['WORKDAY', 'WEEKEND', 'HOLIDAY'] })
  dayKinds!: string[];
  @Field(() => [ScheduleIntervalInput])
  intervals!: ScheduleIntervalInput[];
}

@InputType()
export class CalendarDayInput {
  @Field(() => LocalDateScalar)
  date!: string;
  @Field(() => CalendarDayKind)
  kind!: CalendarDayKind;
  @Field(() => String)
  name!: string;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DAY_KINDS = ['WORKDAY', 'WEEKEND', 'HOLIDAY'];

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export async function createSchedule(ctx: RequestContext, input: ScheduleInput): Promise<Schedule> {
  const name = input.name.trim();
  if (!name) throw AccessErrors.badSchedule('名称不能为空');
  if (!validTimeZone(input.timeZone)) throw AccessErrors.badTimeZone();
  if (!input.dayKinds.length || input.dayKinds.some((k) => !DAY_KINDS.includes(k))) {
    throw AccessErrors.badSchedule('日期类型只能是 WORKDAY、WEEKEND、HOLIDAY');
  }
  if (!input.intervals.length) throw AccessErrors.badSchedule('至少需要一个时段');
  for (const i of input.intervals) {
    if (!Number.isInteger(i.weekday) || i.weekday < 1 || i.weekday > 7)
      throw AccessErrors.badSchedule('星期应为 1–7');
    if (!HHMM.test(i.start) || !HHMM.test(i.end)) throw AccessErrors.badSchedule('时间格式应为 HH:mm');
    if (i.start === i.end) throw AccessErrors.badSchedule('开始与结束不能相同');
  }
  return inTransaction(ctx, async (tx) => {
    if (await tx.em.count(Schedule, { name })) throw AccessErrors.badSchedule('同名时段已存在');
    const s = tx.em.create(Schedule, {
      name,
      timeZone: input.timeZone,
      dayKinds: [...new Set(input.dayKinds)],
      intervals: input.intervals.map(({ weekday, start, end }) => ({ weekday, start, end })),
    });
    await recordAudit(tx, {
      action: 'SCHEDULE_CREATE',
      entityType: 'Schedule',
      entityId: s.id,
      after: { name, timeZone: s.timeZone, dayKinds: s.dayKinds, intervals: s.intervals },
    });
    tx.emit?.(new AccessChanged('schedule', s.id));
    return s;
  });
}

/**
 * Replaces one year's holidays and make-up working days (调休) with the State Council's notice, as
 * an admin enters it. Days outside that year are refused, so a typo cannot touch another year.
 */
export async function setCalendarYear(
  ctx: RequestContext,
  year: number,
  days: CalendarDayInput[],
): Promise<CalendarDay[]> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw AccessErrors.badSchedule('年份无效');
  if (days.some((d) => !d.date.startsWith(`${year}-`)))
    throw AccessErrors.badSchedule(`日期须都在 ${year} 年内`);
  if (new Set(days.map((d) => d.date)).size !== days.length)
    throw AccessErrors.badSchedule('同一天不能出现两次');
  return inTransaction(ctx, async (tx) => {
    const range = { $gte: `${year}-01-01`, $lte: `${year}-12-31` };
    const before = await tx.em.find(CalendarDay, { date: range }, { orderBy: { date: 'asc' } });
    await tx.em.nativeDelete(CalendarDay, { date: range });
    const created = days.map((d) =>
      tx.em.create(CalendarDay, { date: d.date, kind: d.kind, name: d.name.trim() }),
    );
    const view = (list: CalendarDay[]) => ({ days: list.map((d) => `${d.date} ${d.kind} ${d.name}`) });
    await recordAudit(tx, {
      action: 'CALENDAR_SET',
      entityType: 'Calendar',
      entityId: String(year),
      before: view(before),
      after: view(created),
    });
    tx.emit?.(new AccessChanged('calendar', String(year)));
    return created.sort((a, b) => a.date.localeCompare(b.date));
  });
}
