import type { EntityManager } from '@mikro-orm/postgresql';
import type { PassagePoint as CorePoint, HolidayCalendar, SiteData, WeeklySchedule } from '@park/core';
import type { EventBus } from '../common/events.js';
import { AccessChanged } from './access.events.js';
import { Area } from './area.entity.js';
import { CalendarDay, CalendarDayKind } from './holiday.entity.js';
import { PassagePoint } from './passage-point.entity.js';
import { Schedule } from './schedule.entity.js';

export interface SiteSnapshot {
  site: SiteData;
  points: ReadonlyMap<string, CorePoint>;
}

/**
 * Areas, passage points, schedules and the calendar as the decision engine takes them, held in
 * memory: they change a few times a year and every decision reads them. Rebuilt after an
 * AccessChanged event in this process, and at most `ttlMs` late for changes from another API copy.
 */
export class SiteDirectory {
  private snapshot: SiteSnapshot | null = null;
  private loadedAt = 0;
  private loading: Promise<SiteSnapshot> | null = null;

  constructor(
    bus: EventBus,
    private readonly ttlMs = 30_000,
  ) {
    bus.subscribe(AccessChanged, (e) => {
      if (e.what !== 'grant') this.loadedAt = 0;
    });
  }

  async get(em: EntityManager): Promise<SiteSnapshot> {
    if (this.snapshot && Date.now() - this.loadedAt <= this.ttlMs) return this.snapshot;
    this.loading ??= this.load(em.fork()).finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async load(em: EntityManager): Promise<SiteSnapshot> {
    const started = Date.now();
    const [areas, points, schedules, days] = await Promise.all([
      em.find(Area, {}),
      em.find(PassagePoint, {}),
      em.find(Schedule, {}),
      em.find(CalendarDay, {}),
    ]);
    const calendar: HolidayCalendar = {
      holidays: days.filter((d) => d.kind === CalendarDayKind.HOLIDAY).map((d) => d.date),
      workdays: days.filter((d) => d.kind === CalendarDayKind.WORKDAY).map((d) => d.date),
    };
    this.snapshot = {
      site: {
        areas: new Map(
          areas.map((a) => [
            a.id,
            {
              id: a.id,
              parentId: a.parent?.id ?? null,
              securityLevel: a.securityLevel,
              policy: {
                postDefaultsApply: a.postDefaultsApply,
                maxOccupancy: a.maxOccupancy ?? null,
                antiPassback: a.antiPassback,
                twoPersonRule: a.twoPersonWithinSeconds ? { withinSeconds: a.twoPersonWithinSeconds } : null,
                requiredQualifications: a.requiredQualifications,
                escort: a.escortWithinSeconds ? { withinSeconds: a.escortWithinSeconds } : null,
              },
            },
          ]),
        ),
        schedules: new Map(schedules.map((s): [string, WeeklySchedule] => [s.id, toWeekly(s)])),
        calendar,
      },
      points: new Map(
        points.map((p) => [
          p.id,
          {
            id: p.id,
            kind: p.kind,
            fromAreaId: p.fromArea.id,
            toAreaId: p.toArea.id,
            interlockGroupId: p.interlockGroup ?? null,
            failMode: p.failMode,
            firstCardNormalOpen: p.firstCardNormalOpen,
          },
        ]),
      ),
    };
    this.loadedAt = started;
    return this.snapshot;
  }
}

function toWeekly(s: Schedule): WeeklySchedule {
  return {
    id: s.id,
    timeZone: s.timeZone,
    intervals: s.intervals,
    dayKinds: s.dayKinds as WeeklySchedule['dayKinds'],
  };
}
