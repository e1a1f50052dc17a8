import { maskIdNumber } from '@park/core';
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
import { can } from '../common/context.js';
import { Permission } from '../common/permission.js';
import { ExportFile } from '../identity/import.resolver.js';
import { AssignVisitEscortsInput, BookVisitInput, WalkInInput } from './book-visit.input.js';
import { Visit } from './visit.entity.js';
import { visitAreasLoader, visitHostLoader, visitPeopleLoader } from './visit.loaders.js';
import type { VisitPersonRow } from './visit.queries.js';
import {
  cancelVisit,
  checkOutVisit,
  hostedVisits,
  myVisits,
  visitById,
  visitsToday,
} from './visit.service.js';
import { bookVisit, registerWalkIn } from './visit-booking.service.js';
import { assignVisitEscorts } from './visit-escort.service.js';
import { visitHosts } from './visit-hosts.service.js';
import { visitPasses } from './visit-pass.service.js';
import { toVisitArea, visitAreaCatalogue } from './visit-policy.js';
import { exportVisitTrail, visitTrail } from './visit-trail.service.js';
import { VisitStatus } from './visitor.enums.js';
import type { VisitAudience } from './visitor.events.js';
import {
  TrailEntry,
  VisitArea,
  VisitHost,
  VisitorProfile,
  VisitParticipant,
  VisitPass,
} from './visitor.types.js';
import { myVisitorProfile } from './visitor-profile.service.js';

/**
 * Visitors (访客). Mini-program side (VISIT_BOOK): profile, host search, areas, book, my visits, pass.
 * Staff side (VISIT_READ: the host; VISIT_DESK: the gate): one visit, cancel, today's list, walk-in,
 * check-out, trail. Which visits a caller may touch is the service's set-based check.
 */
@Resolver()
export class VisitorResolver {
  @Authorized(Permission.VISIT_READ)
  @Query(() => [VisitHost], { description: '按姓名（至少 2 字）或手机号查找被访人：仅返回姓名与部门' })
  visitHosts(
    @Ctx() ctx: RequestContext,
    @Arg('keyword', () => String) keyword: string,
  ): Promise<VisitHost[]> {
    return visitHosts(ctx, keyword);
  }

  @Authorized(Permission.VISIT_READ)
  @Query(() => [VisitArea], { description: '访客可申请的区域（重点区域不开放）' })
  async visitAreas(@Ctx() ctx: RequestContext): Promise<VisitArea[]> {
    return (await visitAreaCatalogue(ctx)).requestable;
  }

  @Authorized(Permission.VISIT_BOOK)
  @Query(() => VisitorProfile, { nullable: true, description: '回访访客的预填信息' })
  myVisitorProfile(@Ctx() ctx: RequestContext): Promise<VisitorProfile | null> {
    return myVisitorProfile(ctx);
  }

  @Authorized(Permission.VISIT_BOOK)
  @Query(() => [Visit], { description: '我的访问，最新在前' })
  myVisits(@Ctx() ctx: RequestContext): Promise<Visit[]> {
    return myVisits(ctx);
  }

  @Authorized(Permission.VISIT_READ)
  @Query(() => Visit, { description: '一次访问（访客本人、被访人、保卫部可见）' })
  visit(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Visit> {
    return visitById(ctx, id);
  }

  @Authorized(Permission.VISIT_READ)
  @Query(() => [Visit], { description: '我的访客（我为被访人）：一周前至今后，按开始时间' })
  hostedVisits(@Ctx() ctx: RequestContext): Promise<Visit[]> {
    return hostedVisits(ctx);
  }

  @Authorized(Permission.VISIT_READ)
  @Mutation(() => Visit, { description: '被访人或保卫部指定陪同人（替换原名单）' })
  assignVisitEscorts(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AssignVisitEscortsInput) input: AssignVisitEscortsInput,
  ): Promise<Visit> {
    return assignVisitEscorts(ctx, input);
  }

  @Authorized(Permission.VISIT_DESK)
  @Query(() => [Visit], { description: '今日访客（含仍在厂内的），可按状态筛选' })
  visitsToday(
    @Ctx() ctx: RequestContext,
    @Arg('status', () => [VisitStatus], { nullable: true }) status?: VisitStatus[] | null,
  ): Promise<Visit[]> {
    return visitsToday(ctx, status);
  }

  @Authorized(Permission.VISIT_READ)
  @Query(() => [TrailEntry], { description: '访客轨迹（被访人与保卫部可见）' })
  visitTrail(@Ctx() ctx: RequestContext, @Arg('visitId', () => ID) visitId: string): Promise<TrailEntry[]> {
    return visitTrail(ctx, visitId);
  }

  @Authorized(Permission.VISIT_READ)
  @Query(() => ExportFile, { description: '访客轨迹导出 XLSX' })
  exportVisitTrail(
    @Ctx() ctx: RequestContext,
    @Arg('visitId', () => ID) visitId: string,
  ): Promise<ExportFile> {
    return exportVisitTrail(ctx, visitId);
  }

  @Authorized(Permission.VISIT_BOOK)
  @Query(() => [VisitPass], { description: '本次访问每人（访客与同行人）的一批动态通行码，供离线显示' })
  visitPasses(
    @Ctx() ctx: RequestContext,
    @Arg('visitId', () => ID) visitId: string,
    @Arg('installationId', () => String) installationId: string,
    @Arg('count', () => Int, { defaultValue: 20 }) count: number,
  ): Promise<VisitPass[]> {
    return visitPasses(ctx, visitId, installationId, count);
  }

  @Authorized(Permission.VISIT_BOOK)
  @Mutation(() => Visit, { description: '预约来访：被访人审批，进入生产区域还须保卫部审批' })
  bookVisit(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => BookVisitInput) input: BookVisitInput,
  ): Promise<Visit> {
    return bookVisit(ctx, input);
  }

  @Authorized(Permission.VISIT_DESK)
  @Mutation(() => Visit, { description: '门岗登记现场来访，走同样的审批' })
  registerWalkIn(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => WalkInInput) input: WalkInInput,
  ): Promise<Visit> {
    return registerWalkIn(ctx, input);
  }

  @Authorized(Permission.VISIT_READ)
  @Mutation(() => Visit, { description: '取消访问（访客本人、被访人或门岗）；通行码随即失效' })
  cancelVisit(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason?: string | null,
  ): Promise<Visit> {
    return cancelVisit(ctx, id, reason);
  }

  @Authorized(Permission.VISIT_DESK)
  @Mutation(() => Visit, { description: '门岗办理离场；通行码随即失效' })
  checkOutVisit(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Visit> {
    return checkOutVisit(ctx, id);
  }

  @Authorized(Permission.VISIT_READ)
  @Subscription(() => Visit, {
    topics: 'VISIT_UPDATED',
    description: '访问状态实时更新：访客看自己的，被访人看其接待的，保卫部（ACCESS_READ）看全部',
    filter: ({
      payload,
      args,
      context,
    }: {
      payload: VisitAudience;
      args: { visitId?: string | null };
      context: RequestContext;
    }) =>
      (!args.visitId || args.visitId === payload.visitId) &&
      (can(context, Permission.ACCESS_READ) ||
        [payload.visitorId, payload.hostId].includes(context.principal?.personId ?? '')),
  })
  async visitUpdated(
    @Root() payload: VisitAudience,
    @Ctx() ctx: RequestContext,
    @Arg('visitId', () => ID, { nullable: true }) _visitId?: string | null,
  ): Promise<Visit> {
    // A fresh read per event: the connection's EntityManager would hand back the first state it saw.
    return ctx.em.fork().findOneOrFail(Visit, payload.visitId);
  }
}

const participant = (r: VisitPersonRow): VisitParticipant => ({
  personId: r.personId,
  name: r.name,
  idNumberMasked: r.idNumber ? maskIdNumber(r.idNumber) : '',
  companion: r.companion,
});

@Resolver(() => Visit)
export class VisitResolver {
  @FieldResolver(() => VisitHost)
  async host(@Root() v: Visit, @Ctx() ctx: RequestContext): Promise<VisitHost> {
    const host = await visitHostLoader(ctx).load(v.host.id);
    return host ?? { id: v.host.id, name: '', department: null };
  }

  @FieldResolver(() => [VisitHost], { description: '被访人指定的陪同人（不含被访人本人）' })
  async escorts(@Root() v: Visit, @Ctx() ctx: RequestContext): Promise<VisitHost[]> {
    const found = await Promise.all(v.escortIds.map((id) => visitHostLoader(ctx).load(id)));
    return found.filter((h): h is VisitHost => !!h);
  }

  @FieldResolver(() => VisitParticipant)
  async visitor(@Root() v: Visit, @Ctx() ctx: RequestContext): Promise<VisitParticipant> {
    const rows = (await visitPeopleLoader(ctx).load(v.id)) ?? [];
    const me = rows.find((r) => !r.companion);
    return me ? participant(me) : { personId: v.visitor.id, name: '', idNumberMasked: '', companion: false };
  }

  @FieldResolver(() => [VisitParticipant])
  async companions(@Root() v: Visit, @Ctx() ctx: RequestContext): Promise<VisitParticipant[]> {
    return ((await visitPeopleLoader(ctx).load(v.id)) ?? []).filter((r) => r.companion).map(participant);
  }

  @FieldResolver(() => [VisitArea])
  async areas(@Root() v: Visit, @Ctx() ctx: RequestContext): Promise<VisitArea[]> {
    const catalogue = await visitAreasLoader(ctx).load('all');
    if (!catalogue) return [];
    return v.areaIds.flatMap((id) => {
      const listed = catalogue.requestable.find((a) => a.id === id);
      if (listed) return [listed];
      const area = catalogue.byId.get(id);
      return area ? [toVisitArea(area, catalogue.policy, false)] : [];
    });
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: '仅保卫部可见的说明（如命中观察名单的真实原因）；其他人为空',
  })
  async securityNote(@Root() v: Visit, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (!v.watchlistHit || !(can(ctx, Permission.WATCHLIST_MANAGE) || can(ctx, Permission.VISIT_DESK)))
      return null;
    const [row] = await ctx.em
      .getConnection()
      .execute<{ security_note: string | null }[]>('select security_note from visit where id = ?', [v.id]);
    return row?.security_note ?? null;
  }
}
