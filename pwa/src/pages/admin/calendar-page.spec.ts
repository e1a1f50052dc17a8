import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import CalendarRangeDialog from '../../components/access/calendar-range-dialog.vue';
import { useAuth } from '../../composables/use-auth';
import type { CalendarDayFieldsFragment } from '../../gql/graphql';
import { signInAs } from '../../test/access-fixtures';
import { fakeGraphQLFetch, type GraphQLReply, mountWithApp, resetLocale } from '../../test/helpers';
import CalendarPage from './calendar-page.vue';

// Vant's imperative dialog is a singleton that outlives the DOM each test clears; answer it directly.
const confirmDialog = vi.hoisted(() => vi.fn(async () => undefined));
vi.mock('vant', async (importOriginal) => ({
  ...(await importOriginal<typeof import('vant')>()),
  showConfirmDialog: confirmDialog,
}));

const day = (date: string, kind: 'HOLIDAY' | 'WORKDAY', name: string): CalendarDayFieldsFragment => ({
  id: date,
  date,
  kind,
  name,
});
const Y2025 = [
  day('2025-01-01', 'HOLIDAY', '元旦'),
  day('2025-01-26', 'WORKDAY', '春节'),
  ...[
    '2025-01-28',
    '2025-01-29',
    '2025-01-30',
    '2025-01-31',
    '2025-02-01',
    '2025-02-02',
    '2025-02-03',
    '2025-02-04',
  ].map((date) => day(date, 'HOLIDAY', '春节')),
  day('2025-02-08', 'WORKDAY', '春节'),
];

async function open(
  answer: (operation: string, variables: Record<string, unknown>) => GraphQLReply | undefined,
) {
  const { fetch, calls } = fakeGraphQLFetch((operation, variables) => {
    return answer(operation, variables) ?? { data: { calendar: variables.year === 2025 ? Y2025 : [] } };
  });
  vi.stubGlobal('fetch', fetch);
  const { wrapper, router } = await mountWithApp(CalendarPage, { path: '/admin/calendar?year=2025' });
  await flushPromises();
  return { wrapper, calls, router };
}

describe('holiday calendar page', () => {
  beforeEach(async () => {
    resetLocale();
    await signInAs();
  });
  afterEach(async () => {
    document.body.innerHTML = '';
    await useAuth().logout();
  });

  it('sums up the year and lists holidays and make-up workdays as the notice does', async () => {
    const { wrapper } = await open(() => undefined);
    expect(wrapper.text()).toContain('2025 年');
    expect(wrapper.text()).toContain('放假 9 天 · 调休上班 2 天');
    const groups = wrapper.findAll('[data-test="calendar-group"]').map((g) => g.text());
    expect(groups).toEqual([
      expect.stringContaining('元旦放假1 天01-01（周三）'),
      expect.stringContaining('春节调休上班2 天01-26（周日）、02-08（周六）'),
      expect.stringContaining('春节放假8 天01-28（周二）至02-04（周二）'),
    ]);
  });

  it('moves to the next year and says when nothing is set', async () => {
    const { wrapper, calls, router } = await open(() => undefined);
    await wrapper.find('.calendar__year .van-icon-arrow').trigger('click');
    await flushPromises();
    expect(calls.at(-1)?.variables).toEqual({ year: 2026 });
    expect(wrapper.text()).toContain('2026 年尚未设置节假日');
    expect(router.currentRoute.value.query.year).toBe('2026');
  });

  it('removes a group, adds a range and replaces the whole year in one call', async () => {
    const { wrapper, calls } = await open((operation, variables) =>
      operation === 'SetCalendarYear'
        ? {
            data: {
              setCalendarYear: (variables.days as CalendarDayFieldsFragment[]).map((d) => ({
                ...d,
                id: d.date,
              })),
            },
          }
        : undefined,
    );
    await wrapper.find('.calendar__edit').trigger('click');
    const newYear = wrapper.findAll('[data-test="calendar-group"]')[0];
    await newYear.find('button').trigger('click');
    expect(wrapper.text()).toContain('放假 8 天');

    const dialog = wrapper.findComponent(CalendarRangeDialog);
    dialog.vm.$emit('add', [
      { date: '2025-10-01', kind: 'HOLIDAY', name: '国庆节' },
      { date: '2025-10-02', kind: 'HOLIDAY', name: '国庆节' },
    ]);
    await flushPromises();
    await wrapper.find('[data-test="save-calendar"]').trigger('click');
    await vi.waitFor(() => expect(calls.some((c) => c.operation === 'SetCalendarYear')).toBe(true));
    expect(confirmDialog).toHaveBeenCalledWith(
      expect.objectContaining({ message: expect.stringContaining('整体替换 2025 年') }),
    );

    const sent = calls.find((c) => c.operation === 'SetCalendarYear')?.variables as {
      year: number;
      days: Array<{ date: string }>;
    };
    expect(sent.year).toBe(2025);
    expect(sent.days.map((d) => d.date)).not.toContain('2025-01-01');
    expect(sent.days).toContainEqual({ date: '2025-10-02', kind: 'HOLIDAY', name: '国庆节' });
    expect(sent.days).toHaveLength(12);
    await vi.waitFor(() => expect(wrapper.find('[data-test="save-calendar"]').exists()).toBe(false));
  });

  it("keeps the edits and shows the server's message when the year is refused", async () => {
    const { wrapper } = await open((operation) =>
      operation === 'SetCalendarYear'
        ? { errors: [{ message: '时段设置有误：同一天不能出现两次', extensions: { code: 'BAD_SCHEDULE' } }] }
        : undefined,
    );
    await wrapper.find('.calendar__edit').trigger('click');
    await wrapper.find('[data-test="save-calendar"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('[data-test="save-error"]').exists()).toBe(true));
    expect(wrapper.find('[data-test="save-error"]').text()).toBe('时段设置有误：同一天不能出现两次');
    expect(wrapper.find('[data-test="save-calendar"]').exists()).toBe(true);
  });
});

describe('adding holiday dates', () => {
  beforeEach(resetLocale);
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('refuses dates outside the year being edited, and days already listed', async () => {
    const { wrapper } = await mountWithApp(CalendarRangeDialog, {
      props: { show: true, year: 2025, existing: [{ date: '2025-10-01', kind: 'HOLIDAY', name: '国庆节' }] },
    });
    await flushPromises();
    const dialog = document.body.querySelector('.van-dialog') as HTMLElement;
    const set = (name: string, value: string) => {
      const input = dialog.querySelector(`input[name="${name}"]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const confirm = async () => {
      (dialog.querySelector('.van-dialog__confirm') as HTMLElement).click();
      await flushPromises();
    };
    set('name', '国庆节');
    set('start', '2026-10-01');
    await confirm();
    expect(dialog.textContent).toContain('日期须在 2025 年内');
    set('start', '2025-09-30');
    set('end', '2025-10-03');
    await confirm();
    expect(dialog.textContent).toContain('与已有日期重复');
    set('start', '2025-10-02');
    await confirm();
    expect(wrapper.emitted('add')?.[0]).toEqual([
      ['2025-10-02', '2025-10-03'].map((date) => ({ date, kind: 'HOLIDAY', name: '国庆节' })),
    ]);
  });
});
