import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TemporaryAccessInput } from '../../gql/graphql';
import { AREAS } from '../../test/access-fixtures';
import { mountWithApp, resetLocale } from '../../test/helpers';
import TemporaryAccessForm from './temporary-access-form.vue';

const NOW = new Date(2030, 4, 1, 12, 7);

async function mountForm(fieldErrors = {}) {
  const { wrapper } = await mountWithApp(TemporaryAccessForm, {
    props: { areas: AREAS, submitting: false, formError: '', fieldErrors },
  });
  return wrapper;
}

type Form = Awaited<ReturnType<typeof mountForm>>;

async function pickArea(wrapper: Form, text: string): Promise<void> {
  await wrapper.find('input[readonly]').trigger('click');
  await flushPromises();
  const popup = document.body.querySelector('.van-popup') as HTMLElement;
  const options = [...popup.querySelectorAll('.van-picker-column__item')] as HTMLElement[];
  options.find((option) => option.textContent?.trim() === text)?.click();
  await flushPromises();
  (popup.querySelector('.van-picker__confirm') as HTMLElement).click();
  await flushPromises();
}

async function fill(wrapper: Form, from: string, until: string, reason = '6kV 开关柜检修'): Promise<void> {
  await wrapper.find('input[name="validFrom"]').setValue(from);
  await wrapper.find('input[name="validUntil"]').setValue(until);
  await wrapper.find('textarea[name="reason"]').setValue(reason);
}

async function submit(wrapper: Form): Promise<void> {
  await wrapper.find('form').trigger('submit');
  await flushPromises();
}

const errors = (wrapper: Form) => wrapper.findAll('.van-field__error-message').map((e) => e.text());

describe('temporary access request form', () => {
  beforeEach(() => {
    resetLocale();
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(() => {
    document.body.innerHTML = '';
    vi.useRealTimers();
  });

  it('suggests the next quarter hour for two hours', async () => {
    const wrapper = await mountForm();
    expect((wrapper.find('input[name="validFrom"]').element as HTMLInputElement).value).toBe(
      '2030-05-01T12:15',
    );
    expect((wrapper.find('input[name="validUntil"]').element as HTMLInputElement).value).toBe(
      '2030-05-01T14:15',
    );
  });

  it('asks for an area and a reason', async () => {
    const wrapper = await mountForm();
    await submit(wrapper);
    expect(errors(wrapper)).toEqual(['请选择区域', '请填写申请事由']);
    expect(wrapper.emitted('submit')).toBeUndefined();
  });

  it('refuses a window that ends before it starts', async () => {
    const wrapper = await mountForm();
    await pickArea(wrapper, '东港电厂 / 生产区 / 集控室');
    await fill(wrapper, '2030-05-02T18:00', '2030-05-02T08:00');
    await submit(wrapper);
    expect(errors(wrapper)).toEqual(['结束时间须晚于开始时间']);
    expect(wrapper.emitted('submit')).toBeUndefined();
  });

  it('refuses a start in the past', async () => {
    const wrapper = await mountForm();
    await pickArea(wrapper, '东港电厂 / 办公楼');
    await fill(wrapper, '2030-05-01T08:00', '2030-05-01T18:00');
    await submit(wrapper);
    expect(errors(wrapper)).toEqual(['开始时间不能早于现在']);
    expect(wrapper.emitted('submit')).toBeUndefined();
  });

  it("shows the server's complaint beside the field it names", async () => {
    const wrapper = await mountForm({ validUntil: '申请时长不能超过 24 小时' });
    expect(errors(wrapper)).toEqual(['申请时长不能超过 24 小时']);
  });

  it('warns that a key area needs two approvals, and sends the window as instants', async () => {
    const wrapper = await mountForm();
    await pickArea(wrapper, '东港电厂 / 生产区 / 集控室');
    expect(wrapper.text()).toContain('重点区域：需部门负责人和保卫部依次审批');
    await fill(wrapper, '2030-05-02T08:00', '2030-05-02T12:00', '  1 号机组 DCS 机柜巡检 ');
    await submit(wrapper);
    const [input] = (wrapper.emitted('submit')?.[0] ?? []) as [TemporaryAccessInput];
    expect(input).toEqual({
      areaId: 'ctrl',
      validFrom: new Date(2030, 4, 2, 8, 0).toISOString(),
      validUntil: new Date(2030, 4, 2, 12, 0).toISOString(),
      reason: '1 号机组 DCS 机柜巡检',
    });
  });
});
