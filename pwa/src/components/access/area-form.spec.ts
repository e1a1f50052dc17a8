import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AreaInput } from '../../gql/graphql';
import { AREAS } from '../../test/access-fixtures';
import { mountWithApp, resetLocale } from '../../test/helpers';
import AreaForm from './area-form.vue';

async function mountForm(parentId: string | null = null, extra: Record<string, unknown> = {}) {
  const { wrapper } = await mountWithApp(AreaForm, {
    props: { areas: AREAS, parentId, submitting: false, fieldErrors: {}, formError: '', ...extra },
  });
  return wrapper;
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

describe('area form', () => {
  beforeEach(resetLocale);
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('asks for a name and a code in Chinese before sending anything', async () => {
    const wrapper = await mountForm();
    await submit(wrapper);
    expect(wrapper.text()).toContain('请输入区域名称');
    expect(wrapper.text()).toContain('编码为 1–32 位字母、数字、下划线或连字符');
    expect(wrapper.emitted('submit')).toBeUndefined();
  });

  it('refuses a code with spaces or Chinese characters', async () => {
    const wrapper = await mountForm();
    await wrapper.find('input[name="name"]').setValue('油库');
    await wrapper.find('input[name="code"]').setValue('油库 1');
    await submit(wrapper);
    expect(wrapper.text()).toContain('编码为 1–32 位字母、数字、下划线或连字符');
    expect(wrapper.emitted('submit')).toBeUndefined();
  });

  it('refuses an occupancy of zero', async () => {
    const wrapper = await mountForm();
    await wrapper.find('input[name="name"]').setValue('油库');
    await wrapper.find('input[name="code"]').setValue('OIL');
    await wrapper.find('input[name="maxOccupancy"]').setValue('0');
    await submit(wrapper);
    expect(wrapper.text()).toContain('请输入不小于 1 的整数');
    expect(wrapper.emitted('submit')).toBeUndefined();
  });

  it('takes a child area under the key 集控室 to be a key area, closed to post defaults and strict', async () => {
    const wrapper = await mountForm('ctrl');
    expect(wrapper.find('.van-field input[readonly]').element).toHaveProperty(
      'value',
      '东港电厂 / 生产区 / 集控室',
    );
    await wrapper.find('input[name="name"]').setValue('电子间');
    await wrapper.find('input[name="code"]').setValue('A2-1-1');
    await submit(wrapper);
    const [input] = (wrapper.emitted('submit')?.[0] ?? []) as [AreaInput];
    expect(input).toMatchObject({
      name: '电子间',
      code: 'A2-1-1',
      parentId: 'ctrl',
      securityLevel: 'KEY',
      postDefaultsApply: false,
      antiPassback: 'HARD',
      maxOccupancy: null,
      twoPersonWithinSeconds: null,
      requiredQualifications: [],
    });
  });

  it('fills in the policy for the level chosen, then sends what the admin changed', async () => {
    const wrapper = await mountForm();
    await wrapper.find('input[name="name"]').setValue('煤场');
    await wrapper.find('input[name="code"]').setValue('COAL');
    const production = wrapper.findAll('.van-radio').find((radio) => radio.text() === '生产区域');
    await production?.trigger('click');
    await flushPromises();
    await wrapper.find('input[name="qualifications"]').setValue('HAZCHEM, 登高');
    await submit(wrapper);
    const [input] = (wrapper.emitted('submit')?.[0] ?? []) as [AreaInput];
    expect(input).toMatchObject({
      securityLevel: 'PRODUCTION',
      antiPassback: 'SOFT',
      postDefaultsApply: true,
    });
    expect(input.requiredQualifications).toEqual(['HAZCHEM', '登高']);
  });

  it("shows the server's message beside the field it names", async () => {
    const wrapper = await mountForm(null, { fieldErrors: { code: '区域编码已存在' }, formError: '' });
    expect(wrapper.find('.van-field__error-message').text()).toBe('区域编码已存在');
  });
});
