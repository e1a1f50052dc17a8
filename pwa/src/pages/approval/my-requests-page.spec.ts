import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuth } from '../../composables/use-auth';
import { approval, signInAsPerson, step } from '../../test/approval-fixtures';
import { fakeGraphQLFetch, type GraphQLReply, mountWithApp, resetLocale } from '../../test/helpers';
import MyRequestsPage from './my-requests-page.vue';

const PENDING = approval('r1', { canDecide: false });
const REJECTED = approval('r2', {
  canDecide: false,
  status: 'REJECTED',
  currentStep: null,
  subject: { ...(PENDING.subject as object), areaName: '办公楼', reason: '送资料' },
  steps: [
    step(1, {
      status: 'REJECTED',
      decidedByName: '宋玉燕',
      decidedAt: '2030-05-01T04:00:00Z',
      comment: '办公楼无需临时权限，请走访客预约',
    }),
  ],
});

async function open(answer: (operation: string) => GraphQLReply | undefined = () => undefined) {
  const { fetch, calls } = fakeGraphQLFetch(
    (operation) => answer(operation) ?? { data: { myApprovalRequests: [PENDING, REJECTED] } },
  );
  vi.stubGlobal('fetch', fetch);
  const { wrapper } = await mountWithApp(MyRequestsPage, { path: '/requests' });
  await flushPromises();
  return { wrapper, calls };
}

describe('my temporary access requests', () => {
  beforeEach(async () => {
    resetLocale();
    await signInAsPerson('p-zs', ['EMPLOYEE']);
  });
  afterEach(async () => {
    document.body.innerHTML = '';
    await useAuth().logout();
  });

  it('lists my requests with where they stand and what each approver said', async () => {
    const { wrapper, calls } = await open();
    expect(calls[0]).toMatchObject({
      operation: 'MyApprovalRequests',
      variables: { kind: 'TEMPORARY_ACCESS' },
    });
    const [pending, rejected] = wrapper.findAll('[data-test="request"]');
    expect(pending.text()).toContain('集控室');
    expect(pending.text()).toContain('审批中');
    expect(pending.text()).toContain('1 号机组 DCS 机柜巡检');
    expect(pending.text()).toContain('审批人：宋玉燕');
    expect(rejected.text()).toContain('办公楼');
    expect(rejected.text()).toContain('已驳回');
    expect(rejected.text()).toContain('“办公楼无需临时权限，请走访客预约”');
    expect(rejected.find('[data-test="cancel"]').exists()).toBe(false);
  });

  it('withdraws a pending request after asking', async () => {
    const { wrapper, calls } = await open((operation) =>
      operation === 'CancelApprovalRequest'
        ? { data: { cancelApprovalRequest: { ...PENDING, status: 'CANCELLED', currentStep: null } } }
        : undefined,
    );
    await wrapper.find('[data-test="cancel"]').trigger('click');
    await flushPromises();
    (document.body.querySelector('.van-dialog__confirm') as HTMLElement).click();
    await vi.waitFor(() => expect(calls.some((c) => c.operation === 'CancelApprovalRequest')).toBe(true));
    await flushPromises();
    const first = wrapper.findAll('[data-test="request"]')[0];
    expect(first.attributes('data-status')).toBe('CANCELLED');
    expect(first.text()).toContain('已撤回');
  });
});
