// Pure validators for every payload of the contract, from parsed JSON to its type. The reasons are
// written for the device's installer: the bridge sends them back verbatim on `cmd/error`.
import {
  type BridgeStatePayload,
  type BridgeTopic,
  type CommandAckPayload,
  DEVICE_ALARMS,
  DEVICE_MODES,
  type DeviceCommandKind,
  type DeviceCommandPayloads,
  type DeviceEventKind,
  type DeviceEventPayloads,
  type DeviceStatePayload,
  DOOR_ALARMS,
  type EventEnvelope,
  type ScanCredential,
} from './contract.js';

export type Validation<T> = { ok: true; value: T } | { ok: false; reason: string };

class Refusal {
  constructor(readonly reason: string) {}
}

const refuse = (reason: string): never => {
  throw new Refusal(reason);
};

function run<T>(check: () => T): Validation<T> {
  try {
    return { ok: true, value: check() };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.reason };
    throw error;
  }
}

type Fields = Record<string, unknown>;

function object(value: unknown): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    refuse('payload must be a JSON object');
  }
  return value as Fields;
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function isInstant(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

function text(fields: Fields, name: string, max: number): string {
  const value = fields[name];
  if (typeof value !== 'string' || value === '' || value.length > max) {
    refuse(`"${name}" must be a non-empty string of at most ${max} characters`);
  }
  return value as string;
}

function optionalText(fields: Fields, name: string, max: number): string | undefined {
  return fields[name] === undefined ? undefined : text(fields, name, max);
}

function flag(fields: Fields, name: string): boolean {
  const value = fields[name];
  if (typeof value !== 'boolean') refuse(`"${name}" must be a boolean`);
  return value as boolean;
}

function oneOf<T extends string>(fields: Fields, name: string, allowed: readonly T[]): T {
  const value = fields[name];
  if (!allowed.includes(value as T)) refuse(`"${name}" must be one of ${allowed.join(', ')}`);
  return value as T;
}

/** Drops keys whose value is undefined, so a validated payload serialises as it was sent. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function envelopeOf(fields: Fields): EventEnvelope {
  if (!isCount(fields.seq)) refuse('"seq" must be a non-negative integer');
  if (fields.at !== undefined && !isInstant(fields.at)) {
    refuse('"at" must be an ISO-8601 timestamp when present');
  }
  return defined({ seq: fields.seq as number, at: fields.at as string | undefined });
}

// Wiegand 26/34, M1 UIDs, printed numbers: short. Readers differ in case and padding.
const CARD_NUMBER = /^[A-Za-z0-9]{1,32}$/;

function credentialOf(value: unknown): ScanCredential {
  if (typeof value !== 'object' || value === null) refuse('"credential" must be an object');
  const { kind, token, number } = value as Fields;
  if (kind === 'QR') {
    // Any text: a QR that is not a pass is refused at the display (QR_MALFORMED), not as a broken frame.
    if (typeof token !== 'string') refuse('"credential.token" must be a string');
    return { kind, token: token as string };
  }
  if (kind === 'CARD') {
    if (typeof number !== 'string' || !CARD_NUMBER.test(number.trim())) {
      refuse('"credential.number" must be 1–32 letters or digits');
    }
    return { kind, number: number as string };
  }
  return refuse('"credential.kind" must be "QR" or "CARD"');
}

const eventBodies: {
  [K in DeviceEventKind]: (fields: Fields) => Omit<DeviceEventPayloads[K], 'seq' | 'at'>;
} = {
  scan: (fields) => {
    const { direction } = fields;
    if (direction !== undefined && direction !== 'IN' && direction !== 'OUT') {
      refuse('"direction" must be "IN" or "OUT" when present');
    }
    return defined({ credential: credentialOf(fields.credential), direction: direction as 'IN' | 'OUT' });
  },
  door: (fields) => {
    const open = flag(fields, 'open');
    const { alarm } = fields;
    if (alarm === undefined) return { open };
    if (!DOOR_ALARMS.includes(alarm as never)) {
      refuse('"alarm" must be "FORCED_OPEN" or "HELD_OPEN" when present');
    }
    if (!open) refuse('"alarm" needs "open": true');
    return { open, alarm: alarm as (typeof DOOR_ALARMS)[number] };
  },
  tamper: (fields) => ({ active: flag(fields, 'active') }),
  alarm: (fields) =>
    defined({
      kind: oneOf(fields, 'kind', DEVICE_ALARMS),
      active: flag(fields, 'active'),
      detail: optionalText(fields, 'detail', 200),
    }),
  ack: (fields): Omit<CommandAckPayload, 'seq' | 'at'> => {
    const commandId = text(fields, 'commandId', 64);
    const status = oneOf(fields, 'status', ['ok', 'error'] as const);
    const reason = optionalText(fields, 'reason', 200);
    if (reason !== undefined && status === 'ok') refuse('"reason" belongs to "status": "error" only');
    return defined({ commandId, status, reason });
  },
};

/** The envelope of any event, kinds outside the contract included; the rest is left as sent. */
export function validateEnvelope(value: unknown): Validation<EventEnvelope & Fields> {
  return run(() => {
    const fields = object(value);
    return { ...fields, ...envelopeOf(fields) };
  });
}

export function validateDeviceEvent<K extends DeviceEventKind>(
  kind: K,
  value: unknown,
): Validation<DeviceEventPayloads[K]> {
  return run(() => {
    const fields = object(value);
    const envelope = envelopeOf(fields);
    return { ...envelope, ...eventBodies[kind](fields) } as DeviceEventPayloads[K];
  });
}

const DENY_REASON = /^[A-Z][A-Z0-9_]{0,63}$/;

const commandBodies: { [K in DeviceCommandKind]: (fields: Fields) => DeviceCommandPayloads[K] } = {
  unlock: (fields) => {
    const id = text(fields, 'id', 64);
    if (fields.seq !== undefined && !isCount(fields.seq)) refuse('"seq" must be a non-negative integer');
    if (fields.allow !== true) refuse('"allow" must be true');
    const { pulseMs, floors } = fields;
    if (!Number.isInteger(pulseMs) || (pulseMs as number) < 1 || (pulseMs as number) > 600_000) {
      refuse('"pulseMs" must be an integer between 1 and 600000');
    }
    if (floors !== undefined && !(Array.isArray(floors) && floors.every(Number.isInteger))) {
      refuse('"floors" must be a list of integer floor numbers');
    }
    return defined({
      id,
      seq: fields.seq as number | undefined,
      allow: true as const,
      pulseMs: pulseMs as number,
      message: optionalText(fields, 'message', 200),
      floors: floors as number[] | undefined,
    });
  },
  deny: (fields) => {
    const id = text(fields, 'id', 64);
    if (!isCount(fields.seq)) refuse('"seq" must be a non-negative integer');
    if (typeof fields.reason !== 'string' || !DENY_REASON.test(fields.reason)) {
      refuse('"reason" must be an upper-case reason code');
    }
    return {
      id,
      seq: fields.seq as number,
      reason: fields.reason as DeviceCommandPayloads['deny']['reason'],
      message: text(fields, 'message', 200),
    };
  },
  mode: (fields) => {
    const id = text(fields, 'id', 64);
    const mode = oneOf(fields, 'mode', DEVICE_MODES);
    if (fields.until !== undefined && !isInstant(fields.until)) {
      refuse('"until" must be an ISO-8601 timestamp when present');
    }
    return defined({
      id,
      mode,
      message: optionalText(fields, 'message', 200),
      until: fields.until as string | undefined,
    });
  },
  error: (fields) => {
    if (fields.status !== 'error') refuse('"status" must be "error"');
    const { seq } = fields;
    // Echoes whatever integer the refused message carried, a negative one included.
    if (seq !== undefined && !Number.isSafeInteger(seq)) refuse('"seq" must be an integer when present');
    return defined({
      status: 'error' as const,
      reason: text(fields, 'reason', 500),
      topic: text(fields, 'topic', 500),
      seq: seq as number | undefined,
    });
  },
};

export function validateDeviceCommand<K extends DeviceCommandKind>(
  kind: K,
  value: unknown,
): Validation<DeviceCommandPayloads[K]> {
  return run(() => commandBodies[kind](object(value)));
}

function availability(value: unknown): DeviceStatePayload & BridgeStatePayload {
  const fields = object(value);
  const online = flag(fields, 'online');
  const { contract } = fields;
  if (contract !== undefined && !(isCount(contract) && contract > 0)) {
    refuse('"contract" must be a positive integer when present');
  }
  return defined({ online, contract: contract as number | undefined });
}

export function validateDeviceState(value: unknown): Validation<DeviceStatePayload> {
  return run(() => availability(value));
}

export function validateBridgeState(value: unknown): Validation<BridgeStatePayload> {
  return run(() => availability(value));
}

const isEventKind = (kind: string): kind is DeviceEventKind => Object.hasOwn(eventBodies, kind);
const isCommandKind = (kind: string): kind is DeviceCommandKind => Object.hasOwn(commandBodies, kind);

/**
 * Any message of the contract by its parsed topic. An event of a kind the contract does not define
 * passes on its envelope alone (devices may report more than this bridge understands); a command of
 * such a kind does not (the bridge never sends one).
 */
export function validateMessage(topic: BridgeTopic, value: unknown): Validation<unknown> {
  switch (topic.type) {
    case 'device-event':
      return isEventKind(topic.kind) ? validateDeviceEvent(topic.kind, value) : validateEnvelope(value);
    case 'device-command':
      return isCommandKind(topic.kind)
        ? validateDeviceCommand(topic.kind, value)
        : { ok: false, reason: `"cmd/${topic.kind}" is not a command of the contract` };
    case 'device-state':
      return validateDeviceState(value);
    case 'bridge-state':
      return validateBridgeState(value);
  }
}
