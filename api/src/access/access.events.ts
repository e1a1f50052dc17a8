import { DomainEvent } from '../common/events.js';

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
