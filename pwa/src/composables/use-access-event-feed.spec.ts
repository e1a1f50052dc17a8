import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type EffectScope, effectScope, ref } from 'vue';
import type { AccessEventFieldsFragment } from '../gql/graphql';
import { event } from '../test/access-fixtures';
import { fakeGraphQLFetch } from '../test/helpers';
import { useAccessEventFeed } from './use-access-event-feed';

let scope: EffectScope;
let server: AccessEventFieldsFragment[];

function serve() {
  const { fetch, calls } = fakeGraphQLFetch((_operation, variables) => {
    const offset = Number(variables.offset);
    return { data: { accessEvents: server.slice(offset, offset + Number(variables.limit)) } };
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

function setVisible(visible: boolean): void {
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(visible ? 'visible' : 'hidden');
  document.dispatchEvent(new Event('visibilitychange'));
}

const ids = (list: { id: string }[]) => list.map((e) => e.id);

describe('passage feed', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    scope = effectScope();
    server = ['e3', 'e2', 'e1'].map((id) => event(id));
  });
  afterEach(() => {
    scope.stop();
    vi.useRealTimers();
  });

  it('shows the newest passages at once and puts new arrivals on top every few seconds', async () => {
    const calls = serve();
    const feed = scope.run(() => useAccessEventFeed(() => ({ result: 'DENIED' }), { intervalMs: 3000 }))!;
    await flushPromises();
    expect(ids(feed.items.value)).toEqual(['e3', 'e2', 'e1']);
    expect(calls[0].variables).toEqual({ filter: { result: 'DENIED' }, offset: 0, limit: 50 });

    server = [event('e5'), event('e4'), ...server];
    await vi.advanceTimersByTimeAsync(3000);
    expect(ids(feed.items.value)).toEqual(['e5', 'e4', 'e3', 'e2', 'e1']);
    expect([...feed.fresh.value]).toEqual(['e5', 'e4']);
    expect(feed.lastUpdated.value).not.toBeNull();
  });

  it('stops asking while the page is hidden and catches up as soon as it is seen again', async () => {
    const calls = serve();
    scope.run(() => useAccessEventFeed(() => ({}), { intervalMs: 3000 }));
    await flushPromises();
    setVisible(false);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(calls).toHaveLength(1);
    setVisible(true);
    await flushPromises();
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(3000);
    expect(calls).toHaveLength(3);
  });

  it('pauses and resumes on request', async () => {
    const calls = serve();
    const feed = scope.run(() => useAccessEventFeed(() => ({}), { intervalMs: 3000 }))!;
    await flushPromises();
    feed.setLive(false);
    await vi.advanceTimersByTimeAsync(9000);
    expect(calls).toHaveLength(1);
    expect(feed.live.value).toBe(false);
    feed.setLive(true);
    await flushPromises();
    expect(calls).toHaveLength(2);
  });

  it('starts over when more arrived than a page holds, rather than leave a hole', async () => {
    serve();
    const feed = scope.run(() => useAccessEventFeed(() => ({}), { pageSize: 2, intervalMs: 3000 }))!;
    await flushPromises();
    expect(ids(feed.items.value)).toEqual(['e3', 'e2']);
    server = ['e9', 'e8', 'e7', ...ids(server)].map((id) => event(id));
    await vi.advanceTimersByTimeAsync(3000);
    expect(ids(feed.items.value)).toEqual(['e9', 'e8']);
    expect(feed.finished.value).toBe(false);
  });

  it('pages back through older passages without repeating any', async () => {
    serve();
    const feed = scope.run(() => useAccessEventFeed(() => ({}), { pageSize: 2 }))!;
    await flushPromises();
    await feed.loadMore();
    expect(ids(feed.items.value)).toEqual(['e3', 'e2', 'e1']);
    expect(feed.finished.value).toBe(true);
  });

  it('reloads from the top when the filter changes', async () => {
    const calls = serve();
    const areaId = ref<string | null>(null);
    const feed = scope.run(() => useAccessEventFeed(() => ({ areaId: areaId.value })))!;
    await flushPromises();
    server = [event('x1')];
    areaId.value = 'ctrl';
    await flushPromises();
    expect(calls.at(-1)?.variables.filter).toEqual({ areaId: 'ctrl' });
    expect(ids(feed.items.value)).toEqual(['x1']);
    expect(feed.fresh.value.size).toBe(0);
  });
});
