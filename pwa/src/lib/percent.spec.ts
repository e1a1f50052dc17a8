import { describe, expect, it } from 'vitest';
import { formatPercent } from './percent';

describe('percent', () => {
  it('shows two decimals at most and drops trailing zeros', () => {
    expect(formatPercent(0.99534)).toBe('99.53%');
    expect(formatPercent(0.99)).toBe('99%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.905)).toBe('90.5%');
  });

  it('shows nothing when there is no figure', () => {
    expect(formatPercent(null)).toBe('');
  });
});
