import { describe, expect, it } from 'vitest';
import type { GateCache } from './gate-cache.js';
import { applyGatePatch, compareCursors, type GatePatch, patchFits } from './gate-patch.js';

const cache: GateCache = {
  version: 1,
  cursor: '9',
  generatedAt: 1,
  areas: [],
  points: [],
  schedules: [],
  calendar: { holidays: [], workdays: [] },
  people: [
    { id: 'p1', name: '甲', status: 'ACTIVE', type: 'EMPLOYEE', grants: [] },
    { id: 'p2', name: '乙', status: 'ACTIVE', type: 'EMPLOYEE', grants: [] },
  ],
  cards: [
    { number: 'C1', status: 'ACTIVE', personId: 'p1' },
    { number: 'C2', status: 'ACTIVE', personId: 'p2' },
  ],
  passJwks: { keys: [] },
};

const patch = (over: Partial<GatePatch>): GatePatch => ({
  fromCursor: '9',
  cursor: '12',
  generatedAt: 2,
  people: [],
  removedPeople: [],
  cards: [],
  ...over,
});

describe('gate patch', () => {
  it('compares cursors as numbers, so 10 comes after 9', () => {
    expect(compareCursors('10', '9')).toBe(1);
    expect(compareCursors('9', '9')).toBe(0);
  });

  it('replaces a person with all their cards and leaves everyone else alone', () => {
    const next = applyGatePatch(
      cache,
      patch({
        people: [{ id: 'p1', name: '甲', status: 'ACTIVE', type: 'EMPLOYEE', grants: [] }],
        cards: [{ number: 'C1', status: 'LOST', personId: 'p1' }],
      }),
    );
    expect(next.cursor).toBe('12');
    expect(next.cards).toContainEqual({ number: 'C1', status: 'LOST', personId: 'p1' });
    expect(next.cards).toContainEqual({ number: 'C2', status: 'ACTIVE', personId: 'p2' });
    expect(next.cards).toHaveLength(2);
    expect(cache.cards[0]?.status).toBe('ACTIVE');
  });

  it('forgets a removed person but keeps their dead cards so the gate can say why it refuses', () => {
    const next = applyGatePatch(
      cache,
      patch({ removedPeople: ['p2'], cards: [{ number: 'C2', status: 'VOIDED', personId: 'p2' }] }),
    );
    expect(next.people.map((p) => p.id)).toEqual(['p1']);
    expect(next.cards.find((c) => c.number === 'C2')?.status).toBe('VOIDED');
  });

  it('refuses a patch the cache is already past, and one that would skip changes', () => {
    expect(patchFits('12', patch({}))).toBe('stale');
    expect(patchFits('8', patch({}))).toBe('gap');
    expect(patchFits('10', patch({}))).toBe('applied');
  });
});
