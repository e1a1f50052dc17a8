import { describe, expect, it } from 'vitest';
import { defaultRequestWindow, requestWindowProblem } from './request-window';

const NOW = new Date(2030, 4, 1, 12, 0).getTime();

describe('temporary access window', () => {
  it('accepts a window that starts now and ends later', () => {
    expect(requestWindowProblem('2030-05-01T12:00', '2030-05-01T14:00', NOW)).toBeNull();
  });

  it('needs both ends', () => {
    expect(requestWindowProblem('', '2030-05-01T14:00', NOW)).toEqual({
      field: 'validFrom',
      problem: 'tempAccess.fromRequired',
    });
    expect(requestWindowProblem('2030-05-01T12:00', ' ', NOW)?.problem).toBe('tempAccess.untilRequired');
  });

  it('refuses an end that is not after the start', () => {
    expect(requestWindowProblem('2030-05-01T14:00', '2030-05-01T14:00', NOW)).toEqual({
      field: 'validUntil',
      problem: 'tempAccess.untilBeforeFrom',
    });
  });

  it('refuses a start in the past, allowing a few minutes for filling in the form', () => {
    expect(requestWindowProblem('2030-05-01T11:55', '2030-05-01T14:00', NOW)).toBeNull();
    expect(requestWindowProblem('2030-05-01T09:00', '2030-05-01T14:00', NOW)).toEqual({
      field: 'validFrom',
      problem: 'tempAccess.fromPast',
    });
  });

  it('refuses a window that is already over', () => {
    expect(requestWindowProblem('2030-05-01T11:55', '2030-05-01T11:58', NOW)?.problem).toBe(
      'tempAccess.untilPast',
    );
  });

  it('suggests the next quarter hour for two hours', () => {
    expect(defaultRequestWindow(new Date(2030, 4, 1, 12, 7).getTime())).toEqual({
      validFrom: '2030-05-01T12:15',
      validUntil: '2030-05-01T14:15',
    });
  });
});
