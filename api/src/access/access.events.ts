import { DomainEvent } from '../common/events.js';
import type { StoredEvent } from './event-ingest.service.js';

/** Areas, passage points, schedules, the calendar or grants changed: gate caches must resync. */
export class AccessChanged extends DomainEvent {
  readonly type = 'AccessChanged';
  constructor(
    readonly what: 'area' | 'passagePoint' | 'schedule' | 'calendar' | 'grant' | 'postGrants',
    readonly id: string,
    readonly personId?: string,
  ) {
    super();
  }
}

/** A bridge's batch of passages was stored: the new ones, repeats of stored events left out. */
export class PassagesIngested extends DomainEvent {
  readonly type = 'PassagesIngested';
  constructor(readonly stored: readonly StoredEvent[]) {
    super();
  }
}
