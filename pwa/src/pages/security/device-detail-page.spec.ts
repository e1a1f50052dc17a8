import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuth } from '../../composables/use-auth';
import type { DeviceCommandFieldsFragment } from '../../gql/graphql';
import { CONTROL_DOOR, signInAs } from '../../test/access-fixtures';
import { command, device } from '../../test/device-fixtures';
import { fakeGraphQLFetch, type GraphQLReply, mountWithApp, resetLocale } from '../../test/helpers';
import DeviceDetailPage from './device-detail-page.vue';

const DOOR = device('ccr-in', { code: 'CCR-IN' });
let history: DeviceCommandFieldsFragment[];

async function open(answer: (operation: string) => GraphQLReply | undefined = () => undefined) {
  const { fetch, calls } = fakeGraphQLFetch((operation) => {
    const custom = answer(operation);
    if (custom) return custom;
    if (operation === 'DeviceCommands') return { data: { deviceCommands: history } };
    return { data: { devices: [DOOR], passagePoints: [{ id: CONTROL_DOOR.id, name: CONTROL_DOOR.name }] } };
  });
  vi.stubGlobal('fetch', fetch);
  const { wrapper } = await mountWithApp(DeviceDetailPage, {
    props: { id: DOOR.id },
    path: `/security/devices/${DOOR.id}`,
  });
  await flushPromises();
  return { wrapper, calls };
}

const dialog = () => document.body.querySelector('.van-dialog') as HTMLElement;

describe('device detail', () => {
  beforeEach(async () => {
    resetLocale();
    history = [command('c1', { kind: 'RESYNC', status: 'SUCCEEDED', reason: '换卡后同步', result: 'ok' })];
    await signInAs(['SECURITY'], ['ACCESS_READ', 'DEVICE_COMMAND']);
  });
  enableAutoUnmount(afterEach);
  afterEach(async () => {
    vi.useRealTimers();
    await useAuth().logout();
  });

  it('shows the device, its passage point and its command history', async () => {
    const { wrapper } = await open();
    expect(wrapper.text()).toContain('集控室门读头（进）');
    expect(wrapper.text()).toContain('在线');
    expect(wrapper.text()).toContain('集控室门禁');
    const [resync] = wrapper.findAll('[data-test="command"]');
    expect(resync.text()).toContain('重新同步');
    expect(resync.text()).toContain('已执行');
    expect(resync.text()).toContain('换卡后同步');
    expect(resync.text()).toContain('回复：ok');
  });

  it('will not open the door remotely without a reason, and warns what it does', async () => {
    const { wrapper, calls } = await open();
    await wrapper.find('[data-command="OPEN"]').trigger('click');
    await flushPromises();
    expect(dialog().textContent).toContain('远程开门 · 集控室门读头（进）');
    expect(dialog().textContent).toContain('操作人与原因记入审计日志');
    expect(dialog().querySelector('.van-dialog__confirm')?.textContent).toContain('确认开门');
    (dialog().querySelector('.van-dialog__confirm') as HTMLElement).click();
    await flushPromises();
    expect(dialog().textContent).toContain('请填写原因');
    expect(calls.some((c) => c.operation === 'SendDeviceCommand')).toBe(false);
  });

  it('opens with a reason and follows the command until the device answers', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const sent = command('c2', { reason: '消防演练，值长电话授权' });
    const { wrapper, calls } = await open((operation) =>
      operation === 'SendDeviceCommand' ? { data: { sendDeviceCommand: sent } } : undefined,
    );
    await wrapper.find('[data-command="OPEN"]').trigger('click');
    await flushPromises();
    const reason = dialog().querySelector('textarea') as HTMLTextAreaElement;
    reason.value = '消防演练，值长电话授权';
    reason.dispatchEvent(new Event('input'));
    (dialog().querySelector('.van-dialog__confirm') as HTMLElement).click();
    await vi.waitFor(() => expect(calls.some((c) => c.operation === 'SendDeviceCommand')).toBe(true));
    await flushPromises();
    expect(calls.find((c) => c.operation === 'SendDeviceCommand')?.variables).toEqual({
      input: { deviceId: DOOR.id, kind: 'OPEN', reason: '消防演练，值长电话授权' },
    });
    const first = () => wrapper.findAll('[data-test="command"]')[0];
    expect(first().text()).toContain('远程开门');
    expect(first().attributes('data-status')).toBe('PENDING');
    expect(first().text()).toContain('等待执行');

    history = [{ ...sent, status: 'SUCCEEDED', result: 'unlocked' }, ...history];
    await vi.advanceTimersByTimeAsync(2000);
    await flushPromises();
    expect(first().attributes('data-status')).toBe('SUCCEEDED');
    expect(first().text()).toContain('已执行');
  });

  it("shows the server's refusal inside the dialog", async () => {
    const { wrapper } = await open((operation) =>
      operation === 'SendDeviceCommand'
        ? { errors: [{ message: '设备已停用', extensions: { code: 'DEVICE_DISABLED' } }] }
        : undefined,
    );
    await wrapper.find('[data-command="LOCK"]').trigger('click');
    await flushPromises();
    expect(dialog().textContent).toContain('锁定后该设备拒绝一切通行');
    const reason = dialog().querySelector('textarea') as HTMLTextAreaElement;
    reason.value = '门禁故障';
    reason.dispatchEvent(new Event('input'));
    (dialog().querySelector('.van-dialog__confirm') as HTMLElement).click();
    await vi.waitFor(() => expect(dialog().textContent).toContain('设备已停用'));
  });

  it('offers no remote control to someone who may only watch', async () => {
    await signInAs(['SECURITY'], ['ACCESS_READ']);
    const { wrapper } = await open();
    expect(wrapper.find('[data-command="OPEN"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-test="command"]')).toHaveLength(1);
  });
});
