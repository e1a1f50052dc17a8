import { isoToLocalInput, localInputToIso } from './grant-window';

export type RequestWindowProblem =
  | 'tempAccess.fromRequired'
  | 'tempAccess.untilRequired'
  | 'tempAccess.dateInvalid'
  | 'tempAccess.fromPast'
  | 'tempAccess.untilBeforeFrom'
  | 'tempAccess.untilPast';

export interface RequestWindowCheck {
  field: 'validFrom' | 'validUntil';
  problem: RequestWindowProblem;
}

/** Filling in the form takes a while; a start a few minutes behind the clock still means "now". */
export const START_GRACE_MS = 10 * 60_000;
const STEP_MS = 15 * 60_000;
const DEFAULT_LENGTH_MS = 2 * 3600_000;

/**
 * A temporary grant needs both ends: it starts no earlier than now and ends after it starts. The
 * server checks the same (and the policy's longest window), but saying so beside the field saves a trip.
 */
export function requestWindowProblem(
  from: string,
  until: string,
  now = Date.now(),
): RequestWindowCheck | null {
  if (!from.trim()) return { field: 'validFrom', problem: 'tempAccess.fromRequired' };
  if (!until.trim()) return { field: 'validUntil', problem: 'tempAccess.untilRequired' };
  const start = Date.parse(localInputToIso(from) ?? '');
  const end = Date.parse(localInputToIso(until) ?? '');
  if (Number.isNaN(start)) return { field: 'validFrom', problem: 'tempAccess.dateInvalid' };
  if (Number.isNaN(end)) return { field: 'validUntil', problem: 'tempAccess.dateInvalid' };
  if (start < now - START_GRACE_MS) return { field: 'validFrom', problem: 'tempAccess.fromPast' };
  if (end <= start) return { field: 'validUntil', problem: 'tempAccess.untilBeforeFrom' };
  if (end <= now) return { field: 'validUntil', problem: 'tempAccess.untilPast' };
  return null;
}

/** The next quarter hour, for two hours: what a maintenance job usually asks for. */
export function defaultRequestWindow(now = Date.now()): { validFrom: string; validUntil: string } {
  const start = Math.ceil(now / STEP_MS) * STEP_MS;
  return {
    validFrom: isoToLocalInput(new Date(start).toISOString()),
    validUntil: isoToLocalInput(new Date(start + DEFAULT_LENGTH_MS).toISOString()),
  };
}
