import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuth } from '../../composables/use-auth';
import { CONTROL_DOOR, signInAs } from '../../test/access-fixtures';
import { device } from '../../test/device-fixtures';
import { fakeGraphQLFetch, type GraphQLReply, mountWithApp, resetLocale } from '../../test/helpers';
import DevicesPage from './devices-page.vue';

const DEVICES = [
  device('d1', { code: 'CCR-IN' }),
  device('d2', {
    code: 'GATE-1',
    name: '大门 1 号闸机',
    kind: 'TURNSTILE',
    passagePointId: null,
    online: false,
    lastSeenAt: null,
  }),
];
const RATE = {
  devices: 2,
  ratio: 0.98213,
  target: 0.99,
  meetsTarget: false,
  onlineSeconds: 1,
  totalSeconds: 1,
};

async function open(answer: (operation: string) => GraphQLReply | undefined = () => undefined) {
  const { fetch, calls } = fakeGraphQLFetch((operation) => {
    const custom = answer(operation);
    if (custom) return custom;
    if (operation === 'DeviceOnlineRate') return { data: { kpis: { deviceOnlineRate: RATE } } };
    return { data: { devices: DEVICES, passagePoints: [{ id: CONTROL_DOOR.id, name: CONTROL_DOOR.name }] } };
  });
  vi.stubGlobal('fetch', fetch);
  const { wrapper } = await mountWithApp(DevicesPage, { path: '/security/devices' });
  await flushPromises();
  return { wrapper, calls };
}

describe('device health', () => {
  beforeEach(async () => {
    resetLocale();
    await signInAs(['SECURITY'], ['ACCESS_READ', 'ACCESS_ADMIN', 'KPI_READ']);
  });
  enableAutoUnmount(afterEach);
  afterEach(async () => {
    await useAuth().logout();
  });

  it('shows the time-weighted online rate against the 99% target', async () => {
    const { wrapper } = await open();
    const rate = wrapper.find('[data-test="online-rate"]');
    expect(rate.text()).toContain('98.21%');
    expect(rate.text()).toContain('目标 ≥99%');
    expect(rate.text()).toContain('未达标');
  });

  it('lists offline devices first, with their passage point', async () => {
    const { wrapper } = await open();
    expect(wrapper.find('[data-test="counts"]').text()).toBe('在线 1 / 共 2 台');
    const [offline, online] = wrapper.findAll('[data-test="device"]');
    expect(offline.text()).toContain('大门 1 号闸机');
    expect(offline.text()).toContain('离线');
    expect(offline.text()).toContain('未关联通行点');
    expect(offline.text()).toContain('从未上报');
    expect(online.text()).toContain('集控室门禁');
    expect(online.text()).toContain('在线');
  });

  it('registers a device, checking its code first', async () => {
    const { wrapper, calls } = await open((operation) =>
      operation === 'RegisterDevice' ? { data: { registerDevice: device('d3') } } : undefined,
    );
    await wrapper.find('[data-test="register"]').trigger('click');
    await flushPromises();
    const form = document.body.querySelector('.device-form') as HTMLFormElement;
    const set = (name: string, value: string) => {
      const input = form.querySelector(`input[name="${name}"]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    expect((form.querySelector('input[name="siteId"]') as HTMLInputElement).value).toBe('donggang');
    expect((form.querySelector('input[name="driver"]') as HTMLInputElement).value).toBe('generic-json');
    set('code', 'gate/1');
    set('name', '大门 9 号闸机');
    form.dispatchEvent(new Event('submit'));
    await vi.waitFor(() => expect(form.textContent).toContain('编码为 1–64 位字母、数字、下划线或连字符'));
    expect(calls.some((c) => c.operation === 'RegisterDevice')).toBe(false);

    set('code', 'GATE-9');
    form.dispatchEvent(new Event('submit'));
    await vi.waitFor(() => expect(calls.some((c) => c.operation === 'RegisterDevice')).toBe(true));
    expect(calls.find((c) => c.operation === 'RegisterDevice')?.variables.input).toEqual({
      code: 'GATE-9',
      name: '大门 9 号闸机',
      kind: 'TURNSTILE',
      driver: 'generic-json',
      siteId: 'donggang',
      passagePointId: null,
      direction: null,
    });
  });

  it('shows the duplicate-code refusal beside the code', async () => {
    const { wrapper } = await open((operation) =>
      operation === 'RegisterDevice'
        ? { errors: [{ message: '设备编码已存在', extensions: { code: 'DUPLICATE', field: 'code' } }] }
        : undefined,
    );
    await wrapper.find('[data-test="register"]').trigger('click');
    await flushPromises();
    const form = document.body.querySelector('.device-form') as HTMLFormElement;
    for (const [name, value] of [
      ['code', 'CCR-IN'],
      ['name', '重复'],
    ]) {
      const input = form.querySelector(`input[name="${name}"]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    form.dispatchEvent(new Event('submit'));
    await vi.waitFor(() => expect(form.textContent).toContain('设备编码已存在'));
  });

  it('neither offers registration nor asks for the rate without the permissions for them', async () => {
    await signInAs(['SECURITY'], ['ACCESS_READ']);
    const { wrapper, calls } = await open();
    expect(wrapper.find('[data-test="register"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="online-rate"]').exists()).toBe(false);
    expect(calls.some((c) => c.operation === 'DeviceOnlineRate')).toBe(false);
  });
});
