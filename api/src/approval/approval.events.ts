import { DomainEvent } from '../common/events.js';
import type { ApprovalKind, ApprovalStatus } from './approval.enums.js';

/** What an approver's phone is told: enough for the inbox line, without a database read per subscriber. */
export interface ApprovalRequestedPayload {
  requestId: string;
  kind: ApprovalKind;
  title: string;
  summary: string;
  requesterName: string;
  stepSeq: number;
  stepName: string;
  requestedAt: Date;
  /** Person ids who may decide the step; the subscription delivers to these alone. */
  candidateIds: string[];
  /** A nudge about a step that has waited too long, not a new one. */
  reminder: boolean;
}

/** A step became current, or is reminded about: its candidates are notified. */
export class ApprovalStepOpened extends DomainEvent {
  readonly type = 'ApprovalStepOpened';
  constructor(readonly payload: ApprovalRequestedPayload) {
    super();
  }
}

/** A request ended: approved (its handler has run), rejected or withdrawn. For the requester's side. */
export class ApprovalFinished extends DomainEvent {
  readonly type = 'ApprovalFinished';
  constructor(
    readonly requestId: string,
    readonly kind: ApprovalKind,
    readonly status: ApprovalStatus,
    readonly requesterId: string,
  ) {
    super();
  }
}
