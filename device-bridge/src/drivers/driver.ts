import type { DenyCommand, DeviceKind, DoorStateEvent, ScanEvent, UnlockCommand } from '../kinds/index.js';
import type { DeviceEventEnvelope } from '../mqtt/payloads.js';

/** A command ready for the wire: published on `park/{site}/dev/{deviceId}/cmd/{kind}`. */
export interface OutboundFrame {
  kind: string;
  payload: string;
}

/**
 * A driver is data plus pure converters (zigbee-herdsman-converters): no sockets, no state, so every
 * vendor's quirks are unit-testable from captured frames. Inbound converters throw
 * MalformedPayloadError with a reason the device's installer can read in the error reply.
 */
export interface DriverDefinition {
  readonly name: string;
  /** Kinds this driver can speak for; a registry entry with another kind is a configuration error. */
  readonly kinds: readonly DeviceKind[];
  /** By `evt/{kind}`. */
  readonly fromDevice: {
    readonly scan: (envelope: DeviceEventEnvelope) => ScanEvent;
    readonly door: (envelope: DeviceEventEnvelope) => DoorStateEvent;
  };
  readonly toDevice: {
    readonly unlock: (command: UnlockCommand) => OutboundFrame;
    readonly deny: (command: DenyCommand) => OutboundFrame;
  };
}
