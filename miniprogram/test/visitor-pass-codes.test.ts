import { describe, expect, it } from 'vitest';
import {
  currentCode,
  estimateSkew,
  needsRefill,
  type PassCode,
  passState,
  secondsUntilChange,
  type VisitPassBatch,
} from '../miniprogram/packages/visitor/utils/pass-codes';

const T0 = Date.parse('2030-06-01T01:00:00.000Z');
/** Four codes 30 s apart, each valid 60 s, like the server's batches. */
const codes: PassCode[] = [0, 1, 2, 3].map((i) => ({
  token: `code-${i}`,
  nbf: T0 + i * 30_000,
  exp: T0 + i * 30_000 + 60_000,
}));

function batch(overrides: Partial<VisitPassBatch> = {}): VisitPassBatch {
  return {
    visitId: 'visit-1',
    validFrom: T0 - 60_000,
    validUntil: T0 + 3_600_000,
    skewMs: 0,
    passes: [{ personId: 'p-1', name: '李访客', codes }],
    ...overrides,
  };
}

describe('picking the code to show', () => {
  it('shows the newest code whose nbf ≤ now < exp, though the older one still opens the gate', () => {
    expect(currentCode(codes, T0 + 45_000)?.token).toBe('code-1');
  });

  it('counts down to the next code, not to the current one’s expiry', () => {
    expect(secondsUntilChange(codes, T0 + 1_000)).toBe(29);
    expect(secondsUntilChange(codes, T0 + 29_500)).toBe(1);
  });

  it('counts down to the last code’s expiry when no code follows', () => {
    expect(secondsUntilChange(codes, T0 + 100_000)).toBe(50);
  });

  it('has nothing to show once every code has expired', () => {
    expect(currentCode(codes, T0 + 150_000)).toBeNull();
  });
});

describe('the pass state', () => {
  it('is valid with a token inside the window', () => {
    expect(passState(batch(), batch().passes[0]!, T0 + 1_000)).toEqual({
      kind: 'valid',
      token: 'code-0',
      secondsLeft: 29,
    });
  });

  it('is expired after the window, whatever codes are left', () => {
    expect(passState(batch({ validUntil: T0 + 10_000 }), batch().passes[0]!, T0 + 20_000)).toEqual({
      kind: 'expired',
      windowOver: true,
    });
  });

  it('is expired too when the stored codes ran out inside the window, but says new codes would help', () => {
    expect(passState(batch(), batch().passes[0]!, T0 + 150_000)).toEqual({
      kind: 'expired',
      windowOver: false,
    });
  });

  it('is upcoming before the window opens, as the gates would refuse the codes', () => {
    const ahead = batch({ validFrom: T0 + 600_000 });
    expect(passState(ahead, ahead.passes[0]!, T0 + 1_000)).toEqual({
      kind: 'upcoming',
      startsAt: T0 + 600_000,
    });
  });

  it('reads the codes on the server clock when the phone clock is off', () => {
    const skewed = batch({ skewMs: 35_000 });
    expect(passState(skewed, skewed.passes[0]!, T0)).toMatchObject({ token: 'code-1' });
  });
});

describe('the refill', () => {
  it('asks for more while at least four minutes of codes are left, not after the window', () => {
    expect(needsRefill(null, T0)).toBe(true);
    expect(needsRefill(batch(), T0)).toBe(true);
    const long: PassCode[] = Array.from({ length: 20 }, (_, i) => ({
      token: `c${i}`,
      nbf: T0 + i * 30_000,
      exp: T0 + i * 30_000 + 60_000,
    }));
    expect(needsRefill(batch({ passes: [{ personId: 'p-1', name: '李访客', codes: long }] }), T0)).toBe(
      false,
    );
    expect(needsRefill(batch({ validUntil: T0 }), T0 + 1)).toBe(false);
  });
});

describe('estimating the phone clock error', () => {
  it('trusts a phone clock inside the first code’s validity', () => {
    expect(estimateSkew(codes, T0 - 3_600_000, T0 + 400)).toBe(0);
  });

  it('corrects a phone clock running five minutes fast', () => {
    expect(estimateSkew(codes, T0 - 3_600_000, T0 + 300_000)).toBe(-300_000);
  });

  it('corrects a phone clock running slow', () => {
    expect(estimateSkew(codes, T0 - 3_600_000, T0 - 120_000)).toBe(120_000);
  });

  it('does not take a batch that starts at a future window for a slow clock', () => {
    expect(estimateSkew(codes, T0, T0 - 120_000)).toBe(0);
  });
});
