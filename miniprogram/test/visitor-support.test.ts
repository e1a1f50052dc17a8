import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPoller } from '../miniprogram/packages/visitor/utils/poller';
import { formatWindow, siteTime } from '../miniprogram/packages/visitor/utils/site-time';
import { installationId, resetInstallationId } from '../miniprogram/utils/installation-id';
import { clearSession } from '../miniprogram/utils/session';
import { type FakeWx, installFakeWx } from './support/fake-wx';

let wx: FakeWx;

beforeEach(() => {
  wx = installFakeWx();
});

afterEach(() => vi.useRealTimers());

describe('the installation id', () => {
  it('is made once, 24 URL-safe characters, and kept', () => {
    const first = installationId();

    expect(first).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(installationId()).toBe(first);
  });

  it('replaces a stored id the API would refuse', () => {
    wx.storage.set('park.installation', 'short');

    expect(installationId()).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it('changes when reset', () => {
    const first = installationId();

    expect(resetInstallationId()).not.toBe(first);
  });

  it('outlives a logout, while the cached pass codes do not', () => {
    const id = installationId();
    wx.storage.set('park.visitPasses', { 'visit-1': {} });

    clearSession();

    expect(wx.storage.has('park.visitPasses')).toBe(false);
    expect(installationId()).toBe(id);
  });
});

describe('plant time', () => {
  it('reads the pickers as China time whatever zone the phone is in', () => {
    expect(new Date(siteTime('2030-06-01', '09:30')).toISOString()).toBe('2030-06-01T01:30:00.000Z');
    expect(siteTime('', '09:30')).toBeNaN();
  });

  it('writes a window on one day compactly and across days in full', () => {
    expect(formatWindow('2030-06-01T01:00:00Z', '2030-06-01T03:30:00Z')).toBe('2030-06-01 09:00–11:30');
    expect(formatWindow('2030-06-01T15:00:00Z', '2030-06-02T01:00:00Z')).toBe(
      '2030-06-01 23:00 – 2030-06-02 09:00',
    );
  });
});

describe('the poller', () => {
  it('runs now, then again after each run, and not at all once stopped', async () => {
    vi.useFakeTimers();
    const task = vi.fn(async () => {});
    const poller = createPoller(task, 5_000);

    poller.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(task).toHaveBeenCalledTimes(3);

    poller.stop();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(task).toHaveBeenCalledTimes(3);
  });

  it('keeps going after a failed run', async () => {
    vi.useFakeTimers();
    const task = vi.fn(async () => {
      throw new Error('offline');
    });
    const poller = createPoller(task, 5_000);

    poller.start();
    await vi.advanceTimersByTimeAsync(5_000);
    poller.stop();

    expect(task).toHaveBeenCalledTimes(2);
  });

  it('does not start a second chain when restarted while a run is in flight', async () => {
    vi.useFakeTimers();
    const pending: (() => void)[] = [];
    const task = vi.fn(() => new Promise<void>((resolve) => pending.push(resolve)));
    const poller = createPoller(task, 5_000);

    poller.start();
    poller.stop();
    poller.start();
    for (const release of pending.splice(0)) release();
    await vi.advanceTimersByTimeAsync(5_000);
    poller.stop();

    // Both first runs ended; only the second may schedule another.
    expect(task).toHaveBeenCalledTimes(3);
  });
});
