import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AREAS, CONTROL_DOOR, event, MAIN_GATE } from '../../test/access-fixtures';
import { fakeGraphQLFetch, mountWithApp, resetLocale } from '../../test/helpers';
import AccessEventsPage from './access-events-page.vue';

const EVENTS = [
  event('e2', {
    occurredAt: new Date().toISOString(),
    passagePointId: CONTROL_DOOR.id,
    personName: '李四',
    result: 'DENIED',
    reason: 'NO_GRANT',
    decidedOffline: true,
  }),
  event('e1', { occurredAt: new Date().toISOString(), personId: null, personName: null, direction: 'OUT' }),
];

async function open() {
  const { fetch, calls } = fakeGraphQLFetch((operation) =>
    operation === 'AccessEvents'
      ? { data: { accessEvents: EVENTS } }
      : { data: { passagePoints: [CONTROL_DOOR, MAIN_GATE], areas: AREAS } },
  );
  vi.stubGlobal('fetch', fetch);
  const { wrapper } = await mountWithApp(AccessEventsPage, { path: '/security/events' });
  await flushPromises();
  return { wrapper, calls };
}

describe('passage feed page', () => {
  beforeEach(resetLocale);
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('shows who passed where, and why a refusal happened, in Chinese', async () => {
    const { wrapper } = await open();
    const [denied, granted] = wrapper.findAll('[data-test="event"]');
    expect(denied.attributes('data-result')).toBe('DENIED');
    expect(denied.text()).toContain('李四');
    expect(denied.text()).toContain('集控室门禁 · 进');
    expect(denied.text()).toContain('拒绝');
    expect(denied.text()).toContain('无此区域权限');
    expect(denied.text()).toContain('离线判定');
    expect(granted.text()).toContain('未识别人员');
    expect(granted.text()).toContain('厂区大门闸机 · 出');
    expect(granted.text()).toContain('通过');
    expect(wrapper.text()).toContain('实时刷新');
  });

  it('asks again with the result chosen in the filter bar', async () => {
    const { wrapper, calls } = await open();
    await wrapper.findAll('.van-dropdown-menu__item')[0].trigger('click');
    await flushPromises();
    const denied = [...document.body.querySelectorAll('.van-dropdown-item__option')].find(
      (option) => option.textContent?.trim() === '拒绝',
    ) as HTMLElement;
    denied.click();
    await flushPromises();
    expect(calls.filter((c) => c.operation === 'AccessEvents').at(-1)?.variables.filter).toMatchObject({
      result: 'DENIED',
      areaId: null,
    });
  });

  it('filters by area, listing areas as an indented tree', async () => {
    const { wrapper, calls } = await open();
    await wrapper.findAll('.van-dropdown-menu__item')[1].trigger('click');
    await flushPromises();
    // Full-width spaces indent the tree; String#trim would eat them, so strip only ASCII spaces.
    const options = [...document.body.querySelectorAll('.van-dropdown-item__option')].map((o) =>
      o.textContent?.replace(/^[ \n]+|[ \n]+$/g, ''),
    );
    expect(options).toContain('\u3000\u3000集控室');
    const control = [...document.body.querySelectorAll('.van-dropdown-item__option')].find((o) =>
      o.textContent?.includes('集控室'),
    ) as HTMLElement;
    control.click();
    await flushPromises();
    expect(calls.filter((c) => c.operation === 'AccessEvents').at(-1)?.variables.filter).toMatchObject({
      areaId: 'ctrl',
    });
  });
});
