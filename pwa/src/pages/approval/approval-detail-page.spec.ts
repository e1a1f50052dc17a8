import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { disposeApprovalInbox } from '../../composables/use-approval-inbox';
import { useAuth } from '../../composables/use-auth';
import type { ApprovalFieldsFragment } from '../../gql/graphql';
import { approval, decided, signInAsPerson, step, visitApproval } from '../../test/approval-fixtures';
import { resetSubscriptions } from '../../test/fake-subscriptions';
import { fakeGraphQLFetch, type GraphQLReply, mountWithApp, resetLocale } from '../../test/helpers';
import ApprovalDetailPage from './approval-detail-page.vue';

vi.mock('../../composables/use-subscription', async () =>
  (await import('../../test/fake-subscriptions')).fakeSubscriptionModule(),
);

let current: ApprovalFieldsFragment;

async function open(
  answer: (operation: string, variables: Record<string, unknown>) => GraphQLReply | undefined = () =>
    undefined,
  path = '/approvals/a1',
) {
  const { fetch, calls } = fakeGraphQLFetch((operation, variables) => {
    const custom = answer(operation, variables);
    if (custom) return custom;
    if (operation === 'ApprovalInbox') return { data: { approvals: [] } };
    return { data: { approval: current } };
  });
  vi.stubGlobal('fetch', fetch);
  const { wrapper, router } = await mountWithApp(ApprovalDetailPage, { props: { id: 'a1' }, path });
  await flushPromises();
  return { wrapper, calls, router };
}

describe('approval detail page', () => {
  beforeEach(() => {
    resetLocale();
    resetSubscriptions();
    current = approval('a1');
  });
  enableAutoUnmount(afterEach);
  afterEach(async () => {
    await useAuth().logout();
    disposeApprovalInbox();
  });

  it('shows what was asked for and every step with who decided and what they said', async () => {
    await signInAsPerson('p-sec', ['SECURITY']);
    current = decided(approval('a1'), '同意，注意安全');
    const { wrapper } = await open();
    expect(wrapper.text()).toContain('临时通行：集控室');
    expect(wrapper.text()).toContain('1 号机组 DCS 机柜巡检');
    const [first, second] = wrapper.findAll('[data-test="step"]');
    expect(first.text()).toContain('部门负责人审批');
    expect(first.text()).toContain('已同意');
    expect(first.text()).toContain('宋玉燕');
    expect(first.text()).toContain('“同意，注意安全”');
    expect(second.text()).toContain('待审批');
    expect(second.text()).toContain('审批人：韦勇');
  });

  it('shows a visit as the host needs it: who, from where, why, when, where to, and a way to its trail', async () => {
    await signInAsPerson();
    current = visitApproval('a1');
    const { wrapper, router } = await open();
    expect(wrapper.find('.detail__tags').text()).toContain('访客');
    expect(wrapper.text()).toContain('现场来访：王五（青岛港务）');
    const visitor = wrapper.find('[data-test="visit-visitor"]');
    expect(visitor.text()).toContain('王五');
    expect(visitor.text()).toContain('现场登记');
    expect(visitor.text()).toContain('370202********1233');
    expect(wrapper.text()).toContain('青岛港务');
    expect(wrapper.text()).toContain('锅炉检修配件送货');
    expect(wrapper.text()).toContain('办公楼、锅炉房');
    expect(wrapper.text()).toContain('李四');
    expect(wrapper.text()).toContain('鲁B12345');
    expect(wrapper.find('[data-test="visit-window"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="approve"]').exists()).toBe(true);
    await wrapper.find('[data-test="visit-trail-link"]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/visits/v1/trail'));
  });

  it('approves with an optional comment', async () => {
    await signInAsPerson();
    const { wrapper, calls } = await open((operation) =>
      operation === 'DecideApproval' ? { data: { decideApproval: decided(current, '注意双人') } } : undefined,
    );
    await wrapper.find('textarea[name="comment"]').setValue('注意双人');
    await wrapper.find('[data-test="approve"]').trigger('click');
    await flushPromises();
    expect(calls.find((c) => c.operation === 'DecideApproval')?.variables).toEqual({
      input: { requestId: 'a1', decision: 'APPROVE', comment: '注意双人' },
    });
    expect(wrapper.find('[data-test="approve"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('“注意双人”');
  });

  it('will not reject without a comment', async () => {
    await signInAsPerson();
    const { wrapper, calls } = await open();
    await wrapper.find('[data-test="reject"]').trigger('click');
    await flushPromises();
    expect(wrapper.text()).toContain('驳回时须填写审批意见');
    expect(calls.some((c) => c.operation === 'DecideApproval')).toBe(false);
  });

  it('says the window has passed and leaves the request open for a rejection', async () => {
    await signInAsPerson();
    const { wrapper, calls } = await open((operation) =>
      operation === 'DecideApproval'
        ? {
            errors: [
              { message: '申请的时段已经结束，不能再同意，请驳回', extensions: { code: 'WINDOW_PASSED' } },
            ],
          }
        : undefined,
    );
    await wrapper.find('[data-test="approve"]').trigger('click');
    await flushPromises();
    expect(document.body.textContent).toContain('申请的时段已经结束，不能再同意，请驳回');
    expect(calls.at(-1)?.operation).toBe('Approval');
    expect(wrapper.find('[data-test="reject"]').exists()).toBe(true);
  });

  it('lets the requester withdraw a pending request', async () => {
    await signInAsPerson('p-zs', ['EMPLOYEE']);
    current = approval('a1', { canDecide: false });
    const { wrapper, calls } = await open(
      (operation) =>
        operation === 'CancelApprovalRequest'
          ? {
              data: {
                cancelApprovalRequest: {
                  ...current,
                  status: 'CANCELLED',
                  currentStep: null,
                  steps: [step(1, { status: 'CANCELLED' }), step(2, { status: 'CANCELLED' })],
                },
              },
            }
          : undefined,
      '/requests/a1',
    );
    expect(wrapper.find('[data-test="approve"]').exists()).toBe(false);
    await wrapper.find('[data-test="cancel"]').trigger('click');
    await flushPromises();
    (document.body.querySelector('.van-dialog__confirm') as HTMLElement).click();
    await vi.waitFor(() => expect(calls.some((c) => c.operation === 'CancelApprovalRequest')).toBe(true));
    await flushPromises();
    expect(calls.find((c) => c.operation === 'CancelApprovalRequest')?.variables).toEqual({ id: 'a1' });
    expect(wrapper.find('[data-test="status"]').text()).toBe('已撤回');
    expect(wrapper.find('[data-test="cancel"]').exists()).toBe(false);
  });
});
