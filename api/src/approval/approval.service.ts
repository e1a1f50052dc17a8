import { FlushMode, LockMode, ref } from '@mikro-orm/core';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type RequestContext } from '../common/context.js';
import { isUuid } from '../common/ids.js';
import { PersonStatus } from '../identity/identity.enums.js';
import { IdentityErrors } from '../identity/identity.errors.js';
import { Person } from '../identity/person.entity.js';
import { ApprovalDecision, type ApprovalKind, ApprovalStatus, ApprovalStepStatus } from './approval.enums.js';
import { ApprovalErrors } from './approval.errors.js';
import { ApprovalFinished, ApprovalStepOpened } from './approval.events.js';
import { takesPart } from './approval.queries.js';
import { approvalHandler } from './approval-handlers.js';
import { type ApprovalPolicy, type Facts, planSteps } from './approval-policy.js';
import { ApprovalRequest } from './approval-request.entity.js';
import { ApprovalStep } from './approval-step.entity.js';
import { resolveStep } from './approver-rules.js';

export interface ApprovalWindow {
  from: Date;
  until: Date;
}

/** What a domain hands the engine to start a request of its kind. */
export interface SubmitApproval {
  kind: ApprovalKind;
  requesterId: string;
  subject: Record<string, unknown>;
  /** Facts the policy's `when` conditions test, e.g. `{ areaLevel: 'KEY' }`. */
  facts?: Facts;
  /** A requested time window, checked against the policy (order, past, length, lead time). */
  window?: ApprovalWindow;
  title: string;
  summary: string;
}

/** The configured policy of a kind that has a handler; KIND_NOT_SUPPORTED otherwise. */
export function approvalPolicy(ctx: RequestContext, kind: ApprovalKind): ApprovalPolicy {
  const policy = ctx.config.approvalPolicies[kind];
  if (!policy || !approvalHandler(kind)) throw ApprovalErrors.kindNotSupported();
  return policy;
}

export function checkWindow(policy: ApprovalPolicy, w: ApprovalWindow, now = new Date()): void {
  const hour = 3_600_000;
  if (w.until.getTime() <= w.from.getTime()) throw ApprovalErrors.badWindow();
  if (w.until.getTime() <= now.getTime()) throw ApprovalErrors.windowInPast();
  if (policy.maxWindowHours && w.until.getTime() - w.from.getTime() > policy.maxWindowHours * hour)
    throw ApprovalErrors.windowTooLong(policy.maxWindowHours);
  if (policy.maxLeadDays && w.from.getTime() - now.getTime() > policy.maxLeadDays * 24 * hour)
    throw ApprovalErrors.windowTooFar(policy.maxLeadDays);
}

/**
 * Starts a request: plans its steps from the policy, makes sure every step has someone to decide it
 * (an undecidable request is refused, NO_APPROVER), opens the first one and notifies its candidates
 * after commit. Joins the caller's transaction when there is one.
 */
export async function submitApproval(ctx: RequestContext, input: SubmitApproval): Promise<ApprovalRequest> {
  const policy = approvalPolicy(ctx, input.kind);
  if (input.window) checkWindow(policy, input.window);
  return inTransaction(ctx, async (tx) => {
    // By id, and the identity map already holds the caller's pending changes to them: no need to flush
    // those first (one round trip of writes at commit, not two).
    const requester = isUuid(input.requesterId)
      ? await tx.em.findOne(Person, input.requesterId, { flushMode: FlushMode.COMMIT })
      : null;
    if (!requester) throw ApprovalErrors.noPerson();
    if (requester.status !== PersonStatus.ACTIVE) throw IdentityErrors.personInactive();
    const planned = planSteps(policy, input.facts ?? {});
    // Later steps are resolved again when they become current; this only refuses what could never finish.
    const candidates: string[][] = [];
    for (const step of planned) candidates.push(await resolveStep(tx, step, requester, input.subject));
    const request = tx.em.create(ApprovalRequest, {
      kind: input.kind,
      requester,
      subject: input.subject,
      title: input.title,
      summary: input.summary,
      currentStep: null,
    });
    const steps = planned.map((s, i) =>
      tx.em.create(ApprovalStep, {
        request,
        seq: i + 1,
        name: s.name,
        rule: { approver: s.approver, ...(s.fallback ? { fallback: s.fallback } : {}) },
      }),
    );
    openStep(tx, request, steps[0]!, candidates[0]!, requester);
    await recordAudit(tx, {
      action: 'APPROVAL_SUBMIT',
      entityType: 'ApprovalRequest',
      entityId: request.id,
      after: {
        kind: request.kind,
        requesterId: requester.id,
        title: request.title,
        subject: request.subject,
        steps: steps.map((s) => ({ seq: s.seq, name: s.name })),
        candidateIds: candidates[0],
      },
    });
    return request;
  });
}

function openStep(
  tx: RequestContext,
  request: ApprovalRequest,
  step: ApprovalStep,
  candidateIds: string[],
  requester: Person,
  now = new Date(),
): void {
  step.status = ApprovalStepStatus.PENDING;
  step.candidateIds = candidateIds;
  step.activatedAt = now;
  request.currentStep = step.seq;
  tx.emit?.(new ApprovalStepOpened(notice(request, step, requester.name, false)));
}

export function notice(
  request: ApprovalRequest,
  step: ApprovalStep,
  requesterName: string,
  reminder: boolean,
) {
  return {
    requestId: request.id,
    kind: request.kind,
    title: request.title,
    summary: request.summary,
    requesterName,
    stepSeq: step.seq,
    stepName: step.name,
    requestedAt: request.createdAt,
    candidateIds: [...step.candidateIds],
    reminder,
  };
}

export interface DecideApprovalArgs {
  requestId: string;
  decision: ApprovalDecision;
  comment?: string | null;
}

/** Loads a request for a change, locked, if the caller takes part in it; NOT_FOUND otherwise. */
async function lockForParticipant(tx: RequestContext, requestId: string, me: string) {
  const request = isUuid(requestId)
    ? await tx.em.findOne(ApprovalRequest, requestId, { lockMode: LockMode.PESSIMISTIC_WRITE })
    : null;
  const steps = request ? await tx.em.find(ApprovalStep, { request }, { orderBy: { seq: 'asc' } }) : [];
  if (!request || !takesPart(request, steps, me)) throw ApprovalErrors.notFound();
  return { request, steps };
}

/**
 * Approve or reject the current step. Approving the last step runs the kind's handler in this same
 * transaction (the grant and its audit commit with the decision, or neither does).
 */
export async function decideApproval(
  ctx: RequestContext,
  args: DecideApprovalArgs,
): Promise<ApprovalRequest> {
  const me = ctx.principal?.personId;
  if (!me) throw ApprovalErrors.notFound();
  const comment = args.comment?.trim() || null;
  if (args.decision === ApprovalDecision.REJECT && !comment) throw ApprovalErrors.commentRequired();
  if (comment && comment.length > 500) throw ApprovalErrors.commentTooLong();
  return inTransaction(ctx, async (tx) => {
    const { request, steps } = await lockForParticipant(tx, args.requestId, me);
    if (request.status !== ApprovalStatus.PENDING) throw ApprovalErrors.alreadyDecided(request.status);
    const step = steps.find((s) => s.seq === request.currentStep)!;
    if (!step.candidateIds.includes(me)) {
      if (steps.some((s) => s.decidedBy?.id === me)) throw ApprovalErrors.alreadyDecided();
      throw ApprovalErrors.notApprover();
    }
    const now = new Date();
    const approve = args.decision === ApprovalDecision.APPROVE;
    step.status = approve ? ApprovalStepStatus.APPROVED : ApprovalStepStatus.REJECTED;
    step.decidedBy = ref(Person, me);
    step.decidedAt = now;
    step.comment = comment;
    const requester = await tx.em.findOneOrFail(Person, request.requester.id);
    const next = approve ? steps.find((s) => s.seq > step.seq) : undefined;
    if (next) {
      openStep(
        tx,
        request,
        next,
        await resolveStep(tx, { ...next.rule, name: next.name }, requester, request.subject),
        requester,
        now,
      );
    } else if (approve) {
      finish(request, steps, ApprovalStatus.APPROVED, now);
      const handler = approvalHandler(request.kind);
      if (!handler) throw ApprovalErrors.kindNotSupported();
      request.outcome = await handler.approved(tx, request);
    } else {
      finish(request, steps, ApprovalStatus.REJECTED, now);
      await approvalHandler(request.kind)?.closed?.(tx, request, { comment });
    }
    await recordAudit(tx, {
      action: 'APPROVAL_DECIDE',
      entityType: 'ApprovalRequest',
      entityId: request.id,
      after: {
        step: step.seq,
        stepName: step.name,
        decision: args.decision,
        comment,
        status: request.status,
        nextStep: next?.seq ?? null,
        outcome: request.outcome ?? null,
      },
    });
    if (request.status !== ApprovalStatus.PENDING)
      tx.emit?.(new ApprovalFinished(request.id, request.kind, request.status, requester.id));
    return request;
  });
}

/** The requester withdraws a request still under way. */
export async function cancelApprovalRequest(
  ctx: RequestContext,
  requestId: string,
  reason?: string | null,
): Promise<ApprovalRequest> {
  const me = ctx.principal?.personId;
  if (!me) throw ApprovalErrors.notFound();
  return inTransaction(ctx, async (tx) => {
    const { request, steps } = await lockForParticipant(tx, requestId, me);
    if (request.requester.id !== me) throw ApprovalErrors.notFound();
    if (request.status !== ApprovalStatus.PENDING) throw ApprovalErrors.alreadyDecided(request.status);
    finish(request, steps, ApprovalStatus.CANCELLED, new Date());
    await approvalHandler(request.kind)?.closed?.(tx, request, { comment: reason?.trim() || null });
    await recordAudit(tx, {
      action: 'APPROVAL_CANCEL',
      entityType: 'ApprovalRequest',
      entityId: request.id,
      after: { status: request.status, reason: reason?.trim() || null },
    });
    tx.emit?.(new ApprovalFinished(request.id, request.kind, request.status, me));
    return request;
  });
}

/**
 * The kind's own domain withdraws a request still under way, because what it asked for is gone (a
 * visit cancelled by its host or the gate, or whose time ran out). The domain has checked who may do
 * that; its handler's `closed` is not called, the domain is the one closing. Joins the caller's
 * transaction. Returns false when the request had already ended.
 */
export async function withdrawApproval(
  ctx: RequestContext,
  requestId: string,
  reason: string,
): Promise<boolean> {
  return inTransaction(ctx, async (tx) => {
    const request = isUuid(requestId)
      ? await tx.em.findOne(ApprovalRequest, requestId, { lockMode: LockMode.PESSIMISTIC_WRITE })
      : null;
    if (!request || request.status !== ApprovalStatus.PENDING) return false;
    const steps = await tx.em.find(ApprovalStep, { request }, { orderBy: { seq: 'asc' } });
    finish(request, steps, ApprovalStatus.CANCELLED, new Date());
    await recordAudit(tx, {
      action: 'APPROVAL_CANCEL',
      entityType: 'ApprovalRequest',
      entityId: request.id,
      after: { status: request.status, reason, withdrawnBy: request.kind },
    });
    tx.emit?.(new ApprovalFinished(request.id, request.kind, request.status, request.requester.id));
    return true;
  });
}

function finish(request: ApprovalRequest, steps: ApprovalStep[], status: ApprovalStatus, now: Date): void {
  request.status = status;
  request.currentStep = null;
  request.finishedAt = now;
  for (const s of steps)
    if (s.status === ApprovalStepStatus.WAITING || s.status === ApprovalStepStatus.PENDING)
      s.status = ApprovalStepStatus.CANCELLED;
}
