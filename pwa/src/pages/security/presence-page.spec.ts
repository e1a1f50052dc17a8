import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AREAS } from '../../test/access-fixtures';
import { fakeGraphQLFetch, mountWithApp, resetLocale } from '../../test/helpers';
import PresencePage from './presence-page.vue';

const INSIDE = [
  { areaId: 'ctrl', personId: 'p2', personName: '李四', since: '2030-01-01T01:30:00Z' },
  { areaId: 'prod', personId: 'p1', personName: '张三', since: '2030-01-01T00:10:00Z' },
  { areaId: 'ctrl', personId: 'p3', personName: '王五', since: '2030-01-01T00:50:00Z' },
];

describe('presence page', () => {
  beforeEach(resetLocale);
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('counts everyone inside the chosen area and groups them by the room they are in', async () => {
    const { fetch, calls } = fakeGraphQLFetch((operation, variables) =>
      operation === 'Presence'
        ? { data: { presence: variables.areaId === 'prod' ? INSIDE : [] } }
        : { data: { areas: AREAS } },
    );
    vi.stubGlobal('fetch', fetch);
    const { wrapper } = await mountWithApp(PresencePage, { path: '/security/presence?area=prod' });
    await flushPromises();

    expect(calls.find((c) => c.operation === 'Presence')?.variables).toEqual({ areaId: 'prod' });
    expect(wrapper.find('[data-test="presence-count"]').text()).toBe('在场 3 人');
    const groups = wrapper.findAll('[data-test="presence-group"]');
    expect(groups.map((g) => g.find('h3').text())).toEqual(['生产区（1）', '集控室（2）']);
    expect(
      groups[1].findAll('[data-test="present"]').map((row) => row.find('.van-cell__title').text()),
    ).toEqual(['王五', '李四']);
  });

  it('starts from the whole site and says when nobody is inside', async () => {
    const { fetch, calls } = fakeGraphQLFetch((operation) =>
      operation === 'Presence' ? { data: { presence: [] } } : { data: { areas: AREAS } },
    );
    vi.stubGlobal('fetch', fetch);
    const { wrapper, router } = await mountWithApp(PresencePage, { path: '/security/presence' });
    await flushPromises();
    expect(calls.find((c) => c.operation === 'Presence')?.variables).toEqual({ areaId: 'site' });
    expect(router.currentRoute.value.query.area).toBe('site');
    expect(wrapper.find('[data-test="presence-count"]').text()).toBe('在场 0 人');
    expect(wrapper.text()).toContain('此区域内暂无人员');
  });

  it('shows the occupancy limit of a key area and turns red when it is reached', async () => {
    const full = Array.from({ length: 12 }, (_, i) => ({
      areaId: 'ctrl',
      personId: `p${i}`,
      personName: `值班员${i}`,
      since: '2030-01-01T00:00:00Z',
    }));
    const { fetch } = fakeGraphQLFetch((operation) =>
      operation === 'Presence' ? { data: { presence: full } } : { data: { areas: AREAS } },
    );
    vi.stubGlobal('fetch', fetch);
    const { wrapper } = await mountWithApp(PresencePage, { path: '/security/presence?area=ctrl' });
    await flushPromises();
    expect(wrapper.find('.presence__count').text()).toContain('上限 12 人');
    expect(wrapper.find('.presence__count--full').exists()).toBe(true);
  });
});
