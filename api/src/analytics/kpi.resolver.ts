import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Float,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { RequestContext } from '../common/context.js';
import { Permission } from '../common/permission.js';
import { DateTimeScalar } from '../common/scalars.js';
import { deviceOnlineRate } from '../devices/device.service.js';
import { DeviceOnlineRate } from '../devices/devices.types.js';
import { Person } from '../identity/person.entity.js';
import { visitOnlineReviewRatio } from '../visitor/visit-kpi.service.js';
import { OnlineReviewRatio } from '../visitor/visitor.types.js';
import { archiveCompleteness, type Completeness } from './kpi.service.js';

@ObjectType()
class IncompletePerson {
  @Field(() => Person)
  person!: Person;
  @Field(() => [String], { description: '缺少的字段（中文名）' })
  missing!: string[];
}

@ObjectType({ description: '人员档案完整率（白皮书目标 ≥98%）' })
class ArchiveCompleteness {
  @Field(() => Float)
  ratio!: number;
  @Field(() => Float)
  target!: number;
  @Field(() => Boolean)
  meetsTarget!: boolean;
  @Field(() => Int)
  total!: number;
  @Field(() => Int)
  complete!: number;
  @Field(() => [String], { description: '按人员类型配置的必填字段' })
  requiredFields!: string[];
  all!: Completeness['incomplete'];
}

@ObjectType()
class Kpis {
  @Field(() => ArchiveCompleteness)
  archiveCompleteness!: ArchiveCompleteness;
}

@Resolver(() => ArchiveCompleteness)
export class KpiResolver {
  @Authorized(Permission.KPI_READ)
  @Query(() => Kpis, { description: '白皮书关键指标' })
  async kpis(@Ctx() ctx: RequestContext): Promise<Kpis> {
    const c = await archiveCompleteness(ctx);
    return { archiveCompleteness: { ...c, meetsTarget: c.ratio >= c.target, all: c.incomplete } };
  }

  @FieldResolver(() => [IncompletePerson], { description: '档案不完整的人员' })
  incomplete(
    @Root() c: ArchiveCompleteness,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
  ): IncompletePerson[] {
    return c.all.slice(0, Math.min(Math.max(0, limit), 1000));
  }
}

const DAY_MS = 86_400_000;

@Resolver(() => Kpis)
export class KpisResolver {
  @FieldResolver(() => DeviceOnlineRate, { description: '门禁设备在线率（默认最近 30 天）' })
  async deviceOnlineRate(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => DateTimeScalar, { nullable: true }) from?: Date | null,
    @Arg('to', () => DateTimeScalar, { nullable: true }) to?: Date | null,
  ): Promise<DeviceOnlineRate> {
    const end = to ?? new Date();
    const start = from ?? new Date(end.getTime() - 30 * DAY_MS);
    const rate = await deviceOnlineRate(ctx, start, end);
    return { ...rate, meetsTarget: rate.ratio !== null && rate.ratio >= rate.target };
  }

  @FieldResolver(() => OnlineReviewRatio, {
    description: '访客预约审核线上化比例（默认最近 30 天，按预约/登记时间）',
  })
  visitOnlineReviewRatio(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => DateTimeScalar, { nullable: true }) from?: Date | null,
    @Arg('to', () => DateTimeScalar, { nullable: true }) to?: Date | null,
  ): Promise<OnlineReviewRatio> {
    const end = to ?? new Date();
    return visitOnlineReviewRatio(ctx, from ?? new Date(end.getTime() - 30 * DAY_MS), end);
  }
}
