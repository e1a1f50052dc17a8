import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { i18n } from '../../i18n';
import { createTestRouter, resetLocale } from '../../test/helpers';
import AppTabbar from '../layout/app-tabbar.vue';
import LocaleSwitch from './locale-switch.vue';

const Screen = defineComponent(() => () => [h(LocaleSwitch), h(AppTabbar, { roles: ['HR'] })]);

describe('language switch', () => {
  beforeEach(resetLocale);
  afterEach(() => {
    document.body.innerHTML = '';
    resetLocale();
  });

  it('relabels the tab bar in English and remembers the choice', async () => {
    const wrapper = mount(Screen, { global: { plugins: [i18n, await createTestRouter()] } });
    const tabs = () => wrapper.findAll('.van-tabbar-item').map((item) => item.text());
    expect(tabs()).toEqual(['首页', '人员', '我的']);

    await wrapper.find('[data-locale="en"]').trigger('click');

    expect(tabs()).toEqual(['Home', 'People', 'Me']);
    expect(localStorage.getItem('park.locale')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('switches back to Chinese', async () => {
    const wrapper = mount(Screen, { global: { plugins: [i18n, await createTestRouter()] } });
    await wrapper.find('[data-locale="en"]').trigger('click');
    await wrapper.find('[data-locale="zh-CN"]').trigger('click');
    expect(wrapper.find('.van-tabbar-item').text()).toBe('首页');
    expect(localStorage.getItem('park.locale')).toBe('zh-CN');
  });
});
