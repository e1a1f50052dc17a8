import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { disposeApprovalInbox } from '../../composables/use-approval-inbox';
import { useAuth } from '../../composables/use-auth';
import type { VisitFieldsFragment } from '../../gql/graphql';
import { signInAs } from '../../test/access-fixtures';
import { signInAsPerson } from '../../test/approval-fixtures';
import { push, resetSubscriptions } from '../../test/fake-subscriptions';
import { fakeGraphQLFetch, type GraphQLReply, mountWithApp, resetLocale } from '../../test/helpers';
import { BOILER_AREA, visit } from '../../test/visitor-fixtures';
import VisitDetailPage from './visit-detail-page.vue';

vi.mock('../../composables/use-subscription', async () =>
  (await import('../../test/fake-subscriptions')).fakeSubscriptionModule(),
);

let server: VisitFieldsFragment;

async function open(answer: (operation: string) => GraphQLReply | undefined = () => undefined) {
  const { fetch, calls } = fakeGraphQLFetch((operation) => {
    const custom = answer(operation);
    if (custom) return custom;
    if (operation === 'ApprovalInbox') return { data: { approvals: [] } };
    return { data: { visit: server } };
  });
  vi.stubGlobal('fetch', fetch);
  const { wrapper, router } = await mountWithApp(VisitDetailPage, {
    props: { id: 'v1' },
    path: '/visits/v1',
  });
  await flushPromises();
  return { wrapper, calls, router };
}

// Vant keeps one confirm dialog for the whole run; the one wanted is the one with this title.
const dialog = (title: string) =>
  [...document.body.querySelectorAll('.van-dialog')].find((d) =>
    d.textContent?.includes(title),
  ) as HTMLElement;

describe('visit page', () => {
  beforeEach(async () => {
    resetLocale();
    resetSubscriptions();
    server = visit('v1', {
      status: 'CHECKED_IN',
      checkedInAt: new Date().toISOString(),
      areas: [BOILER_AREA],
      companions: [{ personId: 'c1', name: '李四', idNumberMasked: '370202********4567', companion: true }],
    });
    await signInAs(['SECURITY'], ['ACCESS_READ', 'VISIT_DESK']);
  });
  enableAutoUnmount(afterEach);
  afterEach(async () => {
    await useAuth().logout();
    disposeApprovalInbox();
  });

  it('shows who, to whom, where and when, with links to the trail', async () => {
    const { wrapper, router } = await open();
    expect(wrapper.find('[data-test="live-status"]').text()).toContain('已入场');
    expect(wrapper.find('[data-test="visitor"]').text()).toContain('370202********1233');
    expect(wrapper.find('[data-test="companion"]').text()).toContain('李四');
    expect(wrapper.text()).toContain('锅炉房');
    expect(wrapper.text()).toContain('需陪同');
    await wrapper.find('[data-test="trail-link"]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/visits/v1/trail'));
  });

  it('checks a visitor out after confirmation', async () => {
    const { wrapper, calls } = await open((operation) =>
      operation === 'CheckOutVisit'
        ? {
            data: {
              checkOutVisit: { ...server, status: 'CHECKED_OUT', checkedOutAt: new Date().toISOString() },
            },
          }
        : undefined,
    );
    expect(wrapper.find('[data-test="cancel"]').exists()).toBe(false);
    await wrapper.find('[data-test="check-out"]').trigger('click');
    await flushPromises();
    (dialog('签离：王五').querySelector('.van-dialog__confirm') as HTMLElement).click();
    await vi.waitFor(() => expect(calls.some((c) => c.operation === 'CheckOutVisit')).toBe(true));
    await flushPromises();
    expect(calls.find((c) => c.operation === 'CheckOutVisit')?.variables).toEqual({ id: 'v1' });
    expect(wrapper.find('[data-test="live-status"]').attributes('data-status')).toBe('CHECKED_OUT');
    expect(wrapper.find('[data-test="check-out"]').exists()).toBe(false);
  });

  it('cancels an approved visit only with a reason', async () => {
    server = { ...server, status: 'APPROVED', checkedInAt: null };
    const { wrapper, calls } = await open((operation) =>
      operation === 'CancelVisit'
        ? { data: { cancelVisit: { ...server, status: 'CANCELLED', cancelReason: '被访人临时出差' } } }
        : undefined,
    );
    expect(wrapper.find('[data-test="check-out"]').exists()).toBe(false);
    await wrapper.find('[data-test="cancel"]').trigger('click');
    await flushPromises();
    (dialog('取消访问：王五').querySelector('.van-dialog__confirm') as HTMLElement).click();
    await flushPromises();
    expect(dialog('取消访问：王五').textContent).toContain('请输入取消原因');
    expect(calls.some((c) => c.operation === 'CancelVisit')).toBe(false);

    const reason = dialog('取消访问：王五').querySelector('textarea') as HTMLTextAreaElement;
    reason.value = '被访人临时出差';
    reason.dispatchEvent(new Event('input'));
    await flushPromises();
    (dialog('取消访问：王五').querySelector('.van-dialog__confirm') as HTMLElement).click();
    await vi.waitFor(() => expect(calls.some((c) => c.operation === 'CancelVisit')).toBe(true));
    await flushPromises();
    expect(calls.find((c) => c.operation === 'CancelVisit')?.variables).toEqual({
      id: 'v1',
      reason: '被访人临时出差',
    });
    expect(wrapper.find('[data-test="live-status"]').text()).toContain('访问已取消，请勿放行');
    expect(wrapper.find('[data-test="reason"]').text()).toBe('取消原因：被访人临时出差');
  });

  it('follows the visit live', async () => {
    server = { ...server, status: 'PENDING', checkedInAt: null };
    const { wrapper } = await open();
    expect(wrapper.find('[data-test="live-status"]').text()).toContain('等待被访人和保卫部审批');
    push('VisitUpdated', { visitUpdated: { ...server, status: 'APPROVED' } });
    await flushPromises();
    expect(wrapper.find('[data-test="live-status"]').attributes('data-status')).toBe('APPROVED');
  });

  it('lets the host cancel their own visit but not check anyone out', async () => {
    await signInAsPerson('p-zs', ['EMPLOYEE'], ['SELF_READ', 'APPROVAL_DECIDE', 'VISIT_READ']);
    server = { ...server, status: 'APPROVED', checkedInAt: null };
    const { wrapper, router } = await open();
    expect(wrapper.find('[data-test="cancel"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="check-out"]').exists()).toBe(false);
    await wrapper.find('[data-test="approval-link"]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/approvals/ap-v1'));
  });
});
