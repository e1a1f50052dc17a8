import type { AccessEventFilter, AccessResult } from '../gql/graphql';
import { localInputToIso } from './grant-window';

export type EventRange = 'any' | 'hour' | 'today' | 'week' | 'custom';
export const EVENT_RANGES: readonly Exclude<EventRange, 'custom'>[] = ['any', 'hour', 'today', 'week'];

/** What the passage feed's filter bar holds; '' means "all". */
export interface EventFilterState {
  result: AccessResult | '';
  areaId: string;
  passagePointId: string;
  range: EventRange;
  /** datetime-local values of a custom range. */
  from: string;
  to: string;
}

export function emptyEventFilter(): EventFilterState {
  return { result: '', areaId: '', passagePointId: '', range: 'any', from: '', to: '' };
}

export function toEventFilter(state: EventFilterState, now = Date.now()): AccessEventFilter {
  const { from, to } = rangeBounds(state.range, state, now);
  return {
    result: state.result || null,
    areaId: state.areaId || null,
    passagePointId: state.passagePointId || null,
    from,
    to,
  };
}

/**
 * The instants a range stands for, worked out again at every refresh so "the last hour" keeps
 * sliding. Custom ranges come from datetime-local inputs (local wall-clock time).
 */
export function rangeBounds(
  range: EventRange,
  custom: { from: string; to: string },
  now = Date.now(),
): { from: string | null; to: string | null } {
  switch (range) {
    case 'hour':
      return { from: new Date(now - 3_600_000).toISOString(), to: null };
    case 'today': {
      const midnight = new Date(now);
      midnight.setHours(0, 0, 0, 0);
      return { from: midnight.toISOString(), to: null };
    }
    case 'week':
      return { from: new Date(now - 7 * 86_400_000).toISOString(), to: null };
    case 'custom':
      return { from: localInputToIso(custom.from), to: localInputToIso(custom.to) };
    default:
      return { from: null, to: null };
  }
}

/** A range that has ended cannot gain events, so the feed need not poll it. */
export function isLiveRange(range: EventRange, custom: { to: string }, now = Date.now()): boolean {
  if (range !== 'custom' || !custom.to) return true;
  const end = localInputToIso(custom.to);
  return !end || Date.parse(end) > now;
}
