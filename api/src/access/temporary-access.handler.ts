import { z } from 'zod';
import { ApprovalKind } from '../approval/approval.enums.js';
import { ApprovalErrors } from '../approval/approval.errors.js';
import type { ApprovalHandler } from '../approval/approval-handlers.js';
import { grantApproved } from './grant.service.js';

/** The subject of a TEMPORARY_ACCESS request, as requestTemporaryAccess stores it. */
export const temporaryAccessSubject = z.object({
  personId: z.uuid(),
  areaId: z.uuid(),
  areaName: z.string(),
  validFrom: z.iso.datetime({ offset: true }),
  validUntil: z.iso.datetime({ offset: true }),
  reason: z.string(),
});
export type TemporaryAccessSubject = z.infer<typeof temporaryAccessSubject>;

/**
 * 作业审批临时权限: once approved, a TEMPORARY grant of the area for the window asked for. The
 * window is then enforced by the decision engine at every gate; nothing has to expire it later.
 */
export const temporaryAccessHandler: ApprovalHandler = {
  kind: ApprovalKind.TEMPORARY_ACCESS,
  async approved(tx, request) {
    const s = temporaryAccessSubject.parse(request.subject);
    const validUntil = new Date(s.validUntil);
    if (validUntil.getTime() <= Date.now()) throw ApprovalErrors.windowPassed();
    const grant = await grantApproved(
      tx,
      { personId: s.personId, areaId: s.areaId, validFrom: new Date(s.validFrom), validUntil },
      request.id,
    );
    return { grantId: grant.id };
  },
};
