import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type EffectScope, effectScope, ref } from 'vue';
import type { AlarmStatus } from '../gql/graphql';
import { alarm } from '../test/device-fixtures';
import { push, resetSubscriptions } from '../test/fake-subscriptions';
import { fakeGraphQLFetch } from '../test/helpers';
import { useAlarmFeed } from './use-alarm-feed';

vi.mock('./use-subscription', async () =>
  (await import('../test/fake-subscriptions')).fakeSubscriptionModule(),
);

let scope: EffectScope;
const ids = (list: { id: string }[]) => list.map((item) => item.id);

function serve() {
  const { fetch, calls } = fakeGraphQLFetch(() => ({ data: { alarms: [alarm('x2'), alarm('x1')] } }));
  vi.stubGlobal('fetch', fetch);
  return calls;
}

describe('alarm feed', () => {
  beforeEach(() => {
    resetSubscriptions();
    scope = effectScope();
  });
  afterEach(() => scope.stop());

  it('asks for the chosen statuses, or all of them', async () => {
    const calls = serve();
    const statuses = ref<AlarmStatus[]>(['OPEN']);
    scope.run(() => useAlarmFeed(() => statuses.value));
    await flushPromises();
    expect(calls[0].variables).toEqual({ status: ['OPEN'], limit: 100 });
    statuses.value = [];
    await flushPromises();
    expect(calls[1].variables).toEqual({ status: null, limit: 100 });
  });

  it('puts a raised alarm on top at once, marked new, and reports it', async () => {
    serve();
    const onRaised = vi.fn();
    const feed = scope.run(() => useAlarmFeed(() => ['OPEN'], { onRaised }))!;
    await flushPromises();
    push('AlarmRaised', { alarmRaised: alarm('x3', { kind: 'TAMPER' }) });
    expect(ids(feed.items.value)).toEqual(['x3', 'x2', 'x1']);
    expect(feed.fresh.value.has('x3')).toBe(true);
    expect(onRaised).toHaveBeenCalledWith(expect.objectContaining({ id: 'x3', kind: 'TAMPER' }));
  });

  it('reports but does not list a new alarm while only closed ones are shown', async () => {
    serve();
    const onRaised = vi.fn();
    const feed = scope.run(() => useAlarmFeed(() => ['CLOSED'], { onRaised }))!;
    await flushPromises();
    push('AlarmRaised', { alarmRaised: alarm('x3') });
    expect(ids(feed.items.value)).toEqual(['x2', 'x1']);
    expect(onRaised).toHaveBeenCalled();
  });

  it('puts an alarm back in its place after it was handled', async () => {
    serve();
    const feed = scope.run(() => useAlarmFeed(() => []))!;
    await flushPromises();
    feed.replace(alarm('x1', { status: 'ACKNOWLEDGED', acknowledgedBy: 'security' }));
    expect(feed.items.value.map((a) => a.status)).toEqual(['OPEN', 'ACKNOWLEDGED']);
  });
});
