import { DomainEvent } from '../common/events.js';

/** A person left (离职/退场). Devices drop their credentials; canteen settles the wallet. */
export class PersonOffboarded extends DomainEvent {
  readonly type = 'PersonOffboarded';
  constructor(
    readonly personId: string,
    readonly exitAt: Date,
    readonly cardNumbers: string[],
    readonly plates: string[],
  ) {
    super();
  }
}

/** A card stopped being valid (lost, returned, replaced, voided): gates must refuse it now. */
export class CardRevoked extends DomainEvent {
  readonly type = 'CardRevoked';
  constructor(
    readonly personId: string,
    readonly cardNumber: string,
    readonly reason: string,
  ) {
    super();
  }
}

export class PersonChanged extends DomainEvent {
  readonly type = 'PersonChanged';
  constructor(readonly personId: string) {
    super();
  }
}
