import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PassagePointInput } from '../../gql/graphql';
import { AREAS, CONTROL_DOOR, MAIN_GATE } from '../../test/access-fixtures';
import { mountWithApp, resetLocale } from '../../test/helpers';
import PassagePointForm from './passage-point-form.vue';
import PassagePointList from './passage-point-list.vue';

async function mountForm() {
  const { wrapper } = await mountWithApp(PassagePointForm, {
    props: { areas: AREAS, submitting: false, fieldErrors: {}, formError: '' },
  });
  return wrapper;
}

/** Opens the picker of the nth area field and confirms the row with this text. */
async function pickArea(
  wrapper: Awaited<ReturnType<typeof mountForm>>,
  nth: number,
  text: string,
): Promise<void> {
  await wrapper.findAll('input[readonly]')[nth].trigger('click');
  await flushPromises();
  const popup = document.body.querySelectorAll('.van-popup')[nth] as HTMLElement;
  const options = [...popup.querySelectorAll('.van-picker-column__item')] as HTMLElement[];
  options.find((option) => option.textContent?.trim() === text)?.click();
  await flushPromises();
  (popup.querySelector('.van-picker__confirm') as HTMLElement).click();
  await flushPromises();
}

async function submit(wrapper: Awaited<ReturnType<typeof mountForm>>): Promise<void> {
  await wrapper.find('form').trigger('submit');
  await vi.waitFor(async () => {
    await flushPromises();
    const settled =
      wrapper.findAll('.van-field__error-message').length + (wrapper.emitted('submit')?.length ?? 0);
    expect(settled).toBeGreaterThan(0);
  });
}

describe('passage point form', () => {
  beforeEach(resetLocale);
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('asks for both sides before sending anything', async () => {
    const wrapper = await mountForm();
    await wrapper.find('input[name="name"]').setValue('集控室门禁');
    await wrapper.find('input[name="code"]').setValue('D-CTRL');
    await submit(wrapper);
    expect(wrapper.text()).toContain('请选择外侧区域');
    expect(wrapper.text()).toContain('请选择内侧区域');
    expect(wrapper.emitted('submit')).toBeUndefined();
  });

  it('refuses a door between an area and itself', async () => {
    const wrapper = await mountForm();
    await wrapper.find('input[name="name"]').setValue('假门');
    await wrapper.find('input[name="code"]').setValue('X');
    await pickArea(wrapper, 0, '东港电厂 / 生产区');
    await pickArea(wrapper, 1, '东港电厂 / 生产区');
    await submit(wrapper);
    expect(wrapper.text()).toContain('两侧不能是同一区域');
    expect(wrapper.emitted('submit')).toBeUndefined();
  });

  it('locks a door into a key area on power loss unless told otherwise', async () => {
    const wrapper = await mountForm();
    await wrapper.find('input[name="name"]').setValue('集控室门禁');
    await wrapper.find('input[name="code"]').setValue('D-CTRL');
    await pickArea(wrapper, 0, '东港电厂 / 生产区');
    await pickArea(wrapper, 1, '东港电厂 / 生产区 / 集控室');
    await wrapper.find('input[name="interlockGroup"]').setValue(' AB ');
    await submit(wrapper);
    const [input] = (wrapper.emitted('submit')?.[0] ?? []) as [PassagePointInput];
    expect(input).toEqual({
      name: '集控室门禁',
      code: 'D-CTRL',
      kind: 'DOOR',
      fromAreaId: 'prod',
      toAreaId: 'ctrl',
      failMode: 'SECURE',
      interlockGroup: 'AB',
      firstCardNormalOpen: false,
    });
  });
});

describe('passage point list', () => {
  beforeEach(resetLocale);
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('shows each point with its kind, both sides by name, fail mode and interlock group', async () => {
    const { wrapper } = await mountWithApp(PassagePointList, {
      props: { points: [CONTROL_DOOR, { ...MAIN_GATE, toAreaId: 'gone' }], areas: AREAS },
    });
    const [door, gate] = wrapper.findAll('[data-test="point"]');
    expect(door.text()).toContain('集控室门禁');
    expect(door.text()).toContain('门');
    expect(door.text()).toContain('失效锁闭');
    expect(door.text()).toContain('生产区 → 集控室');
    expect(door.text()).toContain('互锁 AB');
    expect(gate.text()).toContain('闸机');
    expect(gate.text()).toContain('失效开启');
    expect(gate.text()).toContain('东港电厂 → 未知区域');
    expect(gate.text()).toContain('首卡常开');
  });
});
