import type { RequestContext } from '../common/context.js';
import type { ApprovalKind } from './approval.enums.js';
import type { ApprovalRequest } from './approval-request.entity.js';

/**
 * What a domain plugs into the engine for its kind of request. The engine never looks inside
 * `subject`; the handler does, inside the transaction that ends the request.
 */
export interface ApprovalHandler {
  readonly kind: ApprovalKind;
  /** The last step was approved: do what was asked (create the grant, confirm the visit …). Its result is kept as the request's outcome. */
  approved(tx: RequestContext, request: ApprovalRequest): Promise<Record<string, unknown>>;
  /** The request ended without approval (rejected or withdrawn); `comment` is the rejection's or the withdrawal's reason. */
  closed?(tx: RequestContext, request: ApprovalRequest, ending?: ApprovalEnding): Promise<void>;
}

/** How a request ended without approval, for the kind to tell its requester. */
export interface ApprovalEnding {
  comment: string | null;
}

const handlers = new Map<ApprovalKind, ApprovalHandler>();

/** Called once at start-up by the composition root (server.ts) with every domain's handler. */
export function registerApprovalHandlers(list: readonly ApprovalHandler[]): void {
  for (const h of list) {
    const known = handlers.get(h.kind);
    if (known && known !== h) throw new Error(`Two approval handlers for ${h.kind}`);
    handlers.set(h.kind, h);
  }
}

export function approvalHandler(kind: ApprovalKind): ApprovalHandler | undefined {
  return handlers.get(kind);
}
