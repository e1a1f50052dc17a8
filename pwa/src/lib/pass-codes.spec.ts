import { describe, expect, it } from 'vitest';
import { batchFor, codesFrom, fakeToken } from '../test/pass-fixtures';
import {
  currentCode,
  needsRefill,
  REFILL_BELOW_MS,
  secondsUntilChange,
  supplyLeftMs,
  toPassBatch,
} from './pass-codes';

const T0 = Date.UTC(2030, 0, 1, 8, 0, 0);
const codes = codesFrom(T0, 20);

describe('picking the code to show', () => {
  it('shows the newer of two overlapping codes', () => {
    // At +45 s code 0 (0–60 s) and code 1 (30–90 s) are both valid.
    expect(currentCode(codes, T0 + 45_000)?.token).toBe(fakeToken(1));
  });

  it('switches to the next code exactly at its nbf', () => {
    expect(currentCode(codes, T0 + 29_999)?.token).toBe(fakeToken(0));
    expect(currentCode(codes, T0 + 30_000)?.token).toBe(fakeToken(1));
  });

  it('shows nothing before the first code becomes valid', () => {
    expect(currentCode(codes, T0 - 1)).toBeNull();
  });

  it('shows nothing once the last code has expired', () => {
    const lastExp = codes[19].exp;
    expect(currentCode(codes, lastExp - 1)?.token).toBe(fakeToken(19));
    expect(currentCode(codes, lastExp)).toBeNull();
  });

  it('does not depend on the order the codes are stored in', () => {
    expect(currentCode([...codes].reverse(), T0 + 45_000)?.token).toBe(fakeToken(1));
  });
});

describe('the countdown', () => {
  it('counts down to the next code', () => {
    expect(secondsUntilChange(codes, T0)).toBe(30);
    expect(secondsUntilChange(codes, T0 + 12_300)).toBe(18);
  });

  it('counts down to expiry on the last code', () => {
    expect(secondsUntilChange(codes, codes[19].nbf + 10_000)).toBe(50);
  });

  it('is zero when no code is valid', () => {
    expect(secondsUntilChange(codes, codes[19].exp + 1)).toBe(0);
  });
});

describe('refilling', () => {
  it('reports the supply as lasting until the last code expires', () => {
    expect(supplyLeftMs(codes, T0)).toBe(19 * 30_000 + 60_000);
    expect(supplyLeftMs(codes, codes[19].exp + 5)).toBe(0);
  });

  it('asks for more once less than four minutes of codes remain', () => {
    const batch = batchFor('p1', T0);
    const end = batch.codes[19].exp;
    expect(needsRefill(batch, end - REFILL_BELOW_MS)).toBe(false);
    expect(needsRefill(batch, end - REFILL_BELOW_MS + 1)).toBe(true);
  });

  it('asks for a batch when there is none', () => {
    expect(needsRefill(null, T0)).toBe(true);
  });
});

describe('converting the server answer', () => {
  it('keeps the codes in epoch milliseconds and remembers how far the phone clock is off', () => {
    const batch = toPassBatch(
      'p1',
      {
        kid: 'k1',
        issuedAt: '2030-01-01T08:00:00.000Z',
        codes: [{ token: 't', nbf: '2030-01-01T08:00:00.000Z', exp: '2030-01-01T08:01:00.000Z' }],
      },
      T0 - 90_000, // the phone runs 90 s slow
    );
    expect(batch.codes[0]).toEqual({ token: 't', nbf: T0, exp: T0 + 60_000 });
    expect(batch.skewMs).toBe(90_000);
  });
});
