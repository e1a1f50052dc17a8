import type { Direction } from '@park/core';
import { type DeviceKind, isDeviceKind } from './kinds/index.js';
import { isTopicSegment } from './mqtt/topics.js';

/**
 * One entry of the device registry: which passage point a device guards and in which direction. The
 * API's device centre will hand this out with the gate cache; until then it comes from DEVICES or
 * DEVICES_FILE, a JSON array of these objects.
 */
export interface DeviceConfig {
  /** The `{deviceId}` topic level. */
  id: string;
  kind: DeviceKind;
  /** A passage point id of the gate cache. */
  passagePointId: string;
  /** The side this device reads on; a scan frame's own `direction` wins (two-way devices). */
  direction: Direction;
  /** How its frames are encoded; `generic-json` when omitted. */
  driver: string;
  /** Unlock pulse for this device; UNLOCK_PULSE_MS when omitted. */
  pulseMs: number | undefined;
  /** Elevators: controller floor number → area id, for the floor mask sent with an unlock. */
  floors: Readonly<Record<string, string>> | undefined;
}

const MAX_DEVICES = 10_000;

/** Collects every problem of every entry, prefixed with its index, like the rest of loadConfig. */
export function parseDevices(value: unknown, source: string, problems: string[]): DeviceConfig[] {
  if (!Array.isArray(value) || value.length > MAX_DEVICES) {
    problems.push(`${source} must be a JSON array of at most ${MAX_DEVICES} devices`);
    return [];
  }
  const seen = new Set<string>();
  const devices: DeviceConfig[] = [];
  value.forEach((entry: unknown, i) => {
    const bad = (why: string): void => {
      problems.push(`${source}[${i}]: ${why}`);
    };
    if (typeof entry !== 'object' || entry === null) {
      bad('must be an object');
      return;
    }
    const { id, kind, passagePointId, direction, driver, pulseMs, floors } = entry as Record<string, unknown>;
    const before = problems.length;
    if (typeof id !== 'string' || !isTopicSegment(id)) bad('"id" must match [A-Za-z0-9_-]{1,64}');
    else if (seen.has(id)) bad(`device "${id}" is listed twice`);
    if (!isDeviceKind(kind)) bad('"kind" must be reader, turnstile, door, barrier or elevator');
    if (typeof passagePointId !== 'string' || passagePointId === '') bad('"passagePointId" is required');
    if (direction !== 'IN' && direction !== 'OUT') bad('"direction" must be "IN" or "OUT"');
    if (driver !== undefined && (typeof driver !== 'string' || driver === '')) bad('"driver" must be a name');
    const pulseOk = Number.isInteger(pulseMs) && (pulseMs as number) >= 100 && (pulseMs as number) <= 60_000;
    if (pulseMs !== undefined && !pulseOk) bad('"pulseMs" must be an integer between 100 and 60000');
    if (floors !== undefined && !isFloorMap(floors)) bad('"floors" must map floor numbers to area ids');
    if (problems.length > before) return;
    seen.add(id as string);
    devices.push({
      id: id as string,
      kind: kind as DeviceKind,
      passagePointId: passagePointId as string,
      direction: direction as Direction,
      driver: (driver as string | undefined) ?? 'generic-json',
      pulseMs: pulseMs as number | undefined,
      floors: floors as Record<string, string> | undefined,
    });
  });
  return devices;
}

function isFloorMap(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.entries(value).every(([floor, area]) => /^\d{1,3}$/.test(floor) && typeof area === 'string');
}
