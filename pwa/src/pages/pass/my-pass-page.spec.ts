import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuth } from '../../composables/use-auth';
import { writePassBatch } from '../../lib/pass-store';
import { fakeGraphQLFetch, mountWithApp, resetLocale } from '../../test/helpers';
import { batchFor, fakeToken } from '../../test/pass-fixtures';
import MyPassPage from './my-pass-page.vue';

const qrcode = vi.hoisted(() => ({ toCanvas: vi.fn(async () => undefined) }));
vi.mock('qrcode', () => ({ default: qrcode }));

const T0 = Date.UTC(2030, 0, 1, 8, 0, 0);
const person = {
  id: 'p-alice',
  name: '张三',
  idNumber: null,
  phone: null,
  type: 'EMPLOYEE',
  orgUnit: { id: 'o1', name: '运行部' },
  post: null,
};

async function signIn(): Promise<void> {
  const { fetch } = fakeGraphQLFetch(() => ({
    data: {
      login: {
        accessToken: 'a',
        refreshToken: 'r',
        accessTokenExpiresAt: '2030-01-02T00:00:00Z',
        me: { username: 'zhangsan', roles: ['EMPLOYEE'], permissions: [], mustChangePassword: false, person },
      },
    },
  }));
  vi.stubGlobal('fetch', fetch);
  await useAuth().login('zhangsan', 'secret');
}

function setOnline(online: boolean): void {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
}

describe('my pass page', () => {
  beforeEach(async () => {
    resetLocale();
    localStorage.removeItem('park.passes');
    qrcode.toCanvas.mockClear();
    await signIn();
    vi.useFakeTimers({ now: T0, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  });
  afterEach(async () => {
    document.body.innerHTML = '';
    vi.useRealTimers();
    await useAuth().logout();
  });

  it('draws the current code on a canvas, with the name and department under it', async () => {
    writePassBatch(batchFor(person.id, T0 - 45_000));
    setOnline(true);
    const { wrapper } = await mountWithApp(MyPassPage, { path: '/pass' });
    await flushPromises();

    const canvas = wrapper.find('canvas').element;
    expect(qrcode.toCanvas).toHaveBeenCalledWith(
      canvas,
      fakeToken(1),
      expect.objectContaining({ errorCorrectionLevel: 'M', margin: 2 }),
    );
    expect(wrapper.text()).toContain('张三');
    expect(wrapper.text()).toContain('运行部');
    expect(wrapper.text()).toContain('15 秒后刷新');
    expect(wrapper.text()).not.toContain('离线可用');
  });

  it('redraws only when the code changes, not on every tick', async () => {
    writePassBatch(batchFor(person.id, T0));
    setOnline(true);
    await mountWithApp(MyPassPage, { path: '/pass' });
    await flushPromises();
    expect(qrcode.toCanvas).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(20_000);
    expect(qrcode.toCanvas).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10_100);
    expect(qrcode.toCanvas).toHaveBeenCalledTimes(2);
    expect(qrcode.toCanvas).toHaveBeenLastCalledWith(expect.anything(), fakeToken(1), expect.anything());
  });

  it('shows that it works offline and for how long', async () => {
    writePassBatch(batchFor(person.id, T0 - 400_000));
    setOnline(false);
    const { wrapper } = await mountWithApp(MyPassPage, { path: '/pass' });
    await flushPromises();

    expect(wrapper.find('canvas').exists()).toBe(true);
    expect(wrapper.text()).toContain('离线可用，剩余 3 分钟');
  });

  it('asks to go online when every stored code has expired', async () => {
    writePassBatch(batchFor(person.id, T0 - 700_000));
    setOnline(false);
    const { wrapper } = await mountWithApp(MyPassPage, { path: '/pass' });
    await flushPromises();

    expect(wrapper.find('canvas').exists()).toBe(false);
    expect(wrapper.find('[role="alert"]').text()).toContain('通行码已用完，请联网刷新');
  });
});
