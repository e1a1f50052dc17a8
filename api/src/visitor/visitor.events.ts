import { DomainEvent } from '../common/events.js';
import type { VisitStatus } from './visitor.enums.js';

/** What changed about a visit, for its live watchers and the visitor's WeChat message. */
export type VisitChange =
  | 'BOOKED'
  | 'APPROVED'
  | 'REJECTED'
  | 'CANCELLED'
  | 'CHECKED_IN'
  | 'CHECKED_OUT'
  | 'EXPIRED'
  | 'OVERSTAY'
  | 'ESCORTS';

/** Who may watch a visit: enough for the subscription's filter without a read per subscriber. */
export interface VisitAudience {
  visitId: string;
  visitorId: string;
  hostId: string;
}

/** A visit was booked or changed; published after commit. */
export class VisitChanged extends DomainEvent {
  readonly type = 'VisitChanged';
  constructor(
    readonly audience: VisitAudience,
    readonly change: VisitChange,
    readonly status: VisitStatus,
  ) {
    super();
  }
}
