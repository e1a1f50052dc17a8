import type { RequestContext } from '../common/context.js';
import { isUuid } from '../common/ids.js';
import { loaderFor } from '../common/loader.js';
import { ApprovalInbox, type ApprovalKind, ApprovalStatus } from './approval.enums.js';
import { ApprovalErrors } from './approval.errors.js';
import { ApprovalRequest } from './approval-request.entity.js';
import { ApprovalStep } from './approval-step.entity.js';

/** The requester, and whoever was asked to or did decide a step, may see a request; nobody else. */
export function takesPart(request: ApprovalRequest, steps: ApprovalStep[], personId: string): boolean {
  return (
    request.requester.id === personId ||
    steps.some((s) => s.candidateIds.includes(personId) || s.decidedBy?.id === personId)
  );
}

export interface ApprovalListArgs {
  inbox?: ApprovalInbox;
  status?: ApprovalStatus | null;
  kind?: ApprovalKind | null;
  offset: number;
  limit: number;
}

const page = (a: ApprovalListArgs) => ({
  offset: Math.max(0, a.offset),
  limit: Math.min(Math.max(1, a.limit), 200),
});

async function inOrder(ctx: RequestContext, ids: string[]): Promise<ApprovalRequest[]> {
  if (!ids.length) return [];
  const found = new Map((await ctx.em.find(ApprovalRequest, { id: { $in: ids } })).map((r) => [r.id, r]));
  return ids.map((id) => found.get(id)!).filter(Boolean);
}

/**
 * The caller's approvals: TODO = requests whose current step the caller may decide (newest first,
 * one GIN index read); DONE = requests the caller decided a step of, optionally by final status.
 */
export async function approvalInbox(ctx: RequestContext, args: ApprovalListArgs): Promise<ApprovalRequest[]> {
  const me = ctx.principal?.personId;
  if (!me) return [];
  const { offset, limit } = page(args);
  const kind = args.kind ? 'and r.kind = ?' : '';
  const kindParam = args.kind ? [args.kind] : [];
  if ((args.inbox ?? ApprovalInbox.TODO) === ApprovalInbox.TODO) {
    if (args.status && args.status !== ApprovalStatus.PENDING) return [];
    const rows = await ctx.em.execute<{ id: string }[]>(
      `select r.id from approval_step s join approval_request r on r.id = s.request_id
        where s.status = 'PENDING' and s.candidate_ids @> array[?]::uuid[] ${kind}
        order by s.activated_at desc limit ? offset ?`,
      [me, ...kindParam, limit, offset],
    );
    return inOrder(
      ctx,
      rows.map((r) => r.id),
    );
  }
  const status = args.status ? 'and r.status = ?' : '';
  const rows = await ctx.em.execute<{ id: string }[]>(
    `select r.id from approval_step s join approval_request r on r.id = s.request_id
      where s.decided_by_id = ? ${status} ${kind}
      group by r.id order by max(s.decided_at) desc limit ? offset ?`,
    [me, ...(args.status ? [args.status] : []), ...kindParam, limit, offset],
  );
  return inOrder(
    ctx,
    rows.map((r) => r.id),
  );
}

/** Requests the caller made, newest first. */
export async function myApprovalRequests(
  ctx: RequestContext,
  args: ApprovalListArgs,
): Promise<ApprovalRequest[]> {
  const me = ctx.principal?.personId;
  if (!me) return [];
  return ctx.em.find(
    ApprovalRequest,
    {
      requester: me,
      ...(args.status ? { status: args.status } : {}),
      ...(args.kind ? { kind: args.kind } : {}),
    },
    { orderBy: { createdAt: 'desc' }, ...page(args) },
  );
}

export async function approvalById(ctx: RequestContext, id: string): Promise<ApprovalRequest> {
  const me = ctx.principal?.personId;
  const request = me && isUuid(id) ? await ctx.em.findOne(ApprovalRequest, id) : null;
  if (!request || !takesPart(request, await stepsOf(ctx, request.id), me!)) throw ApprovalErrors.notFound();
  return request;
}

/** A request's steps in order, batched across the requests of one response. */
export async function stepsOf(ctx: RequestContext, requestId: string): Promise<ApprovalStep[]> {
  const loader = loaderFor<string, ApprovalStep[]>(ctx, 'approvalSteps', async (ids) => {
    const steps = await ctx.em.find(ApprovalStep, { request: { $in: ids } }, { orderBy: { seq: 'asc' } });
    const out = new Map<string, ApprovalStep[]>(ids.map((id) => [id, []]));
    for (const s of steps) out.get(s.request.id)?.push(s);
    return out;
  });
  return (await loader.load(requestId)) ?? [];
}

/** People's names by id, batched; only names, which every participant of a request may see. */
export function personNames(ctx: RequestContext, ids: string[]): Promise<(string | undefined)[]> {
  const loader = loaderFor<string, string>(ctx, 'approvalPersonNames', async (keys) => {
    const rows = await ctx.em
      .getConnection()
      .execute<{ id: string; name: string }[]>('select id, name from person where id in (?)', [keys]);
    return new Map(rows.map((r) => [r.id, r.name]));
  });
  return Promise.all(ids.map((id) => loader.load(id)));
}
