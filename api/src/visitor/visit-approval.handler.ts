import { z } from 'zod';
import { ApprovalKind, ApprovalStatus } from '../approval/approval.enums.js';
import { ApprovalErrors } from '../approval/approval.errors.js';
import type { ApprovalHandler } from '../approval/approval-handlers.js';
import { recordAudit } from '../audit/audit.service.js';
import { audienceOf, lockVisit, overlapping, peopleOf } from './visit.queries.js';
import { openPass } from './visit-pass.service.js';
import { VisitStatus } from './visitor.enums.js';
import { VisitorErrors } from './visitor.errors.js';
import { VisitChanged } from './visitor.events.js';

const visitSubject = z.object({ visitId: z.uuid() }).loose();

/**
 * Visits through the approval engine (ApprovalKind VISIT). The last approval opens the visit's pass
 * in the same transaction as the decision; a rejection's comment becomes the reason the visitor
 * reads; a withdrawal through the engine cancels the visit.
 */
export const visitApprovalHandler: ApprovalHandler = {
  kind: ApprovalKind.VISIT,

  async approved(tx, request) {
    const { visitId } = visitSubject.parse(request.subject);
    const visit = await lockVisit(tx, visitId);
    if (!visit) throw VisitorErrors.notFound();
    if (visit.status === VisitStatus.CANCELLED) throw VisitorErrors.cancelled();
    if (visit.status !== VisitStatus.PENDING) throw VisitorErrors.notPending();
    if (visit.validUntil.getTime() <= Date.now()) throw ApprovalErrors.windowPassed();
    const people = await peopleOf(tx.em, [visit.id]);
    const clash = await overlapping(
      tx.em,
      people.map((p) => p.personId),
      visit.validFrom,
      visit.validUntil,
      visit.id,
    );
    if (clash) throw VisitorErrors.overlapOnApprove(clash);
    visit.status = VisitStatus.APPROVED;
    visit.decidedAt = new Date();
    await openPass(tx, visit, people);
    await recordAudit(tx, {
      action: 'VISIT_APPROVE',
      entityType: 'Visit',
      entityId: visit.id,
      after: { status: visit.status, approvalId: request.id, grantIds: visit.grantIds },
    });
    tx.emit?.(new VisitChanged(audienceOf(visit), 'APPROVED', visit.status));
    return { visitId: visit.id, grantIds: visit.grantIds };
  },

  async closed(tx, request, ending) {
    const { visitId } = visitSubject.parse(request.subject);
    const visit = await lockVisit(tx, visitId);
    // Already ended by its own domain (cancelled at the gate, expired): nothing left to say.
    if (!visit || visit.status !== VisitStatus.PENDING) return;
    const rejected = request.status === ApprovalStatus.REJECTED;
    visit.status = rejected ? VisitStatus.REJECTED : VisitStatus.CANCELLED;
    if (rejected) {
      visit.rejectionReason = ending?.comment ?? '未通过审批';
      visit.decidedAt = new Date();
    } else {
      visit.cancelReason = ending?.comment ?? '申请人撤回';
    }
    await recordAudit(tx, {
      action: rejected ? 'VISIT_REJECT' : 'VISIT_CANCEL',
      entityType: 'Visit',
      entityId: visit.id,
      after: {
        status: visit.status,
        approvalId: request.id,
        reason: visit.rejectionReason ?? visit.cancelReason ?? null,
      },
    });
    tx.emit?.(new VisitChanged(audienceOf(visit), rejected ? 'REJECTED' : 'CANCELLED', visit.status));
  },
};
