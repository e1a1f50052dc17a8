import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuth } from '../../composables/use-auth';
import type { VisitFieldsFragment } from '../../gql/graphql';
import { signInAs } from '../../test/access-fixtures';
import { push, resetSubscriptions } from '../../test/fake-subscriptions';
import { fakeGraphQLFetch, mountWithApp, resetLocale } from '../../test/helpers';
import { visit } from '../../test/visitor-fixtures';
import VisitsTodayPage from './visits-today-page.vue';

vi.mock('../../composables/use-subscription', async () =>
  (await import('../../test/fake-subscriptions')).fakeSubscriptionModule(),
);

const WANG = visit('v1');
const LI = visit('v2', {
  status: 'CHECKED_IN',
  visitor: { personId: 'v-li', name: '李四', idNumberMasked: '370202********4567', companion: false },
  checkedInAt: new Date().toISOString(),
  plate: '鲁B12345',
});
const SUN = visit('v3', {
  status: 'REJECTED',
  source: 'WALK_IN',
  visitor: { personId: 'v-sun', name: '孙七', idNumberMasked: '110105********002X', companion: false },
  rejectionReason: '暂时无法受理您的来访，请联系被访人',
  securityNote: '观察名单：孙七（多次强闯闸机）',
});
let server: VisitFieldsFragment[];

async function open(path = '/visits') {
  const { fetch, calls } = fakeGraphQLFetch(() => ({ data: { visitsToday: server } }));
  vi.stubGlobal('fetch', fetch);
  const { wrapper, router } = await mountWithApp(VisitsTodayPage, { path });
  await flushPromises();
  return { wrapper, calls, router };
}

const names = (wrapper: VueWrapper) =>
  wrapper.findAll('[data-test="visit"]').map((card) => card.find('.visit-card__name').text());
const tab = (wrapper: VueWrapper, filter: string) =>
  wrapper.findAll('.van-tab').find((t) => t.text().startsWith(filter)) as ReturnType<VueWrapper['find']>;

describe('today’s visitors at the security desk', () => {
  beforeEach(async () => {
    resetLocale();
    resetSubscriptions();
    server = [WANG, LI, SUN];
    await signInAs(['SECURITY'], ['ACCESS_READ', 'VISIT_DESK']);
  });
  enableAutoUnmount(afterEach);
  afterEach(async () => {
    await useAuth().logout();
  });

  it('lists every visit of today with its host, status and what the guard needs to know', async () => {
    const { wrapper, calls } = await open();
    expect(calls.find((c) => c.operation === 'VisitsToday')?.variables).toEqual({ status: null });
    expect(names(wrapper)).toEqual(['王五', '李四', '孙七']);
    const [wang, li, sun] = wrapper.findAll('[data-test="visit"]');
    expect(wang.text()).toContain('待审批');
    expect(wang.text()).toContain('被访人 张三（运行部） · 商务洽谈');
    expect(wang.text()).toContain('09:00–17:30');
    expect(li.text()).toContain('已入场');
    expect(li.text()).toContain('鲁B12345');
    expect(sun.text()).toContain('现场登记');
    // The visitor is told something neutral; the guard sees why.
    expect(sun.text()).toContain('原因：暂时无法受理您的来访，请联系被访人');
    expect(sun.find('[data-test="security-note"]').text()).toBe(
      '仅保卫部可见：观察名单：孙七（多次强闯闸机）',
    );
  });

  it('counts each status on its tab and filters by it', async () => {
    const { wrapper, router } = await open();
    expect(tab(wrapper, '全部').text()).toBe('全部 3');
    expect(tab(wrapper, '待审批').text()).toBe('待审批 1');
    expect(tab(wrapper, '已入场').text()).toBe('已入场 1');
    expect(tab(wrapper, '已离场').text()).toBe('已离场');
    await tab(wrapper, '已入场').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ status: 'CHECKED_IN' });
    expect(names(wrapper)).toEqual(['李四']);
    await tab(wrapper, '已过期').trigger('click');
    await flushPromises();
    expect(names(wrapper)).toEqual([]);
    expect(wrapper.text()).toContain('暂无“已过期”的访客');
  });

  it('opens on the tab named in the address', async () => {
    const { wrapper } = await open('/visits?status=REJECTED');
    expect(names(wrapper)).toEqual(['孙七']);
  });

  it('moves a visit to its new status the moment the host decides', async () => {
    const { wrapper } = await open('/visits?status=PENDING');
    expect(names(wrapper)).toEqual(['王五']);
    push('VisitUpdated', { visitUpdated: { ...WANG, status: 'APPROVED' } });
    await flushPromises();
    expect(names(wrapper)).toEqual([]);
    expect(tab(wrapper, '已通过').text()).toBe('已通过 1');
    expect(tab(wrapper, '待审批').text()).toBe('待审批');
    expect(document.body.textContent).toContain('王五：已通过');
  });

  it('puts a visit registered elsewhere on top, marked as new', async () => {
    const { wrapper } = await open();
    const zhou = visit('v9', {
      source: 'WALK_IN',
      visitor: { personId: 'v-zhou', name: '周八', idNumberMasked: '370202********1233', companion: false },
    });
    push('VisitUpdated', { visitUpdated: zhou });
    await flushPromises();
    expect(names(wrapper)).toEqual(['周八', '王五', '李四', '孙七']);
    expect(wrapper.find('[data-test="visit"]').classes()).toContain('visit-card--fresh');
    expect(tab(wrapper, '全部').text()).toBe('全部 4');
  });

  it('leaves out a booking made now for another day', async () => {
    const { wrapper } = await open();
    const later = new Date(Date.now() + 3 * 86_400_000).toISOString();
    push('VisitUpdated', { visitUpdated: visit('v8', { validFrom: later, validUntil: later }) });
    await flushPromises();
    expect(names(wrapper)).toEqual(['王五', '李四', '孙七']);
  });

  it('links each visit to its page and offers the walk-in form', async () => {
    const { wrapper } = await open();
    expect(wrapper.find('[data-test="visit"]').attributes('href')).toBe('/visits/v1');
    expect(wrapper.find('[data-test="walk-in"]').exists()).toBe(true);
  });
});
