import { describe, expect, it } from 'vitest';
import { BOILER_AREA, OFFICE_AREA, visit } from '../test/visitor-fixtures';
import {
  belongsToday,
  bySoonest,
  isCancellable,
  mayAssignEscorts,
  mergeVisit,
  visitCounts,
  visitStatusHintKey,
} from './visit-status';

describe('visit status', () => {
  it('counts visits per status, zero for the rest', () => {
    const counts = visitCounts([visit('a'), visit('b'), visit('c', { status: 'CHECKED_IN' })]);
    expect(counts).toMatchObject({ PENDING: 2, CHECKED_IN: 1, APPROVED: 0, EXPIRED: 0 });
  });

  it('waits for 保卫部 too when a production area is asked for', () => {
    expect(visitStatusHintKey(visit('a', { areas: [OFFICE_AREA] }))).toBe('visitStatusHint.PENDING');
    expect(visitStatusHintKey(visit('a', { areas: [OFFICE_AREA, BOILER_AREA] }))).toBe(
      'visitStatusHint.PENDING_SECURITY',
    );
    expect(visitStatusHintKey(visit('a', { status: 'APPROVED', areas: [BOILER_AREA] }))).toBe(
      'visitStatusHint.APPROVED',
    );
  });

  it('may cancel a visit only before the visitor is inside', () => {
    expect(isCancellable('PENDING')).toBe(true);
    expect(isCancellable('APPROVED')).toBe(true);
    expect(isCancellable('CHECKED_IN')).toBe(false);
  });

  it('lets escorts be named before approval and while the visit lasts, not after its window', () => {
    const now = Date.parse('2030-05-01T06:00:00Z');
    const open = { validUntil: '2030-05-01T09:30:00Z' };
    for (const status of ['PENDING', 'APPROVED', 'CHECKED_IN'] as const) {
      expect(mayAssignEscorts({ ...open, status }, now)).toBe(true);
    }
    for (const status of ['CHECKED_OUT', 'REJECTED', 'CANCELLED', 'EXPIRED'] as const) {
      expect(mayAssignEscorts({ ...open, status }, now)).toBe(false);
    }
    expect(mayAssignEscorts({ status: 'APPROVED', validUntil: '2030-05-01T05:59:00Z' }, now)).toBe(false);
  });

  it('orders a host’s visits soonest first', () => {
    const later = visit('later', { validFrom: '2030-05-03T01:00:00Z' });
    const sooner = visit('sooner', { validFrom: '2030-05-02T01:00:00Z' });
    expect(bySoonest([later, sooner]).map((v) => v.id)).toEqual(['sooner', 'later']);
  });

  it('replaces a known visit in place and puts a new one on top', () => {
    const list = [visit('a'), visit('b')];
    expect(mergeVisit(list, visit('b', { status: 'APPROVED' })).map((v) => [v.id, v.status])).toEqual([
      ['a', 'PENDING'],
      ['b', 'APPROVED'],
    ]);
    expect(mergeVisit(list, visit('c')).map((v) => v.id)).toEqual(['c', 'a', 'b']);
  });

  it('counts a visit as today’s when its window touches today or the visitor is still inside', () => {
    const now = new Date(2030, 4, 1, 10, 0);
    const day = (d: number, h: number): string => new Date(2030, 4, d, h, 0).toISOString();
    expect(belongsToday(visit('a', { validFrom: day(1, 9), validUntil: day(1, 17) }), now)).toBe(true);
    expect(belongsToday(visit('a', { validFrom: day(3, 9), validUntil: day(3, 17) }), now)).toBe(false);
    expect(
      belongsToday(visit('a', { status: 'CHECKED_IN', validFrom: day(29, 9), validUntil: day(30, 17) }), now),
    ).toBe(true);
  });
});
