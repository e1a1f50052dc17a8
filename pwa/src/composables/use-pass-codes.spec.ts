import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type EffectScope, effectScope, nextTick, ref } from 'vue';
import { writePassBatch } from '../lib/pass-store';
import { fakeGraphQLFetch, type GraphQLReply } from '../test/helpers';
import { batchFor, fakeToken, serverBatch } from '../test/pass-fixtures';
import './use-auth'; // its session watcher is what clears stored passes on logout
import { useSession } from './use-graphql';
import { type PassCodes, usePassCodes } from './use-pass-codes';

const T0 = Date.UTC(2030, 0, 1, 8, 0, 0);
let scope: EffectScope;

function start(personId = 'alice'): PassCodes {
  scope = effectScope();
  return scope.run(() => usePassCodes(ref(personId)))!;
}

function serve(reply: () => GraphQLReply) {
  const fake = fakeGraphQLFetch(reply);
  vi.stubGlobal('fetch', fake.fetch);
  return fake;
}

function goOffline(offline: boolean): void {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(!offline);
  window.dispatchEvent(new Event(offline ? 'offline' : 'online'));
}

describe('pass codes', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
    localStorage.clear();
    useSession().set({ accessToken: 'a', refreshToken: 'r', accessTokenExpiresAt: '' });
  });
  afterEach(() => {
    scope?.stop();
    vi.useRealTimers();
    useSession().clear();
  });

  it('fetches a batch for this installation when none is stored and keeps it for this person', async () => {
    const { calls } = serve(() => ({ data: { passCodes: serverBatch(T0) } }));
    const pass = start();
    await flushPromises();

    expect(calls[0].operation).toBe('PassCodes');
    expect(calls[0].variables.installationId).toBe(localStorage.getItem('park.installation'));
    expect(pass.token.value).toBe(fakeToken(0));
    expect(JSON.parse(localStorage.getItem('park.passes') ?? '{}').personId).toBe('alice');
  });

  it('shows stored codes at once without asking the server while enough remain', async () => {
    writePassBatch(batchFor('alice', T0 - 45_000));
    const { fetch } = serve(() => ({ data: null }));
    const pass = start();
    await flushPromises();

    expect(pass.token.value).toBe(fakeToken(1));
    expect(pass.secondsLeft.value).toBe(15);
    expect(pass.cycleSeconds.value).toBe(30);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("never shows another user's stored batch", async () => {
    writePassBatch(batchFor('bob', T0));
    serve(() => ({ errors: [{ message: 'x', extensions: { code: 'INTERNAL' } }] }));
    const pass = start('alice');
    await flushPromises();

    expect(pass.token.value).toBeNull();
    expect(localStorage.getItem('park.passes')).toBeNull();
  });

  it('counts down every second and moves on to the next code', async () => {
    writePassBatch(batchFor('alice', T0));
    serve(() => ({ data: null }));
    const pass = start();
    expect(pass.secondsLeft.value).toBe(30);

    // Ticks land just after each whole second.
    await vi.advanceTimersByTimeAsync(10_010);
    expect(pass.secondsLeft.value).toBe(20);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(pass.token.value).toBe(fakeToken(1));
  });

  it('refills in the background once less than four minutes of codes remain', async () => {
    // 10 codes: supply ends at +330 s, so the refill is due after +90 s.
    writePassBatch(batchFor('alice', T0, 10));
    const { fetch } = serve(() => ({ data: { passCodes: serverBatch(Date.now()) } }));
    start();
    await vi.advanceTimersByTimeAsync(85_000);
    expect(fetch).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(JSON.parse(localStorage.getItem('park.passes') ?? '{}').codes).toHaveLength(20);
  });

  it('runs on the stored codes while offline and refills as soon as the network returns', async () => {
    writePassBatch(batchFor('alice', T0 - 400_000)); // 3.8 minutes left: due for a refill
    const { fetch } = serve(() => ({ data: { passCodes: serverBatch(Date.now()) } }));
    goOffline(true);
    const pass = start();
    await vi.advanceTimersByTimeAsync(5_000);

    expect(fetch).not.toHaveBeenCalled();
    expect(pass.offline.value).toBe(true);
    expect(pass.minutesLeft.value).toBe(3);

    goOffline(false);
    await flushPromises();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(pass.offline.value).toBe(false);
    expect(pass.minutesLeft.value).toBe(10);
  });

  it('counts as offline when the server cannot be reached, and backs off before trying again', async () => {
    writePassBatch(batchFor('alice', T0 - 400_000));
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    vi.stubGlobal('fetch', fetch);
    const pass = start();
    await flushPromises();

    expect(pass.offline.value).toBe(true);
    expect(pass.error.value).toBeNull();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(6_000);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('says the codes ran out when the last one has expired and the network is down', async () => {
    writePassBatch(batchFor('alice', T0 - 700_000));
    goOffline(true);
    const pass = start();

    expect(pass.token.value).toBeNull();
    expect(pass.expired.value).toBe(true);
    expect(pass.secondsLeft.value).toBe(0);
  });

  it('drops the stored codes when the server says the person has left', async () => {
    writePassBatch(batchFor('alice', T0 - 400_000));
    serve(() => ({ errors: [{ message: '人员已离职', extensions: { code: 'PERSON_INACTIVE' } }] }));
    const pass = start();
    await flushPromises();

    expect(pass.token.value).toBeNull();
    expect(pass.error.value?.message).toBe('人员已离职');
    expect(localStorage.getItem('park.passes')).toBeNull();
  });

  it('forgets the stored codes when the session ends', async () => {
    writePassBatch(batchFor('alice', T0));
    useSession().clear();
    await nextTick();
    expect(localStorage.getItem('park.passes')).toBeNull();
  });

  it('stops ticking while the page is hidden and catches up when shown', async () => {
    writePassBatch(batchFor('alice', T0));
    serve(() => ({ data: null }));
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const pass = start();
    document.dispatchEvent(new Event('visibilitychange'));
    const timers = vi.getTimerCount();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(pass.secondsLeft.value).toBe(30);
    expect(timers).toBe(0);

    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(pass.secondsLeft.value).toBe(20);
  });
});
