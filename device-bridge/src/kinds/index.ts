import type { Barrier } from './barrier.js';
import type { Door } from './door.js';
import type { Elevator } from './elevator.js';
import type { Reader } from './reader.js';
import type { Turnstile } from './turnstile.js';

export type * from './capabilities.js';
export type * from './commands.js';
export type { Barrier, Door, Elevator, Reader, Turnstile };

export const DEVICE_KINDS = ['reader', 'turnstile', 'door', 'barrier', 'elevator'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** A device bound to its driver: what the bridge can ask of it depends on its kind. */
export type Device = Reader | Turnstile | Door | Barrier | Elevator;

export function isDeviceKind(value: unknown): value is DeviceKind {
  return (DEVICE_KINDS as readonly unknown[]).includes(value);
}
