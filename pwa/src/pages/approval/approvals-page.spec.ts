import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { disposeApprovalInbox } from '../../composables/use-approval-inbox';
import { useAuth } from '../../composables/use-auth';
import type { ApprovalFieldsFragment } from '../../gql/graphql';
import { approval, decided, signInAsPerson, visitApproval } from '../../test/approval-fixtures';
import { push, resetSubscriptions } from '../../test/fake-subscriptions';
import { fakeGraphQLFetch, type GraphQLReply, mountWithApp, resetLocale } from '../../test/helpers';
import ApprovalsPage from './approvals-page.vue';

vi.mock('../../composables/use-subscription', async () =>
  (await import('../../test/fake-subscriptions')).fakeSubscriptionModule(),
);

let server: Map<string, ApprovalFieldsFragment>;

async function open(
  answer: (operation: string, variables: Record<string, unknown>) => GraphQLReply | undefined,
) {
  const { fetch, calls } = fakeGraphQLFetch((operation, variables) => {
    const custom = answer(operation, variables);
    if (custom) return custom;
    if (operation === 'ApprovalInbox') {
      const waiting = [...server.values()].filter((r) => r.canDecide === (variables.inbox === 'TODO'));
      return { data: { approvals: waiting } };
    }
    return { data: { approval: server.get(String(variables.id)) } };
  });
  vi.stubGlobal('fetch', fetch);
  const { wrapper } = await mountWithApp(ApprovalsPage, { path: '/approvals' });
  await flushPromises();
  return { wrapper, calls };
}

function card(wrapper: Awaited<ReturnType<typeof open>>['wrapper'], id: string) {
  return wrapper.find(`[data-test="approval"][data-id="${id}"]`);
}

describe('approval inbox page', () => {
  beforeEach(async () => {
    resetLocale();
    resetSubscriptions();
    server = new Map([
      ['a1', approval('a1')],
      ['a2', approval('a2', { title: '临时通行：6kV 配电室', requesterName: '李四' })],
    ]);
    await signInAsPerson();
  });
  // Unmounted rather than wiped: Vant's toast and notify live on in <body> for the whole file.
  enableAutoUnmount(afterEach);
  afterEach(async () => {
    await useAuth().logout();
    disposeApprovalInbox();
  });

  it('lists what waits for me with its kind, requester and current step', async () => {
    const { wrapper } = await open(() => undefined);
    const first = card(wrapper, 'a1');
    expect(first.text()).toContain('临时通行');
    expect(first.text()).toContain('临时通行：集控室');
    expect(first.text()).toContain('申请人 张三');
    expect(first.text()).toContain('当前：部门负责人审批');
    expect(wrapper.find('.van-tab .van-badge').text()).toBe('2');
  });

  it('approves with one tap, without a comment, and takes the request off the list', async () => {
    const { wrapper, calls } = await open((operation) =>
      operation === 'DecideApproval' ? { data: { decideApproval: decided(approval('a1')) } } : undefined,
    );
    await card(wrapper, 'a1').find('[data-test="approve"]').trigger('click');
    await flushPromises();
    expect(calls.find((c) => c.operation === 'DecideApproval')?.variables).toEqual({
      input: { requestId: 'a1', decision: 'APPROVE', comment: null },
    });
    expect(card(wrapper, 'a1').exists()).toBe(false);
    expect(document.body.textContent).toContain('已同意');
  });

  it('will not reject without a comment, then rejects with one', async () => {
    const { wrapper, calls } = await open((operation) =>
      operation === 'DecideApproval'
        ? { data: { decideApproval: { ...approval('a2'), status: 'REJECTED', canDecide: false } } }
        : undefined,
    );
    await card(wrapper, 'a2').find('[data-test="reject"]').trigger('click');
    await flushPromises();
    const dialog = document.body.querySelector('.van-dialog') as HTMLElement;
    expect(dialog.textContent).toContain('驳回：临时通行：6kV 配电室');
    (dialog.querySelector('.van-dialog__confirm') as HTMLElement).click();
    await flushPromises();
    expect(dialog.textContent).toContain('驳回时须填写审批意见');
    expect(calls.some((c) => c.operation === 'DecideApproval')).toBe(false);

    const comment = dialog.querySelector('textarea') as HTMLTextAreaElement;
    comment.value = '配电室本周停电检修，改下周';
    comment.dispatchEvent(new Event('input'));
    (dialog.querySelector('.van-dialog__confirm') as HTMLElement).click();
    await vi.waitFor(() => expect(calls.some((c) => c.operation === 'DecideApproval')).toBe(true));
    expect(calls.find((c) => c.operation === 'DecideApproval')?.variables).toEqual({
      input: { requestId: 'a2', decision: 'REJECT', comment: '配电室本周停电检修，改下周' },
    });
    await vi.waitFor(() => expect(card(wrapper, 'a2').exists()).toBe(false));
  });

  it("shows the server's Chinese message when the request was decided elsewhere, and refreshes it", async () => {
    const { wrapper, calls } = await open((operation) => {
      if (operation !== 'DecideApproval') return undefined;
      server.set('a1', decided(approval('a1'), '已在电脑上审批'));
      return { errors: [{ message: '您已审批过此申请', extensions: { code: 'ALREADY_DECIDED' } }] };
    });
    await card(wrapper, 'a1').find('[data-test="approve"]').trigger('click');
    await flushPromises();
    expect(document.body.textContent).toContain('您已审批过此申请');
    expect(calls.at(-1)).toMatchObject({ operation: 'Approval', variables: { id: 'a1' } });
    expect(card(wrapper, 'a1').exists()).toBe(false);
    expect(card(wrapper, 'a2').exists()).toBe(true);
  });

  it('puts a request pushed live on top, marked new, and counts it on the tab', async () => {
    const { wrapper } = await open(() => undefined);
    server.set('a3', approval('a3', { title: '临时通行：油库', requesterName: '王五' }));
    push('ApprovalRequested', {
      approvalRequested: {
        requestId: 'a3',
        kind: 'TEMPORARY_ACCESS',
        title: '临时通行：油库',
        summary: '',
        requesterName: '王五',
        stepSeq: 1,
        stepName: '部门负责人审批',
        requestedAt: '2030-05-01T03:00:00Z',
        reminder: false,
      },
    });
    await flushPromises();
    const cards = wrapper.findAll('[data-test="approval"]');
    expect(cards[0].attributes('data-id')).toBe('a3');
    expect(cards[0].text()).toContain('新');
    expect(wrapper.find('.van-tab .van-badge').text()).toBe('3');
    expect(document.body.textContent).toContain('新的审批：临时通行：油库（王五）');
  });

  it('puts a walk-in pushed by the gate in the same inbox, labelled 访客 with its summary', async () => {
    const { wrapper } = await open(() => undefined);
    server.set('a4', visitApproval('a4'));
    push('ApprovalRequested', {
      approvalRequested: {
        requestId: 'a4',
        kind: 'VISIT',
        title: '现场来访：王五（青岛港务）',
        summary: '',
        requesterName: '王五',
        stepSeq: 1,
        stepName: '被访人审批',
        requestedAt: '2030-05-01T03:00:00Z',
        reminder: false,
      },
    });
    await flushPromises();
    const visit = card(wrapper, 'a4');
    expect(visit.find('.van-tag').text()).toBe('访客');
    expect(visit.text()).toContain('现场来访：王五（青岛港务）');
    expect(visit.text()).toContain('事由：锅炉检修配件送货');
    expect(visit.text()).toContain('当前：被访人审批');
    expect(visit.find('[data-test="approve"]').exists()).toBe(true);
    expect(document.body.textContent).toContain('新的审批：现场来访：王五（青岛港务）（王五）');
  });

  it('marks a reminder (催办)', async () => {
    const { wrapper } = await open(() => undefined);
    push('ApprovalRequested', {
      approvalRequested: {
        requestId: 'a2',
        kind: 'TEMPORARY_ACCESS',
        title: '临时通行：6kV 配电室',
        summary: '',
        requesterName: '李四',
        stepSeq: 1,
        stepName: '部门负责人审批',
        requestedAt: '2030-05-01T03:00:00Z',
        reminder: true,
      },
    });
    await flushPromises();
    const first = wrapper.findAll('[data-test="approval"]')[0];
    expect(first.attributes('data-id')).toBe('a2');
    expect(first.find('[data-test="reminder"]').text()).toBe('催办');
  });

  it('shows what I decided on the second tab', async () => {
    server.set('a9', decided(approval('a9', { title: '临时通行：煤场' })));
    const { wrapper, calls } = await open(() => undefined);
    await wrapper.findAll('.van-tab')[1].trigger('click');
    await flushPromises();
    expect(calls.some((c) => c.operation === 'ApprovalInbox' && c.variables.inbox === 'DONE')).toBe(true);
    const done = card(wrapper, 'a9');
    expect(done.text()).toContain('临时通行：煤场');
    expect(done.text()).toContain('审批中');
    expect(done.find('[data-test="approve"]').exists()).toBe(false);
  });
});
