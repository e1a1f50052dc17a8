import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AREAS, OFFICE_HOURS } from '../../test/access-fixtures';
import { mountWithApp, resetLocale } from '../../test/helpers';
import GrantForm from './grant-form.vue';
import type { GrantFormInput } from './types';

const NOW = new Date(2030, 4, 1, 12, 0);

async function mountForm() {
  const { wrapper } = await mountWithApp(GrantForm, {
    props: { areas: AREAS, schedules: [OFFICE_HOURS], submitting: false, formError: '' },
  });
  return wrapper;
}

type Form = Awaited<ReturnType<typeof mountForm>>;

async function pick(wrapper: Form, nth: number, text: string): Promise<void> {
  await wrapper.findAll('input[readonly]')[nth].trigger('click');
  await flushPromises();
  const popup = document.body.querySelectorAll('.van-popup')[nth] as HTMLElement;
  const options = [...popup.querySelectorAll('.van-picker-column__item')] as HTMLElement[];
  options.find((option) => option.textContent?.trim() === text)?.click();
  await flushPromises();
  (popup.querySelector('.van-picker__confirm') as HTMLElement).click();
  await flushPromises();
}

async function submit(wrapper: Form): Promise<void> {
  await wrapper.find('form').trigger('submit');
  await flushPromises();
}

describe('grant form', () => {
  beforeEach(() => {
    resetLocale();
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(() => {
    document.body.innerHTML = '';
    vi.useRealTimers();
  });

  it('asks for an area first', async () => {
    const wrapper = await mountForm();
    await submit(wrapper);
    expect(wrapper.text()).toContain('请选择区域');
    expect(wrapper.emitted('submit')).toBeUndefined();
  });

  it('refuses a window that ends before it starts, before asking the server', async () => {
    const wrapper = await mountForm();
    await pick(wrapper, 0, '东港电厂 / 办公楼');
    await wrapper.find('input[name="validFrom"]').setValue('2030-05-02T18:00');
    await wrapper.find('input[name="validUntil"]').setValue('2030-05-02T08:00');
    await submit(wrapper);
    expect(wrapper.find('.van-field__error-message').text()).toBe('失效时间须晚于生效时间');
    expect(wrapper.emitted('submit')).toBeUndefined();
  });

  it('refuses a window that has already ended', async () => {
    const wrapper = await mountForm();
    await pick(wrapper, 0, '东港电厂 / 办公楼');
    await wrapper.find('input[name="validUntil"]').setValue('2030-05-01T11:00');
    await submit(wrapper);
    expect(wrapper.find('.van-field__error-message').text()).toBe('失效时间须晚于现在');
    expect(wrapper.emitted('submit')).toBeUndefined();
  });

  it('warns that a key area should have an end, and sends the window as instants', async () => {
    const wrapper = await mountForm();
    await pick(wrapper, 0, '东港电厂 / 生产区 / 集控室');
    expect(wrapper.text()).toContain('重点区域建议设置失效时间');
    await pick(wrapper, 1, '行政办公时间');
    await wrapper.find('input[name="validFrom"]').setValue('2030-05-02T08:00');
    await wrapper.find('input[name="validUntil"]').setValue('2030-05-02T18:00');
    expect(wrapper.text()).not.toContain('重点区域建议设置失效时间');
    await submit(wrapper);
    const [input] = (wrapper.emitted('submit')?.[0] ?? []) as [GrantFormInput];
    expect(input).toEqual({
      areaId: 'ctrl',
      scheduleId: OFFICE_HOURS.id,
      validFrom: new Date(2030, 4, 2, 8, 0).toISOString(),
      validUntil: new Date(2030, 4, 2, 18, 0).toISOString(),
    });
  });

  it('leaves both ends open for a standing grant at any time', async () => {
    const wrapper = await mountForm();
    await pick(wrapper, 0, '东港电厂 / 办公楼');
    await submit(wrapper);
    expect(wrapper.emitted('submit')?.[0]).toEqual([
      { areaId: 'office', scheduleId: null, validFrom: null, validUntil: null },
    ]);
  });
});
