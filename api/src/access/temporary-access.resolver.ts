import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ApprovalRequest } from '../approval/approval-request.entity.js';
import type { RequestContext } from '../common/context.js';
import { Permission } from '../common/permission.js';
import { SecurityLevel } from './access.enums.js';
import { Area } from './area.entity.js';
import { requestTemporaryAccess, TemporaryAccessInput } from './temporary-access.service.js';

@Resolver()
export class TemporaryAccessResolver {
  @Authorized(Permission.APPROVAL_REQUEST)
  @Query(() => [Area], { description: '可申请临时通行的区域（公共区域无需申请，不列出）' })
  requestableAreas(@Ctx() ctx: RequestContext): Promise<Area[]> {
    return ctx.em.find(Area, { securityLevel: { $ne: SecurityLevel.PUBLIC } }, { orderBy: { path: 'asc' } });
  }

  @Authorized(Permission.APPROVAL_REQUEST)
  @Mutation(() => ApprovalRequest, {
    description: '申请临时通行权限（作业审批临时权限）；审批通过后自动生成限时授权',
  })
  requestTemporaryAccess(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => TemporaryAccessInput) input: TemporaryAccessInput,
  ): Promise<ApprovalRequest> {
    return requestTemporaryAccess(ctx, input);
  }
}
