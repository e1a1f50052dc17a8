import { DomainEvent } from '../common/events.js';

/** The audit chain grew to `seq`: whatever watches the change log (the gates' sync) looks again. */
export class AuditAppended extends DomainEvent {
  readonly type = 'AuditAppended';
  constructor(readonly seq: number) {
    super();
  }
}
