// The MQTT contract between a site's device bridge and its access devices: every topic and every
// payload, as types (Zigbee2MQTT's lib/types/api.ts is the model). The bridge, the simulator and the
// protocol page (docs/mqtt-protocol.md, whose examples a spec checks against validate.ts) all read
// from here, so a payload has one shape wherever it is written or read.
import type { DenyReason, Direction } from '@park/core';

/**
 * Major version of this contract. Additive changes (a new optional field, a new event or command
 * kind) keep it; a change an existing device could misread bumps it. The bridge announces it in its
 * retained state, a device may announce its own in its state.
 */
export const MQTT_CONTRACT_VERSION = 1;

export const TOPIC_ROOT = 'park';

/** Real device frames are a few hundred bytes; anything far larger is a bug or an attack. */
export const MAX_PAYLOAD_BYTES = 16 * 1024;

// ── Topics ──────────────────────────────────────────────────────────────────────────────────────

/** Every topic of the contract, parsed. `site`, `deviceId` and `kind` are single topic levels. */
export type BridgeTopic =
  | { type: 'device-event'; site: string; deviceId: string; kind: string }
  | { type: 'device-command'; site: string; deviceId: string; kind: string }
  | { type: 'device-state'; site: string; deviceId: string }
  | { type: 'bridge-state'; site: string };

export type BridgeTopicType = BridgeTopic['type'];

// ── Device → bridge: `park/{site}/dev/{deviceId}/evt/{kind}` ──────────────────────────────────

/** Fields every event carries. */
export interface EventEnvelope {
  /**
   * Device-local sequence number, increasing by at least one per event and kept across reboots:
   * (deviceId, seq) is the event's identity everywhere, and a repeated seq is a retransmission.
   */
  seq: number;
  /** Device clock, ISO-8601 with offset, when the device has one; kept for the record only. */
  at?: string;
}

/** The QR text as read, or the card number (1–32 letters or digits; the bridge upper-cases it). */
export type ScanCredential = { kind: 'QR'; token: string } | { kind: 'CARD'; number: string };

/** `evt/scan`: someone presented a credential. Answered with `cmd/unlock` or `cmd/deny` for this seq. */
export interface ScanEventPayload extends EventEnvelope {
  credential: ScanCredential;
  /** Which side was read, for two-way devices; the device registry's direction otherwise. */
  direction?: Direction;
}

export const DOOR_ALARMS = ['FORCED_OPEN', 'HELD_OPEN'] as const;
/** FORCED_OPEN: opened without an unlock. HELD_OPEN: still open after the device's hold time. */
export type DoorAlarm = (typeof DOOR_ALARMS)[number];

/** `evt/door`: the door contact changed, or an open door turned into an alarm. */
export interface DoorEventPayload extends EventEnvelope {
  open: boolean;
  /** Only with `open: true`. */
  alarm?: DoorAlarm;
}

/** `evt/tamper`: the housing was opened or the device torn off its mount (active), or restored. */
export interface TamperEventPayload extends EventEnvelope {
  active: boolean;
}

export const DEVICE_ALARMS = ['DURESS', 'FIRE_LINKAGE', 'HARDWARE_FAULT', 'POWER_LOSS'] as const;
/** Alarms a controller raises that are not about its door contact or housing. */
export type DeviceAlarm = (typeof DEVICE_ALARMS)[number];

/** `evt/alarm`: a device alarm was raised (active) or cleared. */
export interface AlarmEventPayload extends EventEnvelope {
  kind: DeviceAlarm;
  active: boolean;
  /** Free text for the security console, at most 200 characters. */
  detail?: string;
}

/** `evt/ack`: the device carried out (`ok`) or could not carry out (`error`) a command without a seq. */
export interface CommandAckPayload extends EventEnvelope {
  commandId: string;
  status: 'ok' | 'error';
  /** Why it failed; with `status: "error"` only. */
  reason?: string;
}

/** `evt/{kind}` → payload. A bridge checks the envelope of any other kind and ignores the rest. */
export interface DeviceEventPayloads {
  scan: ScanEventPayload;
  door: DoorEventPayload;
  tamper: TamperEventPayload;
  alarm: AlarmEventPayload;
  ack: CommandAckPayload;
}
export type DeviceEventKind = keyof DeviceEventPayloads;
export const DEVICE_EVENT_KINDS = [
  'scan',
  'door',
  'tamper',
  'alarm',
  'ack',
] as const satisfies readonly DeviceEventKind[];

// ── Bridge → device: `park/{site}/dev/{deviceId}/cmd/{kind}` ──────────────────────────────────

/** `cmd/unlock`: release the lock, arm or barrier for one passage. */
export interface UnlockCommandPayload {
  /** Command id: unique, logged by the device; a command without `seq` is acknowledged by it. */
  id: string;
  /** The scan this answers; absent for a remote open. */
  seq?: number;
  allow: true;
  pulseMs: number;
  /** Display text, Chinese (a remote open says why). */
  message?: string;
  /** Elevators only: floors to enable now, ascending; an empty list enables none, never all. */
  floors?: number[];
}

/** `cmd/deny`: stay locked and show why. */
export interface DenyCommandPayload {
  id: string;
  /** The scan this answers. */
  seq: number;
  /** A DenyReason; devices must show `message` and tolerate reasons added later. */
  reason: DenyReason;
  /** Chinese, for the reader's display. */
  message: string;
}

export const DEVICE_MODES = ['NORMAL', 'LOCKED', 'NORMAL_OPEN'] as const;
/** NORMAL: unlock per command. LOCKED: refuse everything, even valid unlocks. NORMAL_OPEN: stay open. */
export type DeviceMode = (typeof DEVICE_MODES)[number];

/** `cmd/mode`: lockdown, lift it, or hold the door open (首卡常开, a remote "unlock"). */
export interface ModeCommandPayload {
  id: string;
  mode: DeviceMode;
  message?: string;
  /** ISO-8601: fall back to NORMAL at this instant without waiting for another command. */
  until?: string;
}

/** `cmd/error`: a message from this device was refused; nothing else happened because of it. */
export interface ErrorReplyPayload {
  status: 'error';
  reason: string;
  /** The topic of the refused message, so a device can tell replies apart. */
  topic: string;
  /** The refused message's seq, when one could be read. */
  seq?: number;
}

export interface DeviceCommandPayloads {
  unlock: UnlockCommandPayload;
  deny: DenyCommandPayload;
  mode: ModeCommandPayload;
  error: ErrorReplyPayload;
}
export type DeviceCommandKind = keyof DeviceCommandPayloads;
export const DEVICE_COMMAND_KINDS = [
  'unlock',
  'deny',
  'mode',
  'error',
] as const satisfies readonly DeviceCommandKind[];

// ── Availability (retained, and each client's last-will) ────────────────────────────────────────

/** `park/{site}/dev/{deviceId}/state`: `{online:true}` on connect, `{online:false}` as last-will. */
export interface DeviceStatePayload {
  online: boolean;
  /** The MQTT_CONTRACT_VERSION the device speaks, when it says. */
  contract?: number;
}

/** `park/{site}/bridge/state`: the bridge's availability, with the contract version it speaks. */
export interface BridgeStatePayload {
  online: boolean;
  contract?: number;
}

// ── The whole contract, by topic pattern ────────────────────────────────────────────────────────

/** Every topic pattern and its payload: `MqttContract['park/{site}/dev/{deviceId}/cmd/deny']`. */
export type MqttContract = {
  [K in DeviceEventKind as `park/{site}/dev/{deviceId}/evt/${K}`]: DeviceEventPayloads[K];
} & {
  [K in DeviceCommandKind as `park/{site}/dev/{deviceId}/cmd/${K}`]: DeviceCommandPayloads[K];
} & {
  'park/{site}/dev/{deviceId}/state': DeviceStatePayload;
  'park/{site}/bridge/state': BridgeStatePayload;
};

/** How each topic is published: QoS 1 throughout; only availability is retained. */
export const TOPIC_DELIVERY = {
  'device-event': { qos: 1, retain: false },
  'device-command': { qos: 1, retain: false },
  'device-state': { qos: 1, retain: true },
  'bridge-state': { qos: 1, retain: true },
} as const satisfies Record<BridgeTopicType, { qos: 0 | 1 | 2; retain: boolean }>;
