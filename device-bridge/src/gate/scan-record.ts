import type { AccessEvent } from '../journal/access-event.js';
import type { GateCommand, ScanEvent } from '../kinds/index.js';
import type { ScanOutcome } from './scan-decision.js';

/** The answer to a scan: unlock with the pulse (and floors), or deny with reason and Chinese message. */
export function commandFor(outcome: ScanOutcome, seq: number, id: string, pulseMs: number): GateCommand {
  const { decision, floors } = outcome;
  if (decision.allow) {
    return {
      kind: 'unlock',
      body: { id, seq, allow: true, pulseMs, ...(floors === undefined ? {} : { floors }) },
    };
  }
  return { kind: 'deny', body: { id, seq, reason: decision.reason, message: decision.message } };
}

export interface RecordInput {
  id: string;
  deviceId: string;
  scan: ScanEvent;
  outcome: ScanOutcome;
  command: GateCommand;
  online: boolean;
  now: number;
}

/** The journal line for one decided scan. */
export function accessEvent(input: RecordInput): AccessEvent {
  const { outcome, scan } = input;
  const { decision } = outcome;
  return {
    id: input.id,
    deviceId: input.deviceId,
    seq: scan.seq,
    occurredAt: new Date(input.now).toISOString(),
    deviceAt: scan.at ?? null,
    passagePointId: outcome.point?.id ?? null,
    direction: outcome.direction,
    personId: outcome.personId,
    credentialKind: scan.credential.kind,
    credentialRef: outcome.credentialRef,
    result: decision.allow ? 'GRANTED' : 'DENIED',
    reason: decision.allow ? null : decision.reason,
    decidedOffline: !input.online,
    antiPassbackViolation: decision.allow && decision.antiPassbackViolation,
    grantId: decision.allow ? decision.grantId : null,
    releasedScanId: decision.allow ? (decision.releasedScan?.scanId ?? null) : null,
    passExp: outcome.passExp,
    command: input.command,
  };
}
