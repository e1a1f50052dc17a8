import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { disposeApprovalInbox } from '../../composables/use-approval-inbox';
import { useAuth } from '../../composables/use-auth';
import type { VisitFieldsFragment } from '../../gql/graphql';
import { signInAs } from '../../test/access-fixtures';
import { signInAsPerson } from '../../test/approval-fixtures';
import { resetSubscriptions } from '../../test/fake-subscriptions';
import { fakeGraphQLFetch, type GraphQLReply, mountWithApp, resetLocale } from '../../test/helpers';
import { BOILER_AREA, ESCORT_HM, ESCORT_LL, HOST_ZS, visit } from '../../test/visitor-fixtures';
import VisitDetailPage from './visit-detail-page.vue';

vi.mock('../../composables/use-subscription', async () =>
  (await import('../../test/fake-subscriptions')).fakeSubscriptionModule(),
);

const HOST_PERMISSIONS = ['SELF_READ', 'APPROVAL_DECIDE', 'VISIT_READ'];
let server: VisitFieldsFragment;

async function open(answer: (operation: string) => GraphQLReply | undefined = () => undefined) {
  const { fetch, calls } = fakeGraphQLFetch((operation, variables) => {
    const custom = answer(operation);
    if (custom) return custom;
    if (operation === 'ApprovalInbox') return { data: { approvals: [] } };
    if (operation === 'VisitHosts') {
      const found = [HOST_ZS, ESCORT_LL, ESCORT_HM].filter((p) => p.name.includes(String(variables.keyword)));
      return { data: { visitHosts: found } };
    }
    return { data: { visit: server } };
  });
  vi.stubGlobal('fetch', fetch);
  const { wrapper } = await mountWithApp(VisitDetailPage, { props: { id: 'v1' }, path: '/visits/v1' });
  await flushPromises();
  return { wrapper, calls };
}

const $ = (selector: string) => document.body.querySelector(selector) as HTMLElement;
const $$ = (selector: string) => [...document.body.querySelectorAll<HTMLElement>(selector)];
const chips = () => $$('[data-test="escort-chip"]').map((chip) => chip.textContent?.trim());
const escortNames = (wrapper: VueWrapper) =>
  wrapper.findAll('[data-test="escort"]').map((cell) => cell.text());

async function openEditor(wrapper: VueWrapper): Promise<void> {
  await wrapper.find('[data-test="assign-escorts"]').trigger('click');
  await flushPromises();
}

async function type(keyword: string): Promise<void> {
  const input = $('[data-test="escort-search"] input') as HTMLInputElement;
  input.value = keyword;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
}

async function pick(id: string): Promise<void> {
  await vi.waitFor(() => expect($(`[data-test="escort-option"][data-id="${id}"]`)).not.toBeNull());
  $(`[data-test="escort-option"][data-id="${id}"]`).click();
  await flushPromises();
}

async function save(): Promise<void> {
  $('[data-test="save-escorts"]').click();
  await flushPromises();
}

describe('a visit’s escorts (陪同人)', () => {
  beforeEach(async () => {
    resetLocale();
    resetSubscriptions();
    server = visit('v1', { status: 'APPROVED', areas: [BOILER_AREA], escorts: [ESCORT_LL] });
    await signInAsPerson('p-zs', ['EMPLOYEE'], HOST_PERMISSIONS);
  });
  enableAutoUnmount(afterEach);
  afterEach(async () => {
    await useAuth().logout();
    disposeApprovalInbox();
  });

  it('names the escorts, or says only the host escorts when nobody is named', async () => {
    const { wrapper } = await open();
    expect(escortNames(wrapper)).toEqual(['李雷运行部']);
    wrapper.unmount();
    server = { ...server, escorts: [] };
    const again = await open();
    expect(again.wrapper.find('[data-test="escorts"]').text()).toContain('仅被访人本人');
  });

  it('searches colleagues only after two characters and once the typing pauses', async () => {
    const { wrapper, calls } = await open();
    await openEditor(wrapper);
    expect(chips()).toEqual(['李雷']);
    await type('韩');
    expect($('.escorts-editor').textContent).toContain('至少 2 个字');
    await type('韩梅');
    await type('韩梅梅');
    await vi.waitFor(() => expect(calls.some((c) => c.operation === 'VisitHosts')).toBe(true));
    await flushPromises();
    expect(calls.filter((c) => c.operation === 'VisitHosts').map((c) => c.variables)).toEqual([
      { keyword: '韩梅梅' },
    ]);
    expect($$('[data-test="escort-option"]').map((o) => o.dataset.id)).toEqual(['p-hm']);
  });

  it('lets the host pick and remove colleagues and saves the new list', async () => {
    const { wrapper, calls } = await open((operation) =>
      operation === 'AssignVisitEscorts'
        ? { data: { assignVisitEscorts: { ...server, escorts: [ESCORT_HM] } } }
        : undefined,
    );
    await openEditor(wrapper);
    await type('张三');
    await pick('p-zs');
    expect($('[data-test="escort-option"][data-id="p-zs"]').textContent).toContain('被访人');
    expect(chips()).toEqual(['李雷']);
    await type('韩梅');
    await pick('p-hm');
    expect(chips()).toEqual(['李雷', '韩梅梅']);
    $('[data-test="escort-chip"][data-id="p-ll"] .van-tag__close').click();
    await flushPromises();
    expect(chips()).toEqual(['韩梅梅']);
    await save();
    expect(calls.find((c) => c.operation === 'AssignVisitEscorts')?.variables).toEqual({
      input: { visitId: 'v1', escortIds: ['p-hm'] },
    });
    expect(escortNames(wrapper)).toEqual(['韩梅梅检修部']);
    expect(document.body.textContent).toContain('陪同人已更新');
  });

  it('shows the server’s message and marks the colleague it refused', async () => {
    const { wrapper } = await open((operation) =>
      operation === 'AssignVisitEscorts'
        ? {
            errors: [
              {
                message: '陪同人须为在职员工，且不能是访客或同行人',
                extensions: { code: 'ESCORT_INVALID', field: 'escortIds[1]' },
              },
            ],
          }
        : undefined,
    );
    await openEditor(wrapper);
    await type('韩梅');
    await pick('p-hm');
    await save();
    expect($('.van-notify').textContent).toBe('陪同人须为在职员工，且不能是访客或同行人');
    expect($('[data-test="escort-chip"][data-id="p-hm"]').dataset.refused).toBe('true');
    expect($('[data-test="escort-chip"][data-id="p-ll"]').dataset.refused).toBeUndefined();
    expect(escortNames(wrapper)).toEqual(['李雷运行部']);
  });

  it('closes the editor and shows the visit as it is now when the visit ended meanwhile', async () => {
    const ended = { ...server, status: 'CHECKED_OUT' as const, checkedOutAt: new Date().toISOString() };
    const { wrapper, calls } = await open((operation) =>
      operation === 'AssignVisitEscorts'
        ? { errors: [{ message: '该访问已结束', extensions: { code: 'VISIT_ENDED' } }] }
        : undefined,
    );
    await openEditor(wrapper);
    server = ended;
    await save();
    await vi.waitFor(() => expect(calls.filter((c) => c.operation === 'Visit')).toHaveLength(2));
    await flushPromises();
    expect($('.van-notify').textContent).toBe('该访问已结束');
    expect(wrapper.find('[data-test="assign-escorts"]').exists()).toBe(false);
  });

  it('offers no change of escorts once the visit is over or its window has passed', async () => {
    server = { ...server, status: 'CHECKED_OUT', checkedOutAt: new Date().toISOString() };
    const { wrapper } = await open();
    expect(escortNames(wrapper)).toEqual(['李雷运行部']);
    expect(wrapper.find('[data-test="assign-escorts"]').exists()).toBe(false);
    wrapper.unmount();
    server = {
      ...server,
      status: 'APPROVED',
      checkedOutAt: null,
      validUntil: new Date(Date.now() - 60_000).toISOString(),
    };
    const again = await open();
    expect(again.wrapper.find('[data-test="assign-escorts"]').exists()).toBe(false);
  });

  it('offers no change of escorts to a colleague who is not the host, but does to 保卫部', async () => {
    await signInAsPerson('p-yx', ['EMPLOYEE', 'APPROVER'], HOST_PERMISSIONS);
    const colleague = await open();
    expect(escortNames(colleague.wrapper)).toEqual(['李雷运行部']);
    expect(colleague.wrapper.find('[data-test="assign-escorts"]').exists()).toBe(false);
    colleague.wrapper.unmount();
    await signInAs(['SECURITY'], ['ACCESS_READ', 'VISIT_DESK']);
    const security = await open();
    expect(security.wrapper.find('[data-test="assign-escorts"]').exists()).toBe(true);
  });
});
