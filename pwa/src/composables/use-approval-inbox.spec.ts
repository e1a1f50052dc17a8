import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type EffectScope, effectScope, ref } from 'vue';
import type { ApprovalFieldsFragment } from '../gql/graphql';
import { approval, decided } from '../test/approval-fixtures';
import { live, push, resetSubscriptions } from '../test/fake-subscriptions';
import { fakeGraphQLFetch } from '../test/helpers';
import { type ApprovalNotice, createApprovalInbox } from './use-approval-inbox';

vi.mock('./use-subscription', async () =>
  (await import('../test/fake-subscriptions')).fakeSubscriptionModule(),
);

let scope: EffectScope;
let server: Map<string, ApprovalFieldsFragment>;
let todo: string[];

function serve() {
  const { fetch, calls } = fakeGraphQLFetch((operation, variables) => {
    if (operation === 'ApprovalInbox') return { data: { approvals: todo.map((id) => server.get(id)) } };
    const found = server.get(String(variables.id));
    return found
      ? { data: { approval: found } }
      : { errors: [{ message: '审批申请不存在', extensions: { code: 'NOT_FOUND' } }] };
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

function notice(requestId: string, over: Partial<ApprovalNotice> = {}): ApprovalNotice {
  return {
    requestId,
    kind: 'TEMPORARY_ACCESS',
    title: '临时通行：集控室',
    summary: '',
    requesterName: '张三',
    stepSeq: 1,
    stepName: '部门负责人审批',
    requestedAt: '2030-05-01T03:00:00Z',
    reminder: false,
    ...over,
  };
}

function start(enabled = ref(true)) {
  const onNotice = vi.fn();
  const inbox = scope.run(() => createApprovalInbox({ enabled: () => enabled.value, onNotice }))!;
  return { inbox, onNotice, enabled };
}

const ids = (list: { id: string }[]) => list.map((item) => item.id);

describe('approval inbox', () => {
  beforeEach(() => {
    resetSubscriptions();
    scope = effectScope();
    server = new Map(['a1', 'a2', 'a3'].map((id) => [id, approval(id)]));
    todo = ['a2', 'a1'];
  });
  afterEach(() => scope.stop());

  it('loads what waits for me and counts it', async () => {
    const calls = serve();
    const { inbox } = start();
    await flushPromises();
    expect(calls[0]).toMatchObject({ operation: 'ApprovalInbox', variables: { inbox: 'TODO' } });
    expect(ids(inbox.items.value)).toEqual(['a2', 'a1']);
    expect(inbox.count.value).toBe(2);
  });

  it('puts a request pushed over the subscription on top, marked new, and tells the user', async () => {
    serve();
    const { inbox, onNotice } = start();
    await flushPromises();
    expect(live('ApprovalRequested')).toHaveLength(1);

    push('ApprovalRequested', { approvalRequested: notice('a3') });
    await flushPromises();

    expect(ids(inbox.items.value)).toEqual(['a3', 'a2', 'a1']);
    expect([...inbox.fresh.value]).toEqual(['a3']);
    expect(inbox.count.value).toBe(3);
    expect(onNotice).toHaveBeenCalledWith(expect.objectContaining({ requestId: 'a3', reminder: false }));
  });

  it('flags a reminder and brings that request to the top without listing it twice', async () => {
    serve();
    const { inbox } = start();
    await flushPromises();
    push('ApprovalRequested', { approvalRequested: notice('a1', { reminder: true }) });
    await flushPromises();
    expect(ids(inbox.items.value)).toEqual(['a1', 'a2']);
    expect(inbox.reminded.value.has('a1')).toBe(true);
  });

  it('ignores a notice for a request that no longer waits for me', async () => {
    server.set('a3', decided(approval('a3')));
    serve();
    const { inbox } = start();
    await flushPromises();
    push('ApprovalRequested', { approvalRequested: notice('a3') });
    await flushPromises();
    expect(ids(inbox.items.value)).toEqual(['a2', 'a1']);
  });

  it('drops a request once it is decided, and keeps one that still waits', async () => {
    serve();
    const { inbox } = start();
    await flushPromises();
    inbox.settle(decided(approval('a2')));
    expect(ids(inbox.items.value)).toEqual(['a1']);
    inbox.settle({ ...approval('a1'), summary: '改过的' });
    expect(inbox.items.value[0].summary).toBe('改过的');
  });

  it('fetches a refused request again and drops it when it is gone', async () => {
    serve();
    const { inbox } = start();
    await flushPromises();
    server.delete('a1');
    expect(await inbox.reload('a1')).toBeNull();
    expect(ids(inbox.items.value)).toEqual(['a2']);
  });

  it('stops listening and forgets everything when the user signs out', async () => {
    serve();
    const { inbox, enabled } = start();
    await flushPromises();
    enabled.value = false;
    await flushPromises();
    expect(live('ApprovalRequested')).toHaveLength(0);
    expect(inbox.items.value).toEqual([]);
    expect(inbox.count.value).toBe(0);
  });

  it('neither asks nor listens for an account that cannot decide', async () => {
    const calls = serve();
    start(ref(false));
    await flushPromises();
    expect(calls).toHaveLength(0);
    expect(live('ApprovalRequested')).toHaveLength(0);
  });
});
