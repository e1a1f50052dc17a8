import { describe, expect, it } from 'vitest';
import { type GateCache, indexGateCache } from './gate-cache.js';

const base: GateCache = {
  version: 1,
  cursor: '42',
  generatedAt: 0,
  areas: [
    {
      id: 'a',
      parentId: null,
      securityLevel: 'PUBLIC',
      policy: { antiPassback: 'OFF', requiredQualifications: [] },
    },
  ],
  points: [],
  schedules: [],
  calendar: { holidays: [], workdays: [] },
  people: [],
  cards: [
    { number: 'C1', status: 'LOST', personId: 'p1' },
    { number: 'C1', status: 'RETURNED', personId: 'p0' },
  ],
  passJwks: { keys: [] },
};

describe('gate cache', () => {
  it('survives a JSON round trip and indexes the live card over a dead one with the same number', () => {
    const index = indexGateCache(JSON.parse(JSON.stringify(base)) as GateCache);
    expect(index.cards.get('C1')).toEqual({ number: 'C1', status: 'LOST', personId: 'p1' });
    expect(index.site.areas.get('a')?.securityLevel).toBe('PUBLIC');
  });

  it('refuses a cache of a format it does not know', () => {
    expect(() => indexGateCache({ ...base, version: 2 as 1 })).toThrow(/version/);
  });
});
