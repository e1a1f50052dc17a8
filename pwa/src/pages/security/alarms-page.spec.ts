import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuth } from '../../composables/use-auth';
import type { AlarmFieldsFragment } from '../../gql/graphql';
import { CONTROL_DOOR, MAIN_GATE, signInAs } from '../../test/access-fixtures';
import { alarm } from '../../test/device-fixtures';
import { push, resetSubscriptions } from '../../test/fake-subscriptions';
import { fakeGraphQLFetch, type GraphQLReply, mountWithApp, resetLocale } from '../../test/helpers';
import AlarmsPage from './alarms-page.vue';

vi.mock('../../composables/use-subscription', async () =>
  (await import('../../test/fake-subscriptions')).fakeSubscriptionModule(),
);

const FORCED = alarm('al1');
const HELD = alarm('al2', { kind: 'HELD_OPEN', passagePointId: null, deviceCode: 'T-09' });
let server: AlarmFieldsFragment[];

async function open(answer: (operation: string) => GraphQLReply | undefined = () => undefined) {
  const { fetch, calls } = fakeGraphQLFetch((operation) => {
    const custom = answer(operation);
    if (custom) return custom;
    if (operation === 'Alarms') return { data: { alarms: server } };
    return { data: { passagePoints: [CONTROL_DOOR, MAIN_GATE].map(({ id, name }) => ({ id, name })) } };
  });
  vi.stubGlobal('fetch', fetch);
  const { wrapper } = await mountWithApp(AlarmsPage, { path: '/security/alarms' });
  await flushPromises();
  return { wrapper, calls };
}

function dialog(): HTMLElement {
  return document.body.querySelector('.van-dialog') as HTMLElement;
}

async function type(text: string): Promise<void> {
  const note = dialog().querySelector('textarea') as HTMLTextAreaElement;
  note.value = text;
  note.dispatchEvent(new Event('input'));
  await flushPromises();
}

describe('alarm console', () => {
  beforeEach(async () => {
    resetLocale();
    resetSubscriptions();
    server = [FORCED, HELD];
    await signInAs(['SECURITY'], ['ACCESS_READ', 'ALARM_HANDLE']);
  });
  enableAutoUnmount(afterEach);
  afterEach(async () => {
    await useAuth().logout();
  });

  it('shows open alarms by kind and place, in Chinese', async () => {
    const { wrapper, calls } = await open();
    expect(calls.find((c) => c.operation === 'Alarms')?.variables.status).toEqual(['OPEN']);
    const [forced, held] = wrapper.findAll('[data-test="alarm"]');
    expect(forced.text()).toContain('门被强行打开');
    expect(forced.text()).toContain('集控室门禁');
    expect(forced.text()).toContain('未处理');
    expect(held.text()).toContain('门长时间未关');
    expect(held.text()).toContain('设备 T-09');
  });

  it('puts an alarm raised now on top and says so', async () => {
    const { wrapper } = await open();
    push('AlarmRaised', { alarmRaised: alarm('al3', { kind: 'TAMPER', passagePointId: MAIN_GATE.id }) });
    await flushPromises();
    const first = wrapper.findAll('[data-test="alarm"]')[0];
    expect(first.text()).toContain('设备防拆');
    expect(first.classes()).toContain('alarm--fresh');
    expect(document.body.textContent).toContain('新告警：设备防拆（厂区大门闸机）');
  });

  it('acknowledges with an optional note', async () => {
    const { wrapper, calls } = await open((operation) =>
      operation === 'AcknowledgeAlarm'
        ? {
            data: {
              acknowledgeAlarm: {
                ...FORCED,
                status: 'ACKNOWLEDGED',
                acknowledgedAt: '2030-05-01T04:00:00Z',
                acknowledgedBy: 'security',
              },
            },
          }
        : undefined,
    );
    await wrapper.find('[data-test="acknowledge"]').trigger('click');
    await flushPromises();
    expect(dialog().textContent).toContain('确认告警：门被强行打开');
    (dialog().querySelector('.van-dialog__confirm') as HTMLElement).click();
    await vi.waitFor(() => expect(calls.some((c) => c.operation === 'AcknowledgeAlarm')).toBe(true));
    await flushPromises();
    expect(calls.find((c) => c.operation === 'AcknowledgeAlarm')?.variables).toEqual({
      id: 'al1',
      note: null,
    });
    const first = wrapper.findAll('[data-test="alarm"]')[0];
    expect(first.attributes('data-status')).toBe('ACKNOWLEDGED');
    expect(first.text()).toContain('security 于');
    expect(first.find('[data-test="acknowledge"]').exists()).toBe(false);
  });

  it('will not close without a note, then closes with one', async () => {
    const { wrapper, calls } = await open((operation) =>
      operation === 'CloseAlarm'
        ? { data: { closeAlarm: { ...FORCED, status: 'CLOSED', note: '误报，门已关好' } } }
        : undefined,
    );
    await wrapper.find('[data-test="close"]').trigger('click');
    await flushPromises();
    (dialog().querySelector('.van-dialog__confirm') as HTMLElement).click();
    await flushPromises();
    expect(dialog().textContent).toContain('关闭告警须填写处置说明');
    expect(calls.some((c) => c.operation === 'CloseAlarm')).toBe(false);

    await type('误报，门已关好');
    (dialog().querySelector('.van-dialog__confirm') as HTMLElement).click();
    await vi.waitFor(() => expect(calls.some((c) => c.operation === 'CloseAlarm')).toBe(true));
    await flushPromises();
    expect(calls.find((c) => c.operation === 'CloseAlarm')?.variables).toEqual({
      id: 'al1',
      note: '误报，门已关好',
    });
    expect(wrapper.findAll('[data-test="alarm"]')[0].text()).toContain('误报，门已关好');
  });

  it('says when a colleague closed it first, and reloads the list', async () => {
    const { wrapper, calls } = await open((operation) => {
      if (operation !== 'CloseAlarm') return undefined;
      server = [HELD];
      return { errors: [{ message: '告警已关闭', extensions: { code: 'ALARM_CLOSED' } }] };
    });
    await wrapper.find('[data-test="close"]').trigger('click');
    await flushPromises();
    await type('已处理');
    (dialog().querySelector('.van-dialog__confirm') as HTMLElement).click();
    await vi.waitFor(() => expect(document.body.textContent).toContain('告警已关闭'));
    await flushPromises();
    expect(calls.at(-1)?.operation).toBe('Alarms');
    expect(wrapper.findAll('[data-test="alarm"]')).toHaveLength(1);
  });

  it('offers no buttons to someone who may only watch', async () => {
    await signInAs(['SECURITY'], ['ACCESS_READ']);
    const { wrapper } = await open();
    expect(wrapper.find('[data-test="acknowledge"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="close"]').exists()).toBe(false);
  });
});
