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
import { Permission } from '../common/permission.js';
import { ApprovalInbox, ApprovalKind, ApprovalStatus } from './approval.enums.js';
import type { ApprovalRequestedPayload } from './approval.events.js';
import { approvalById, approvalInbox, myApprovalRequests, personNames, stepsOf } from './approval.queries.js';
import { cancelApprovalRequest, decideApproval } from './approval.service.js';
import { ApprovalNotice, DecideApprovalInput } from './approval.types.js';
import { ApprovalRequest } from './approval-request.entity.js';
import { ApprovalStep } from './approval-step.entity.js';

/**
 * Requester side (APPROVAL_REQUEST): own requests, one request, withdraw. Approver side
 * (APPROVAL_DECIDE, which every employee holds, since anyone may be a named approver or a head):
 * inbox, decide, live notices. Which requests a caller may touch is the service's set-based check.
 */
@Resolver()
export class ApprovalResolver {
  @Authorized(Permission.APPROVAL_DECIDE)
  @Query(() => [ApprovalRequest], { description: '我的审批：TODO 待我审批（默认），DONE 我已审批过的' })
  approvals(
    @Ctx() ctx: RequestContext,
    @Arg('inbox', () => ApprovalInbox, { defaultValue: ApprovalInbox.TODO }) inbox: ApprovalInbox,
    @Arg('status', () => ApprovalStatus, { nullable: true }) status: ApprovalStatus | null,
    @Arg('kind', () => ApprovalKind, { nullable: true }) kind: ApprovalKind | null,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
  ): Promise<ApprovalRequest[]> {
    return approvalInbox(ctx, { inbox, status, kind, offset, limit });
  }

  @Authorized(Permission.APPROVAL_REQUEST)
  @Query(() => [ApprovalRequest], { description: '我提交的申请，最新在前' })
  myApprovalRequests(
    @Ctx() ctx: RequestContext,
    @Arg('status', () => ApprovalStatus, { nullable: true }) status: ApprovalStatus | null,
    @Arg('kind', () => ApprovalKind, { nullable: true }) kind: ApprovalKind | null,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
  ): Promise<ApprovalRequest[]> {
    return myApprovalRequests(ctx, { status, kind, offset, limit });
  }

  @Authorized(Permission.APPROVAL_REQUEST)
  @Query(() => ApprovalRequest, { description: '一条申请（申请人与各步审批人可见）' })
  approval(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<ApprovalRequest> {
    return approvalById(ctx, id);
  }

  @Authorized(Permission.APPROVAL_DECIDE)
  @Mutation(() => ApprovalRequest, { description: '审批当前步骤：同意进入下一步，驳回（须填意见）结束申请' })
  decideApproval(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DecideApprovalInput) input: DecideApprovalInput,
  ): Promise<ApprovalRequest> {
    return decideApproval(ctx, input);
  }

  @Authorized(Permission.APPROVAL_REQUEST)
  @Mutation(() => ApprovalRequest, { description: '申请人撤回审批中的申请' })
  cancelApprovalRequest(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
  ): Promise<ApprovalRequest> {
    return cancelApprovalRequest(ctx, id, reason);
  }

  @Authorized(Permission.APPROVAL_DECIDE)
  @Subscription(() => ApprovalNotice, {
    topics: 'APPROVAL_REQUESTED',
    topicId: ({ context }: { context: RequestContext }) => context.principal?.personId ?? 'nobody',
    description: '有步骤待我审批（含催办）；只推送给该步骤的审批人',
    filter: ({ payload, context }: { payload: ApprovalRequestedPayload; context: RequestContext }) =>
      !!context.principal?.personId && payload.candidateIds.includes(context.principal.personId),
  })
  approvalRequested(@Root() payload: ApprovalRequestedPayload): ApprovalNotice {
    const { candidateIds: _, ...notice } = payload;
    return notice;
  }
}

@Resolver(() => ApprovalRequest)
export class ApprovalRequestResolver {
  @FieldResolver(() => ID)
  requesterId(@Root() r: ApprovalRequest): string {
    return r.requester.id;
  }

  @FieldResolver(() => String)
  async requesterName(@Root() r: ApprovalRequest, @Ctx() ctx: RequestContext): Promise<string> {
    const [name] = await personNames(ctx, [r.requester.id]);
    return name ?? '';
  }

  @FieldResolver(() => [ApprovalStep])
  steps(@Root() r: ApprovalRequest, @Ctx() ctx: RequestContext): Promise<ApprovalStep[]> {
    return stepsOf(ctx, r.id);
  }

  @FieldResolver(() => Boolean, { description: '当前步骤是否待我审批' })
  async canDecide(@Root() r: ApprovalRequest, @Ctx() ctx: RequestContext): Promise<boolean> {
    const me = ctx.principal?.personId;
    if (!me || r.status !== ApprovalStatus.PENDING) return false;
    const current = (await stepsOf(ctx, r.id)).find((s) => s.seq === r.currentStep);
    return current?.candidateIds.includes(me) ?? false;
  }
}

@Resolver(() => ApprovalStep)
export class ApprovalStepResolver {
  @FieldResolver(() => [String], { description: '本步骤的审批人（成为当前步骤时确定）' })
  async approverNames(@Root() s: ApprovalStep, @Ctx() ctx: RequestContext): Promise<string[]> {
    return (await personNames(ctx, s.candidateIds)).filter((n): n is string => !!n);
  }

  @FieldResolver(() => ID, { nullable: true })
  decidedById(@Root() s: ApprovalStep): string | null {
    return s.decidedBy?.id ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  async decidedByName(@Root() s: ApprovalStep, @Ctx() ctx: RequestContext): Promise<string | null> {
    return s.decidedBy ? ((await personNames(ctx, [s.decidedBy.id]))[0] ?? null) : null;
  }
}
