import { DomainEvent } from '../common/events.js';
import type { Alarm } from './alarm.entity.js';
import type { SyncCommand } from './device-sync.types.js';

/** A command was stored for a device of `siteId`: the sync stream hands it to that site's bridge. */
export class DeviceCommandQueued extends DomainEvent {
  readonly type = 'DeviceCommandQueued';
  constructor(
    readonly siteId: string,
    readonly command: SyncCommand,
  ) {
    super();
  }
}

/** An alarm was raised (new, not a repeat of one already on file). */
export class AlarmRaised extends DomainEvent {
  readonly type = 'AlarmRaised';
  constructor(readonly alarm: Alarm) {
    super();
  }
}
