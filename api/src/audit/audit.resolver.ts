import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { RequestContext } from '../common/context.js';
import { Permission } from '../common/permission.js';
import { verifyChain } from './audit.service.js';
import { AuditEntry } from './audit-entry.entity.js';

@ObjectType()
class AuditPage {
  @Field(() => [AuditEntry])
  items!: AuditEntry[];
  @Field(() => Int)
  total!: number;
}

@ObjectType({ description: '审计链校验结果' })
class AuditChainVerification {
  @Field(() => Boolean)
  ok!: boolean;
  @Field(() => Int)
  checked!: number;
  @Field(() => Int, { nullable: true })
  firstBrokenSeq!: number | null;
  @Field(() => ID, { nullable: true })
  firstBrokenId!: string | null;
  @Field(() => String, { nullable: true })
  reason!: string | null;
}

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Authorized(Permission.AUDIT_READ)
  @Query(() => AuditPage, { description: '审计日志，最新在前' })
  async auditLog(
    @Ctx() ctx: RequestContext,
    @Arg('entityType', () => String, { nullable: true }) entityType?: string,
    @Arg('entityId', () => String, { nullable: true }) entityId?: string,
    @Arg('action', () => String, { nullable: true }) action?: string,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset = 0,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit = 50,
  ): Promise<AuditPage> {
    const where = {
      ...(entityType ? { entityType } : {}),
      ...(entityId ? { entityId } : {}),
      ...(action ? { action } : {}),
    };
    const [items, total] = await ctx.em.findAndCount(AuditEntry, where, {
      orderBy: { seq: 'desc' },
      offset: Math.max(0, offset),
      limit: Math.min(Math.max(1, limit), 200),
    });
    return { items, total };
  }

  @Authorized(Permission.AUDIT_READ)
  @Query(() => AuditChainVerification, { description: '逐条校验审计哈希链，指出第一条被篡改的记录' })
  verifyAuditChain(@Ctx() ctx: RequestContext): Promise<AuditChainVerification> {
    return verifyChain(ctx.em);
  }

  @FieldResolver(() => String, { nullable: true, description: 'JSON' })
  before(@Root() e: AuditEntry): string | null {
    return e.before ? JSON.stringify(e.before) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'JSON' })
  after(@Root() e: AuditEntry): string | null {
    return e.after ? JSON.stringify(e.after) : null;
  }
}
