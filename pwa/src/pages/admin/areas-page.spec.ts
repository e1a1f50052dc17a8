import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuth } from '../../composables/use-auth';
import { AREAS, signInAs } from '../../test/access-fixtures';
import { fakeGraphQLFetch, mountWithApp, resetLocale } from '../../test/helpers';
import AreaNewPage from './area-new-page.vue';
import AreasPage from './areas-page.vue';

describe('areas pages', () => {
  beforeEach(resetLocale);
  afterEach(async () => {
    document.body.innerHTML = '';
    await useAuth().logout();
  });

  it('lists the tree with each level and policy, children under their parent', async () => {
    await signInAs();
    vi.stubGlobal('fetch', fakeGraphQLFetch(() => ({ data: { areas: AREAS } })).fetch);
    const { wrapper } = await mountWithApp(AreasPage, { path: '/admin/areas' });
    await flushPromises();

    const rows = wrapper.findAll('[data-test="area"]');
    expect(rows.map((row) => row.find('.area-tree__name').text())).toEqual([
      '东港电厂',
      '办公楼',
      '生产区',
      '集控室',
    ]);
    const control = rows[3];
    expect(control.find('[data-level]').text()).toBe('重点区域');
    expect(control.text()).toContain('防回传 严格');
    expect(control.text()).toContain('上限 12 人');
    expect(control.text()).toContain('双人 30 秒');
    expect(control.text()).toContain('岗位默认不适用');
    expect(control.text()).toContain('资质 ELECTRICIAN');
    expect(control.attributes('style')).toContain('--depth: 2');
    expect(wrapper.text()).toContain('共 4 个区域');
  });

  it('offers no create buttons to someone who may only read', async () => {
    await signInAs(['SECURITY'], ['ACCESS_READ']);
    vi.stubGlobal('fetch', fakeGraphQLFetch(() => ({ data: { areas: AREAS } })).fetch);
    const { wrapper } = await mountWithApp(AreasPage, { path: '/admin/areas' });
    await flushPromises();
    expect(wrapper.findAll('[data-test="area"]')).toHaveLength(4);
    expect(wrapper.text()).not.toContain('新增区域');
    expect(wrapper.text()).not.toContain('下级');
  });

  it("shows a duplicate code beside the code field, in the server's words", async () => {
    await signInAs();
    const { fetch, calls } = fakeGraphQLFetch((operation) =>
      operation === 'CreateArea'
        ? { errors: [{ message: '区域编码已存在', extensions: { code: 'DUPLICATE', field: 'code' } }] }
        : { data: { areas: AREAS } },
    );
    vi.stubGlobal('fetch', fetch);
    const { wrapper, router } = await mountWithApp(AreaNewPage, { path: '/admin/areas/new?parent=prod' });
    await flushPromises();
    await wrapper.find('input[name="name"]').setValue('配电室');
    await wrapper.find('input[name="code"]').setValue('A2');
    await wrapper.find('form').trigger('submit');
    await vi.waitFor(async () => {
      await flushPromises();
      expect(wrapper.find('.van-field__error-message').exists()).toBe(true);
    });

    expect(calls.find((c) => c.operation === 'CreateArea')?.variables.input).toMatchObject({
      name: '配电室',
      code: 'A2',
      parentId: 'prod',
      securityLevel: 'PRODUCTION',
    });
    expect(wrapper.find('.van-field__error-message').text()).toBe('区域编码已存在');
    expect(router.currentRoute.value.path).toBe('/admin/areas/new');
  });

  it('goes back to the tree once the area is created', async () => {
    await signInAs();
    const { fetch } = fakeGraphQLFetch((operation) =>
      operation === 'CreateArea' ? { data: { createArea: AREAS[0] } } : { data: { areas: AREAS } },
    );
    vi.stubGlobal('fetch', fetch);
    const { wrapper, router } = await mountWithApp(AreaNewPage, { path: '/admin/areas/new' });
    await flushPromises();
    await wrapper.find('input[name="name"]').setValue('二期厂区');
    await wrapper.find('input[name="code"]').setValue('B0');
    await wrapper.find('form').trigger('submit');
    await vi.waitFor(async () => {
      await flushPromises();
      expect(router.currentRoute.value.name).toBe('areas');
    });
  });
});
