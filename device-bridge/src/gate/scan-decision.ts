import {
  type Credential,
  type Decision,
  type Direction,
  decide,
  deny,
  floorMask,
  type GatePerson,
  type PassagePoint,
  type PassVerifier,
} from '@park/core';
import type { CacheSnapshot } from '../cache/snapshot.js';
import type { DeviceConfig } from '../config-devices.js';
import type { ScanEvent } from '../kinds/index.js';
import type { GateState } from './gate-state.js';

export interface ScanInput {
  scan: ScanEvent;
  device: DeviceConfig;
  snapshot: CacheSnapshot | undefined;
  /** Shares the site's replay window: a pass verified here is used up on every lane. */
  verifier: PassVerifier;
  state: GateState;
  online: boolean;
  /** Epoch ms, the bridge's clock. */
  now: number;
}

export interface ScanOutcome {
  decision: Decision;
  point: PassagePoint | null;
  direction: Direction;
  personId: string | null;
  /** Card number, or the jti of a pass that verified. */
  credentialRef: string | null;
  passExp: number | null;
  /** Elevators: floors to enable with an unlock. */
  floors: number[] | undefined;
}

/**
 * From a scan to a decision, from the local cache alone: verify the pass or find the card, find the
 * person and their grants, and ask the same engine the API asks. Default deny: no cache, an unknown
 * passage point, card or person all refuse. Reads state; applyOutcome writes it.
 */
export function decideScan(input: ScanInput): ScanOutcome {
  const { scan, device, snapshot, now } = input;
  const direction = scan.direction ?? device.direction;
  const card = scan.credential.kind === 'CARD' ? scan.credential.number : null;
  const refuse = (decision: Decision, more: Partial<ScanOutcome> = {}): ScanOutcome => ({
    decision,
    point: null,
    direction,
    personId: null,
    credentialRef: card,
    passExp: null,
    floors: undefined,
    ...more,
  });
  if (!snapshot) return refuse(deny('NO_GRANT', 'no gate cache yet'));
  const { index } = snapshot;
  const point = index.points.get(device.passagePointId);
  if (!point) return refuse(deny('NO_GRANT', `passage point ${device.passagePointId} not in the gate cache`));

  let personId: string;
  let credential: Credential;
  let credentialRef = card;
  let passExp: number | null = null;
  if (scan.credential.kind === 'QR') {
    const check = input.verifier.verify(scan.credential.token, now);
    if (!check.ok) return refuse(deny(check.reason, check.detail), { point });
    ({ personId } = check);
    credential = { kind: 'QR' };
    credentialRef = check.jti;
    passExp = check.exp;
  } else {
    const found = index.cards.get(scan.credential.number);
    if (!found) return refuse(deny('CARD_INVALID', 'card not registered'), { point });
    personId = found.personId;
    credential = { kind: 'CARD', status: found.status };
  }
  const more = { point, personId, credentialRef, passExp };
  const person = index.people.get(personId);
  if (!person) {
    // As the API answers: an unknown holder makes the credential invalid, unless the card is lost.
    const lost = credential.kind === 'CARD' && credential.status === 'LOST';
    return refuse(deny(lost ? 'CARD_LOST' : 'CARD_INVALID', 'person not in the gate cache'), more);
  }
  const site = input.online ? index.site : snapshot.offlineSite;
  const decision = decide({
    at: now,
    person,
    credential,
    point,
    direction,
    grants: person.grants,
    site,
    state: input.state.decisionState(personId, point, direction),
  });
  const floors =
    decision.allow && device.kind === 'elevator' ? elevatorFloors(device, person, now, site) : undefined;
  return { decision, direction, floors, ...more };
}

/**
 * Writes what an outcome changes: presence and occupancy on a passage, the passage itself for a
 * visitor's escort check, held scans for the two-person rule.
 */
export function applyOutcome(state: GateState, outcome: ScanOutcome, scanId: string, now: number): void {
  const { decision, point, personId } = outcome;
  if (!point || !personId) return;
  if (decision.allow) {
    state.moved(personId, decision.presenceAfter);
    state.passed(point.id, { personId, at: now, direction: outcome.direction });
    if (decision.releasedScan) {
      // The held person walks through with this one.
      state.moved(decision.releasedScan.personId, decision.presenceAfter);
      state.release(point.id, decision.releasedScan.scanId);
      state.passed(point.id, {
        personId: decision.releasedScan.personId,
        at: now,
        direction: outcome.direction,
      });
    }
  } else if (decision.reason === 'SECOND_PERSON_REQUIRED') {
    state.hold(point.id, { scanId, personId, at: now });
  }
}

function elevatorFloors(
  device: DeviceConfig,
  person: GatePerson,
  at: number,
  site: CacheSnapshot['index']['site'],
): number[] {
  const floors = new Map(Object.entries(device.floors ?? {}).map(([floor, area]) => [Number(floor), area]));
  return floorMask({ at, person, grants: person.grants, site, floors }).floors;
}
