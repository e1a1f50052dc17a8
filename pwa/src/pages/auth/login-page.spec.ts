import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSession } from '../../composables/use-graphql';
import { fakeGraphQLFetch, mountWithApp, resetLocale } from '../../test/helpers';
import LoginPage from './login-page.vue';

async function submit(username: string, password: string, path = '/login') {
  const { wrapper, router } = await mountWithApp(LoginPage, { path });
  await wrapper.find('input[name="username"]').setValue(username);
  await wrapper.find('input[name="password"]').setValue(password);
  await wrapper.find('form').trigger('submit');
  await vi.waitFor(async () => {
    await flushPromises();
    expect(wrapper.find('.van-button--loading').exists()).toBe(false);
  });
  return { wrapper, router };
}

describe('login page', () => {
  beforeEach(() => {
    resetLocale();
    useSession().clear();
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it("shows the server's Chinese message when the password is wrong", async () => {
    const { fetch } = fakeGraphQLFetch(() => ({
      errors: [{ message: '用户名或密码错误', extensions: { code: 'INVALID_CREDENTIALS' } }],
    }));
    vi.stubGlobal('fetch', fetch);
    const { wrapper } = await submit('hr', 'wrong');
    expect(wrapper.find('[role="alert"]').text()).toBe('用户名或密码错误');
    expect(useSession().tokens.value).toBeNull();
  });

  it('asks for both fields in Chinese before calling the server', async () => {
    const { fetch } = fakeGraphQLFetch(() => ({ data: null }));
    vi.stubGlobal('fetch', fetch);
    const { wrapper } = await submit('', '');
    expect(wrapper.text()).toContain('请输入用户名');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('keeps the tokens and returns to the page that sent the user to log in', async () => {
    const { fetch, calls } = fakeGraphQLFetch(() => ({
      data: {
        login: {
          accessToken: 'a1',
          refreshToken: 'r1',
          accessTokenExpiresAt: '2030-01-01T00:00:00Z',
          me: { username: 'hr', roles: ['HR'], permissions: [], person: null },
        },
      },
    }));
    vi.stubGlobal('fetch', fetch);
    const { router } = await submit('hr', 'hr123456', '/login?redirect=/people');
    expect(calls[0].variables).toEqual({ username: 'hr', password: 'hr123456' });
    expect(JSON.parse(localStorage.getItem('park.session') ?? '{}')).toMatchObject({
      accessToken: 'a1',
      refreshToken: 'r1',
    });
    expect(router.currentRoute.value.fullPath).toBe('/people');
  });
});
