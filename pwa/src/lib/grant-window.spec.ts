import { describe, expect, it } from 'vitest';
import { grantStatus, isoToLocalInput, localInputToIso, windowProblem } from './grant-window';

const NOW = new Date(2030, 4, 1, 12, 0).getTime();

describe('grant window', () => {
  it('turns local wall-clock input into an instant and back', () => {
    const iso = localInputToIso('2030-05-01T08:30');
    expect(iso).toBe(new Date(2030, 4, 1, 8, 30).toISOString());
    expect(isoToLocalInput(iso)).toBe('2030-05-01T08:30');
    expect(localInputToIso('')).toBeNull();
  });

  it('refuses a window that ends before it starts', () => {
    expect(windowProblem('2030-05-02T08:00', '2030-05-02T07:59', NOW)).toBe('grant.untilBeforeFrom');
    expect(windowProblem('2030-05-02T08:00', '2030-05-02T08:00', NOW)).toBe('grant.untilBeforeFrom');
  });

  it('refuses a window that has already ended, as the server would', () => {
    expect(windowProblem('', '2030-05-01T11:59', NOW)).toBe('grant.untilPast');
  });

  it('accepts open ends and a window in the future', () => {
    expect(windowProblem('', '', NOW)).toBeNull();
    expect(windowProblem('2030-05-02T08:00', '', NOW)).toBeNull();
    expect(windowProblem('2030-05-01T08:00', '2030-05-01T18:00', NOW)).toBeNull();
  });

  it('tells revoked, not yet valid, expired and active grants apart', () => {
    const open = { revokedAt: null, validFrom: null, validUntil: null };
    expect(grantStatus(open, NOW)).toBe('ACTIVE');
    expect(grantStatus({ ...open, revokedAt: '2030-04-01T00:00:00Z' }, NOW)).toBe('REVOKED');
    expect(grantStatus({ ...open, validFrom: new Date(NOW + 1000).toISOString() }, NOW)).toBe('PENDING');
    expect(grantStatus({ ...open, validUntil: new Date(NOW).toISOString() }, NOW)).toBe('EXPIRED');
  });
});
