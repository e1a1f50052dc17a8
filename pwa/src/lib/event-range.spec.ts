import { describe, expect, it } from 'vitest';
import { emptyEventFilter, isLiveRange, toEventFilter } from './event-range';

const NOW = new Date(2030, 4, 1, 12, 0).getTime();

describe('event filter', () => {
  it('sends nothing for "all" and nulls for empty choices', () => {
    expect(toEventFilter(emptyEventFilter(), NOW)).toEqual({
      result: null,
      areaId: null,
      passagePointId: null,
      from: null,
      to: null,
    });
  });

  it('slides "the last hour" with the clock', () => {
    const state = { ...emptyEventFilter(), range: 'hour' as const, result: 'DENIED' as const };
    expect(toEventFilter(state, NOW)).toMatchObject({
      result: 'DENIED',
      from: new Date(NOW - 3_600_000).toISOString(),
    });
    expect(toEventFilter(state, NOW + 60_000).from).toBe(new Date(NOW - 3_540_000).toISOString());
  });

  it('starts "today" at local midnight', () => {
    const state = { ...emptyEventFilter(), range: 'today' as const };
    expect(toEventFilter(state, NOW).from).toBe(new Date(2030, 4, 1).toISOString());
  });

  it('stops polling a custom range that has already ended', () => {
    expect(isLiveRange('custom', { to: '2030-05-01T11:00' }, NOW)).toBe(false);
    expect(isLiveRange('custom', { to: '2030-05-01T13:00' }, NOW)).toBe(true);
    expect(isLiveRange('hour', { to: '' }, NOW)).toBe(true);
  });
});
