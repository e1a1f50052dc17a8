import { GraphQLJSONObject } from 'graphql-scalars';
import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import type { RequestContext } from '../common/context.js';
import { isUuid } from '../common/ids.js';
import { Permission } from '../common/permission.js';
import { personInScope } from '../identity/person-scope.js';
import { PassagesIngested } from './access.events.js';
import {
  AccessEventFilter,
  AccessEventView,
  DeviceEventInput,
  IngestResult,
  PresenceView,
} from './access-event.types.js';
import { AccessGrant } from './access-grant.entity.js';
import { Area } from './area.entity.js';
import { AreaInput, PassagePointInput } from './area.input.js';
import { createArea, createPassagePoint } from './area.service.js';
import { decideAccess } from './decide-access.service.js';
import { AccessDecision, AccessDenied, AccessGranted, DecideAccessInput } from './decide-access.types.js';
import { storeDeviceEvents } from './event-ingest.service.js';
import { accessEvents, presence } from './event-query.service.js';
import { gateSnapshot } from './gate-snapshot.service.js';
import { GrantInput, grantAccess, revokeGrant } from './grant.service.js';
import { CalendarDay } from './holiday.entity.js';
import { PassBatchView, passCodes } from './pass.service.js';
import { PassagePoint } from './passage-point.entity.js';
import { Schedule } from './schedule.entity.js';
import { CalendarDayInput, createSchedule, ScheduleInput, setCalendarYear } from './schedule.service.js';

@Resolver()
export class AccessResolver {
  @Authorized(Permission.ACCESS_READ)
  @Query(() => [Area], { description: '区域树（父在子前）' })
  areas(@Ctx() ctx: RequestContext): Promise<Area[]> {
    return ctx.em.find(Area, {}, { orderBy: { path: 'asc' } });
  }

  @Authorized(Permission.ACCESS_ADMIN)
  @Mutation(() => Area)
  createArea(@Ctx() ctx: RequestContext, @Arg('input', () => AreaInput) input: AreaInput): Promise<Area> {
    return createArea(ctx, input);
  }

  @Authorized(Permission.ACCESS_READ)
  @Query(() => [PassagePoint])
  passagePoints(@Ctx() ctx: RequestContext): Promise<PassagePoint[]> {
    return ctx.em.find(PassagePoint, {}, { orderBy: { code: 'asc' } });
  }

  @Authorized(Permission.ACCESS_ADMIN)
  @Mutation(() => PassagePoint)
  createPassagePoint(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => PassagePointInput) input: PassagePointInput,
  ): Promise<PassagePoint> {
    return createPassagePoint(ctx, input);
  }

  @Authorized(Permission.ACCESS_READ)
  @Query(() => [Schedule])
  schedules(@Ctx() ctx: RequestContext): Promise<Schedule[]> {
    return ctx.em.find(Schedule, {}, { orderBy: { name: 'asc' } });
  }

  @Authorized(Permission.ACCESS_ADMIN)
  @Mutation(() => Schedule)
  createSchedule(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ScheduleInput) input: ScheduleInput,
  ): Promise<Schedule> {
    return createSchedule(ctx, input);
  }

  @Authorized(Permission.ACCESS_READ)
  @Query(() => [CalendarDay], { description: '某年的法定节假日与调休上班日' })
  calendar(@Ctx() ctx: RequestContext, @Arg('year', () => Int) year: number): Promise<CalendarDay[]> {
    return ctx.em.find(
      CalendarDay,
      { date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } },
      { orderBy: { date: 'asc' } },
    );
  }

  @Authorized(Permission.ACCESS_ADMIN)
  @Mutation(() => [CalendarDay], { description: '按国务院通知整体设置某年的节假日与调休' })
  setCalendarYear(
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int) year: number,
    @Arg('days', () => [CalendarDayInput]) days: CalendarDayInput[],
  ): Promise<CalendarDay[]> {
    return setCalendarYear(ctx, year, days);
  }

  @Authorized(Permission.PERSON_READ)
  @Query(() => [AccessGrant], { description: '某人的通行授权（本人、本部门负责人、保卫部可见）' })
  async grants(
    @Ctx() ctx: RequestContext,
    @Arg('personId', () => ID) personId: string,
    @Arg('includeRevoked', () => Boolean, { defaultValue: false }) includeRevoked: boolean,
  ): Promise<AccessGrant[]> {
    await personInScope(ctx, personId);
    return ctx.em.find(
      AccessGrant,
      { person: personId, ...(includeRevoked ? {} : { revokedAt: null }) },
      { orderBy: { createdAt: 'desc' } },
    );
  }

  @Authorized(Permission.PASS_SELF)
  @Query(() => PassBatchView, { description: '本人的一批动态通行码（约 10 分钟），供手机离线时使用' })
  passCodes(
    @Ctx() ctx: RequestContext,
    @Arg('installationId', () => String) installationId: string,
    @Arg('count', () => Int, { defaultValue: 20 }) count: number,
  ): Promise<PassBatchView> {
    return passCodes(ctx, installationId, count);
  }

  @Authorized(Permission.DEVICE_SYNC)
  @Query(() => GraphQLJSONObject, {
    description: '站点闸机离线判定所需的全部数据（GateCache 格式，见 core/src/gate），cursor 为审计序号',
  })
  gateSnapshot(@Ctx() ctx: RequestContext): Promise<object> {
    return gateSnapshot(ctx);
  }

  @Authorized(Permission.DEVICE_SYNC)
  @Mutation(() => IngestResult, { description: '网关批量上报通行事件；(设备, 序号) 重复的只记一次' })
  async ingestDeviceEvents(
    @Ctx() ctx: RequestContext,
    @Arg('events', () => [DeviceEventInput]) events: DeviceEventInput[],
  ): Promise<IngestResult> {
    const { accepted, duplicates, stored } = await storeDeviceEvents(ctx, events);
    if (stored.length) ctx.bus.publish(new PassagesIngested(stored));
    return { accepted, duplicates };
  }

  @Authorized(Permission.ACCESS_READ)
  @Query(() => [AccessEventView], { description: '通行记录，最新在前' })
  accessEvents(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AccessEventFilter, { nullable: true }) filter: AccessEventFilter | undefined,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
  ): Promise<AccessEventView[]> {
    return accessEvents(ctx, filter, offset, limit);
  }

  @Authorized(Permission.ACCESS_READ)
  @Subscription(() => AccessEventView, {
    topics: 'PASSAGE_RECORDED',
    description: '实时通行记录（安保值班台）；可只看某些通行点',
    filter: ({ payload, args }: { payload: AccessEventView; args: { passagePointIds?: string[] | null } }) =>
      !args.passagePointIds?.length ||
      (payload.passagePointId !== null && args.passagePointIds.includes(payload.passagePointId)),
  })
  passageRecorded(
    @Root() event: AccessEventView,
    @Arg('passagePointIds', () => [ID], { nullable: true }) _points?: string[] | null,
  ): AccessEventView {
    return event;
  }

  @Authorized(Permission.ACCESS_READ)
  @Query(() => [PresenceView], { description: '此刻在该区域（含下级区域）内的人员' })
  presence(@Ctx() ctx: RequestContext, @Arg('areaId', () => ID) areaId: string): Promise<PresenceView[]> {
    return presence(ctx, areaId);
  }

  @Authorized(Permission.ACCESS_DECIDE)
  @Query(() => AccessDecision, { description: '服务器端通行判定（与闸机离线判定同一引擎）' })
  decideAccess(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DecideAccessInput) input: DecideAccessInput,
  ): Promise<AccessGranted | AccessDenied> {
    return decideAccess(ctx, input);
  }

  @Authorized(Permission.GRANT_MANAGE)
  @Mutation(() => AccessGrant, { description: '个人授权' })
  grantAccess(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => GrantInput) input: GrantInput,
  ): Promise<AccessGrant> {
    return grantAccess(ctx, input);
  }

  @Authorized(Permission.GRANT_MANAGE)
  @Mutation(() => AccessGrant, { description: '撤销授权，立即生效' })
  revokeGrant(
    @Ctx() ctx: RequestContext,
    @Arg('grantId', () => ID) grantId: string,
    @Arg('reason', () => String) reason: string,
  ): Promise<AccessGrant> {
    return revokeGrant(ctx, grantId, reason);
  }
}

@Resolver(() => AccessGrant)
export class AccessGrantResolver {
  @FieldResolver(() => Area)
  area(@Root() g: AccessGrant, @Ctx() ctx: RequestContext): Promise<Area> {
    return ctx.em.findOneOrFail(Area, g.area.id);
  }

  @FieldResolver(() => Schedule, { nullable: true })
  schedule(@Root() g: AccessGrant, @Ctx() ctx: RequestContext): Promise<Schedule | null> {
    return g.schedule && isUuid(g.schedule.id)
      ? ctx.em.findOne(Schedule, g.schedule.id)
      : Promise.resolve(null);
  }

  @FieldResolver(() => ID)
  personId(@Root() g: AccessGrant): string {
    return g.person.id;
  }

  @FieldResolver(() => Boolean, { description: '此刻是否有效（未撤销且在有效期内）' })
  activeNow(@Root() g: AccessGrant): boolean {
    const now = new Date();
    return !g.revokedAt && (!g.validFrom || g.validFrom <= now) && (!g.validUntil || g.validUntil > now);
  }
}
