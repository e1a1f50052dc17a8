import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScheduleInput } from '../../gql/graphql';
import { OFFICE_HOURS } from '../../test/access-fixtures';
import { mountWithApp, resetLocale } from '../../test/helpers';
import ScheduleForm from './schedule-form.vue';
import ScheduleList from './schedule-list.vue';

async function mountForm() {
  const { wrapper } = await mountWithApp(ScheduleForm, { props: { submitting: false, formError: '' } });
  return wrapper;
}

type Form = Awaited<ReturnType<typeof mountForm>>;
const day = (wrapper: Form, weekday: number) => wrapper.find(`[data-weekday="${weekday}"]`);

async function submit(wrapper: Form): Promise<void> {
  await wrapper.find('form').trigger('submit');
  await flushPromises();
}

describe('schedule form', () => {
  beforeEach(resetLocale);
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('starts from office hours on working days and sends them once named', async () => {
    const wrapper = await mountForm();
    await wrapper.find('input[name="name"]').setValue('行政办公');
    await submit(wrapper);
    const [input] = (wrapper.emitted('submit')?.[0] ?? []) as [ScheduleInput];
    expect(input.dayKinds).toEqual(['WORKDAY']);
    expect(input.timeZone).toBe('Asia/Shanghai');
    expect(input.intervals.map((i) => i.weekday)).toEqual([1, 2, 3, 4, 5]);
  });

  it('says what is wrong, in Chinese, and sends nothing', async () => {
    const wrapper = await mountForm();
    await wrapper.find('input[name="timeZone"]').setValue('北京时间');
    await wrapper.find('.van-checkbox').trigger('click');
    const monday = day(wrapper, 1).findAll('input[type="time"]');
    await monday[1].setValue('08:00');
    await submit(wrapper);
    expect(wrapper.text()).toContain('请输入名称');
    expect(wrapper.text()).toContain('未知的时区，如 Asia/Shanghai');
    expect(wrapper.text()).toContain('至少选择一种日期');
    expect(day(wrapper, 1).text()).toContain('开始与结束不能相同');
    expect(wrapper.emitted('submit')).toBeUndefined();
  });

  it('marks a night shift as running past midnight and keeps it', async () => {
    const wrapper = await mountForm();
    await wrapper.find('input[name="name"]').setValue('夜班');
    await day(wrapper, 7).find('button').trigger('click');
    const sunday = day(wrapper, 7).findAll('input[type="time"]');
    await sunday[0].setValue('20:00');
    await sunday[1].setValue('08:00');
    expect(day(wrapper, 7).text()).toContain('跨零点，至次日');
    await submit(wrapper);
    const [input] = (wrapper.emitted('submit')?.[0] ?? []) as [ScheduleInput];
    expect(input.intervals.at(-1)).toEqual({ weekday: 7, start: '20:00', end: '08:00' });
  });

  it("copies Monday's times to the rest of the working week", async () => {
    const wrapper = await mountForm();
    await wrapper.find('input[name="name"]').setValue('两段');
    await day(wrapper, 1).find('button').trigger('click');
    const monday = day(wrapper, 1).findAll('input[type="time"]');
    await monday[1].setValue('12:00');
    await monday[2].setValue('13:30');
    await monday[3].setValue('17:30');
    const copy = wrapper.findAll('button').find((b) => b.text() === '周一时段复制到周二至周五');
    await copy?.trigger('click');
    expect(
      day(wrapper, 5)
        .findAll('input[type="time"]')
        .map((i) => (i.element as HTMLInputElement).value),
    ).toEqual(['08:00', '12:00', '13:30', '17:30']);
  });

  it('refuses a week with every day closed', async () => {
    const wrapper = await mountForm();
    await wrapper.find('input[name="name"]').setValue('空');
    for (let weekday = 1; weekday <= 5; weekday++)
      await day(wrapper, weekday).find('.week__remove').trigger('click');
    await submit(wrapper);
    expect(wrapper.find('[role="alert"]').text()).toBe('至少设置一个时段');
    expect(wrapper.emitted('submit')).toBeUndefined();
  });
});

describe('schedule list', () => {
  beforeEach(resetLocale);
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('sums up each schedule by runs of days, with overnight ranges marked', async () => {
    const night = {
      ...OFFICE_HOURS,
      id: 'night',
      name: '夜班',
      dayKinds: ['WORKDAY', 'WEEKEND', 'HOLIDAY'],
      intervals: [{ weekday: 6, start: '20:00', end: '08:00' }],
    };
    const { wrapper } = await mountWithApp(ScheduleList, { props: { schedules: [OFFICE_HOURS, night] } });
    const [office, shift] = wrapper.findAll('[data-test="schedule"]');
    expect(office.text()).toContain('行政办公时间');
    expect(office.text()).toContain('工作日');
    expect(office.find('.schedule__line').text()).toBe('周一至周五08:00–12:00，13:30–17:30');
    expect(shift.text()).toContain('周末');
    expect(shift.find('.schedule__line').text()).toBe('周六20:00–次日08:00');
  });
});
