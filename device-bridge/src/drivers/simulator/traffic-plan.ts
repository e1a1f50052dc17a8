// What simulated devices do next, decided from the bridge's gate cache and presence alone: pure, so
// every choice is testable with a seeded random source. The mix is mostly people who may pass
// scanning in and out where they may, with the refusals a plant sees every day (strangers' cards,
// lost cards, people at a door they have no grant for, a WeChat code held to the reader) and the
// occasional door forced open.
import {
  areaChain,
  findGrant,
  type GateCard,
  type GateIndex,
  type GatePerson,
  isInside,
  localTime,
  type PassagePoint,
  qualificationProblem,
} from '@park/core';
import type { DeviceConfig } from '../../config-devices.js';
import type { ScanCredential } from '../../kinds/index.js';
import { between, pick, type Random } from './random.js';

export type SimDevice = Pick<DeviceConfig, 'id' | 'kind' | 'passagePointId' | 'direction'>;

export interface TrafficWorld {
  index: GateIndex;
  /** The simulated devices, as the bridge's registry lists them. */
  devices: readonly SimDevice[];
  /** Where the bridge last saw the person; undefined when it never did. */
  presenceOf(personId: string): string | null | undefined;
  /** Passage points whose door the simulation holds open now. */
  openDoors: ReadonlySet<string>;
  now: number;
}

/** Why a scan was made; the bridge decides on its own, so an intent is an expectation, not a result. */
export type ScanIntent = 'valid' | 'no-grant' | 'unknown-card' | 'dead-card' | 'stranger-qr';
export type TrafficIntent = ScanIntent | 'forced-open';

export type TrafficAction =
  | {
      type: 'scan';
      intent: ScanIntent;
      deviceId: string;
      personId: string | null;
      credential: ScanCredential;
    }
  | { type: 'forced-open'; deviceId: string; passagePointId: string };

/** Relative weights of each intent. */
export type TrafficMix = Readonly<Record<TrafficIntent, number>>;

export const DEFAULT_MIX: TrafficMix = {
  valid: 84,
  'no-grant': 5,
  'unknown-card': 4,
  'dead-card': 3,
  'stranger-qr': 2,
  'forced-open': 2,
};

/** Codes people hold to a reader by mistake: a WeChat contact, a payment code, a guest Wi-Fi card. */
const STRANGER_QR = [
  'https://u.wechat.com/EJ8mQk2y9xXsL0',
  '284619375028461937',
  'WIFI:T:WPA;S:DG-Guest;P:;;',
];

interface Derived {
  people: readonly GatePerson[];
  /** Each person's first live card. */
  cardOf: ReadonlyMap<string, string>;
  /** Cards a gate knows as lost, returned, replaced or voided. */
  deadCards: readonly GateCard[];
}

const derivedByIndex = new WeakMap<GateIndex, Derived>();

function derive(index: GateIndex): Derived {
  let derived = derivedByIndex.get(index);
  if (!derived) {
    const cardOf = new Map<string, string>();
    const deadCards: GateCard[] = [];
    for (const card of index.cards.values()) {
      if (card.status !== 'ACTIVE') deadCards.push(card);
      else if (!cardOf.has(card.personId)) cardOf.set(card.personId, card.number);
    }
    derived = { people: [...index.people.values()], cardOf, deadCards };
    derivedByIndex.set(index, derived);
  }
  return derived;
}

/** The next thing to happen, or undefined when there is nothing to simulate with. */
export function planNext(
  world: TrafficWorld,
  random: Random,
  mix: TrafficMix = DEFAULT_MIX,
): TrafficAction | undefined {
  if (world.devices.length === 0) return undefined;
  const intent = pickWeighted(random, mix);
  // Not every site has lost cards or doors: fall back to a valid scan, then to a stranger's card.
  return plan(intent, world, random) ?? plan('valid', world, random) ?? plan('unknown-card', world, random);
}

function pickWeighted(random: Random, mix: TrafficMix): TrafficIntent {
  const entries = Object.entries(mix) as Array<[TrafficIntent, number]>;
  let roll = random() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [intent, weight] of entries) {
    roll -= weight;
    if (roll < 0) return intent;
  }
  return 'valid';
}

function plan(intent: TrafficIntent, world: TrafficWorld, random: Random): TrafficAction | undefined {
  const derived = derive(world.index);
  const scan = (device: SimDevice, personId: string | null, credential: ScanCredential): TrafficAction => ({
    type: 'scan',
    intent: intent as ScanIntent,
    deviceId: device.id,
    personId,
    credential,
  });
  switch (intent) {
    case 'valid':
      return firstDevice(world, random, (device, point) => {
        const person = pick(random, passers(world, derived, device, point));
        return person && scan(device, person.id, card(derived, person));
      });
    case 'no-grant':
      return firstDevice(world, random, (device, point) => {
        if (device.direction !== 'IN') return undefined;
        const person = pick(random, ungranted(world, derived, point));
        return person && scan(device, person.id, card(derived, person));
      });
    case 'dead-card': {
      const dead = pick(random, derived.deadCards);
      const device = pick(random, world.devices);
      return dead && device && scan(device, dead.personId, { kind: 'CARD', number: dead.number });
    }
    case 'unknown-card': {
      const device = pick(random, world.devices)!;
      return scan(device, null, { kind: 'CARD', number: unknownCardNumber(world.index, random) });
    }
    case 'stranger-qr': {
      const device = pick(random, world.devices)!;
      return scan(device, null, { kind: 'QR', token: pick(random, STRANGER_QR)! });
    }
    case 'forced-open': {
      const doors = world.devices.filter((d) => d.kind === 'door' && !world.openDoors.has(d.passagePointId));
      const door = pick(random, doors);
      return door && { type: 'forced-open', deviceId: door.id, passagePointId: door.passagePointId };
    }
  }
}

/** Tries the devices from a random one on, so a lane nobody can use now does not stop the traffic. */
function firstDevice(
  world: TrafficWorld,
  random: Random,
  attempt: (device: SimDevice, point: PassagePoint) => TrafficAction | undefined,
): TrafficAction | undefined {
  const { devices } = world;
  const start = Math.floor(random() * devices.length);
  for (let i = 0; i < devices.length; i++) {
    const device = devices[(start + i) % devices.length];
    const point = world.index.points.get(device.passagePointId);
    const action = point && attempt(device, point);
    if (action) return action;
  }
  return undefined;
}

const card = (derived: Derived, person: GatePerson): ScanCredential => ({
  kind: 'CARD',
  number: derived.cardOf.get(person.id)!,
});

function mayEnter(world: TrafficWorld, person: GatePerson, point: PassagePoint): boolean {
  const { site } = world.index;
  const chain = areaChain(site.areas, point.toAreaId);
  return (
    findGrant(person, person.grants, chain, world.now, site).ok &&
    qualificationProblem(person, chain, world.now) === null
  );
}

/** People who would pass this device now: on its near side, with a live card, a grant to go in. */
function passers(
  world: TrafficWorld,
  derived: Derived,
  device: SimDevice,
  point: PassagePoint,
): GatePerson[] {
  const { areas } = world.index.site;
  const ready = derived.people.filter((p) => p.status === 'ACTIVE' && derived.cardOf.has(p.id));
  if (device.direction === 'IN') {
    return ready.filter((p) => {
      const at = world.presenceOf(p.id);
      const onNearSide =
        at === undefined ||
        (!isInside(areas, at, point.toAreaId) &&
          (point.fromAreaId === null || isInside(areas, at, point.fromAreaId)));
      return onNearSide && mayEnter(world, p, point);
    });
  }
  const inside = ready.filter((p) => world.presenceOf(p.id) === point.toAreaId);
  if (inside.length > 0) return inside;
  // Nobody seen going in yet (a fresh bridge): people who work there are taken to be inside.
  return ready.filter((p) => world.presenceOf(p.id) === undefined && mayEnter(world, p, point));
}

/** People with a live card who may not go in here now: the everyday "wrong door". */
function ungranted(world: TrafficWorld, derived: Derived, point: PassagePoint): GatePerson[] {
  return derived.people.filter(
    (p) => p.status === 'ACTIVE' && derived.cardOf.has(p.id) && !mayEnter(world, p, point),
  );
}

function unknownCardNumber(index: GateIndex, random: Random): string {
  for (;;) {
    const number = Math.floor(random() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0')
      .toUpperCase();
    if (!index.cards.has(number)) return number;
  }
}

/** What a door does after an unlock: opens, then closes, or stays open past the device's hold limit. */
export interface DoorCycle {
  openAfterMs: number;
  /** After opening. */
  closeAfterMs: number;
  /** The door reports HELD_OPEN at holdLimitMs after opening, and closes later. */
  heldOpen: boolean;
}

export const HELD_OPEN_SHARE = 0.08;

export function planDoorCycle(random: Random, holdLimitMs: number): DoorCycle {
  const openAfterMs = between(random, 600, 2_000);
  if (random() < HELD_OPEN_SHARE) {
    // A trolley of tools, a chatting pair: well past the limit before someone closes it.
    return { openAfterMs, closeAfterMs: holdLimitMs + between(random, 5_000, 20_000), heldOpen: true };
  }
  return { openAfterMs, closeAfterMs: between(random, 2_000, 6_000), heldOpen: false };
}

/** A forced door is pulled shut again after a few seconds. */
export function forcedCloseAfterMs(random: Random): number {
  return between(random, 3_000, 10_000);
}

/**
 * Traffic intensity by China Standard Time: power plants run 三班 shifts changing at 08:00, 16:00
 * and 24:00, when the gates see three times the traffic; the small hours are quiet.
 */
export function shiftFactor(now: number): number {
  const { minute } = localTime(now, 'Asia/Shanghai');
  const nearChange = [480, 960, 1440, 0].some((change) => Math.abs(minute - change) <= 30);
  if (nearChange) return 3;
  return minute >= 60 && minute < 360 ? 0.3 : 1;
}

/** Time to the next event of a Poisson stream at `perMinute` (times the shift factor), capped at 10× the mean. */
export function nextDelayMs(random: Random, perMinute: number, now: number): number {
  const meanMs = 60_000 / (perMinute * shiftFactor(now));
  return Math.max(1, Math.round(Math.min(10 * meanMs, -Math.log(1 - random()) * meanMs)));
}
