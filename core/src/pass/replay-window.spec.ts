import { describe, expect, it } from 'vitest';
import { ReplayWindow } from './replay-window.js';

const T = 1_795_000_000; // epoch seconds

describe('the replay window shared by the lanes of a site', () => {
  it('remembers a used id until its pass can no longer be accepted, then forgets it', () => {
    const w = new ReplayWindow();
    expect(w.markUsed('a', T + 65, T)).toBe('recorded');
    expect(w.markUsed('a', T + 65, T + 10)).toBe('replayed');
    expect(w.seen('a', T + 65)).toBe(true);
    expect(w.seen('a', T + 67)).toBe(false);
    expect(w.size).toBe(0);
  });

  it('stores nothing for an id whose pass already expired', () => {
    const w = new ReplayWindow();
    expect(w.markUsed('late', T - 1, T)).toBe('recorded');
    expect(w.size).toBe(0);
  });

  it('keeps memory bounded by the scan rate times the validity, however long it runs', () => {
    const w = new ReplayWindow();
    const perSecond = 50;
    let largest = 0;
    for (let s = 0; s < 3_600; s++) {
      for (let i = 0; i < perSecond; i++) {
        const now = T + s + i / perSecond;
        // a pass scanned anywhere in its 60 s life, remembered until exp + 5 s of skew
        w.markUsed(`${s}-${i}`, Math.floor(now) + 60 - (i % 60) + 5, now);
      }
      largest = Math.max(largest, w.size);
    }
    expect(largest).toBeLessThanOrEqual(perSecond * 67);
    w.prune(T + 3_600 + 70);
    expect(w.size).toBe(0);
  });

  it('forgets everything after a long quiet spell or a clock jump', () => {
    const w = new ReplayWindow();
    for (let i = 0; i < 100; i++) w.markUsed(`id-${i}`, T + 60 + (i % 7), T);
    expect(w.seen('id-3', T + 86_400)).toBe(false);
    expect(w.size).toBe(0);
  });

  it('fails closed when full rather than forgetting ids that are still valid', () => {
    const w = new ReplayWindow({ maxEntries: 3 });
    for (const id of ['a', 'b', 'c']) expect(w.markUsed(id, T + 60, T)).toBe('recorded');
    expect(w.markUsed('d', T + 60, T)).toBe('full');
    expect(w.seen('a', T)).toBe(true);
    expect(w.markUsed('d', T + 60, T + 62)).toBe('recorded'); // the others have expired by then
  });
});
