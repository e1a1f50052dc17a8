import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { disposeApprovalInbox } from '../../composables/use-approval-inbox';
import { useAuth } from '../../composables/use-auth';
import type { VisitFieldsFragment } from '../../gql/graphql';
import { signInAsPerson } from '../../test/approval-fixtures';
import { push, resetSubscriptions } from '../../test/fake-subscriptions';
import { fakeGraphQLFetch, mountWithApp, resetLocale } from '../../test/helpers';
import { BOILER_AREA, ESCORT_HM, ESCORT_LL, OFFICE_AREA, visit } from '../../test/visitor-fixtures';
import HomePage from '../home/home-page.vue';
import MePage from '../me/me-page.vue';
import HostedVisitsPage from './hosted-visits-page.vue';

vi.mock('../../composables/use-subscription', async () =>
  (await import('../../test/fake-subscriptions')).fakeSubscriptionModule(),
);

const HOST_PERMISSIONS = ['SELF_READ', 'APPROVAL_DECIDE', 'VISIT_READ'];
const day = new Date();
const at = (h: number, m = 0): string =>
  new Date(day.getFullYear(), day.getMonth(), day.getDate(), h, m).toISOString();

const WANG = visit('v1', {
  status: 'APPROVED',
  company: '青岛港务',
  areas: [OFFICE_AREA, BOILER_AREA],
  escorts: [ESCORT_LL, ESCORT_HM],
});
const LI = visit('v2', {
  visitor: { personId: 'v-li', name: '李四', idNumberMasked: '370202********4567', companion: false },
  validFrom: at(14),
  validUntil: at(16, 30),
});
let server: VisitFieldsFragment[];

async function open() {
  const { fetch, calls } = fakeGraphQLFetch(() => ({ data: { hostedVisits: server } }));
  vi.stubGlobal('fetch', fetch);
  const { wrapper, router } = await mountWithApp(HostedVisitsPage, { path: '/visits/mine' });
  await flushPromises();
  return { wrapper, calls, router };
}

const cards = (wrapper: VueWrapper) => wrapper.findAll('[data-test="visit"]');
const names = (wrapper: VueWrapper) =>
  cards(wrapper).map((card) => card.find('[data-test="visitor-name"]').text());

describe('my visitors as a host', () => {
  beforeEach(async () => {
    resetLocale();
    resetSubscriptions();
    server = [WANG, LI];
    await signInAsPerson('p-zs', ['EMPLOYEE'], HOST_PERMISSIONS);
  });
  enableAutoUnmount(afterEach);
  afterEach(async () => {
    await useAuth().logout();
    disposeApprovalInbox();
  });

  it('lists each visitor with company, window, areas, status and escorts', async () => {
    const { wrapper, calls } = await open();
    expect(calls.map((c) => c.operation)).toEqual(['HostedVisits']);
    expect(names(wrapper)).toEqual(['王五', '李四']);
    const [wang, li] = cards(wrapper);
    expect(wang.text()).toContain('青岛港务');
    expect(wang.find('[data-test="window"]').text()).toBe('09:00–17:30');
    expect(wang.find('[data-test="areas"]').text()).toContain('区域：办公楼、锅炉房');
    expect(wang.find('[data-test="areas"]').text()).toContain('需陪同');
    expect(wang.find('[data-test="visit-status"]').text()).toBe('已通过');
    expect(wang.find('[data-test="escorts"]').text()).toBe('陪同人：李雷、韩梅梅');
    expect(li.find('[data-test="visit-status"]').text()).toBe('待审批');
    expect(li.find('[data-test="escorts"]').text()).toBe('陪同人：仅被访人本人');
  });

  it('opens the visit’s page when a visitor is tapped', async () => {
    const { wrapper, router } = await open();
    await cards(wrapper)[1].trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/visits/v2'));
  });

  it('says in Chinese that nobody is coming when the list is empty', async () => {
    server = [];
    const { wrapper } = await open();
    expect(cards(wrapper)).toHaveLength(0);
    expect(wrapper.text()).toContain('暂无访客');
  });

  it('puts a visitor booked meanwhile in time order, and leaves out visits hosted by others', async () => {
    const { wrapper } = await open();
    const early = visit('v3', {
      visitor: { personId: 'v-zhao', name: '赵六', idNumberMasked: '110105********002X', companion: false },
      validFrom: at(8),
    });
    push('VisitUpdated', { visitUpdated: early });
    push('VisitUpdated', {
      visitUpdated: visit('v4', { host: { id: 'p-yx', name: '宋玉燕', department: '运行部' } }),
    });
    push('VisitUpdated', { visitUpdated: { ...LI, status: 'APPROVED' } });
    await flushPromises();
    expect(names(wrapper)).toEqual(['赵六', '王五', '李四']);
    expect(cards(wrapper)[2].find('[data-test="visit-status"]').text()).toBe('已通过');
  });

  it('is reached from 我的 and from the home page by anyone who hosts visitors', async () => {
    vi.stubGlobal('fetch', fakeGraphQLFetch(() => ({ data: { approvals: [] } })).fetch);
    // A cell takes the tap itself; a grid item takes it on its content.
    for (const [page, target] of [
      [MePage, '[data-entry="hosted-visits"]'],
      [HomePage, '[data-entry="hosted-visits"] [role="button"]'],
    ] as const) {
      const { wrapper, router } = await mountWithApp(page, { path: '/me' });
      await flushPromises();
      await wrapper.find(target).trigger('click');
      await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/visits/mine'));
      wrapper.unmount();
    }
    await useAuth().logout();
    await signInAsPerson('p-zs', ['EMPLOYEE'], ['SELF_READ', 'APPROVAL_DECIDE']);
    vi.stubGlobal('fetch', fakeGraphQLFetch(() => ({ data: { approvals: [] } })).fetch);
    const { wrapper } = await mountWithApp(MePage, { path: '/me' });
    expect(wrapper.find('[data-entry="hosted-visits"]').exists()).toBe(false);
  });
});
