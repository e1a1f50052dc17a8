import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuth } from '../../composables/use-auth';
import type { WatchlistEntryFieldsFragment } from '../../gql/graphql';
import { signInAs } from '../../test/access-fixtures';
import { fakeGraphQLFetch, type GraphQLReply, mountWithApp, resetLocale } from '../../test/helpers';
import { ID_ZHAO, watchEntry } from '../../test/visitor-fixtures';
import WatchlistPage from './watchlist-page.vue';

const ZHAO = watchEntry('w1');
const QIAN = watchEntry('w2', {
  name: null,
  idNumberMasked: '370202********1233',
  reason: '冒充施工人员',
  until: '2030-12-31T15:59:00Z',
});
const OLD = watchEntry('w3', { name: '钱九', active: false });
let server: WatchlistEntryFieldsFragment[];

async function open(
  answer: (operation: string, variables: Record<string, unknown>) => GraphQLReply | undefined = () =>
    undefined,
) {
  const { fetch, calls } = fakeGraphQLFetch((operation, variables) => {
    const custom = answer(operation, variables);
    if (custom) return custom;
    return { data: { watchlist: variables.includeInactive ? [...server, OLD] : server } };
  });
  vi.stubGlobal('fetch', fetch);
  const { wrapper } = await mountWithApp(WatchlistPage, { path: '/visits/watchlist' });
  await flushPromises();
  return { wrapper, calls };
}

const entries = (wrapper: VueWrapper) => wrapper.findAll('[data-test="watch-entry"]');
const form = () => document.body.querySelector('[data-test="watchlist-form"]') as HTMLFormElement;

function type(name: string, value: string): void {
  const field = form().querySelector(`[name="${name}"]`) as HTMLInputElement;
  field.value = value;
  field.dispatchEvent(new Event('input'));
}

async function submitForm(): Promise<void> {
  form().dispatchEvent(new Event('submit'));
  await flushPromises();
}

describe('watchlist (黑名单)', () => {
  beforeEach(async () => {
    resetLocale();
    server = [ZHAO, QIAN];
    await signInAs(['SECURITY'], ['ACCESS_READ', 'VISIT_DESK', 'WATCHLIST_MANAGE']);
  });
  enableAutoUnmount(afterEach);
  afterEach(async () => {
    await useAuth().logout();
  });

  it('lists who is on it, why and until when', async () => {
    const { wrapper, calls } = await open();
    expect(calls.find((c) => c.operation === 'Watchlist')?.variables).toEqual({ includeInactive: false });
    const [zhao, qian] = entries(wrapper);
    expect(zhao.text()).toContain('赵六');
    expect(zhao.text()).toContain('110105********002X');
    expect(zhao.text()).toContain('曾冒用他人证件进入生产区');
    expect(zhao.text()).toContain('长期有效');
    expect(zhao.text()).toContain('生效中');
    expect(qian.text()).toContain('至 2030-12-31');
    expect(wrapper.text()).toContain('共 2 条');
  });

  it('shows lifted entries when asked', async () => {
    const { wrapper, calls } = await open();
    await wrapper.find('[data-test="include-inactive"]').trigger('click');
    await flushPromises();
    expect(calls.at(-1)?.variables).toEqual({ includeInactive: true });
    const old = entries(wrapper)[2];
    expect(old.text()).toContain('已失效');
    expect(old.find('[data-test="remove"]').exists()).toBe(false);
  });

  it('will not add without a valid ID number and a reason', async () => {
    const { wrapper, calls } = await open();
    await wrapper.find('[data-test="add"]').trigger('click');
    await flushPromises();
    type('idNumber', '110105194912310021');
    await submitForm();
    expect(form().textContent).toContain('身份证号不正确，请核对（校验位不符）');
    expect(form().textContent).toContain('请填写原因');
    expect(calls.some((c) => c.operation === 'AddToWatchlist')).toBe(false);
  });

  it('adds a person with a reason and puts them on top', async () => {
    const added = watchEntry('w9', {
      name: '孙七',
      idNumberMasked: '110105********002X',
      reason: '多次强闯闸机',
    });
    const { wrapper, calls } = await open((operation) =>
      operation === 'AddToWatchlist' ? { data: { addToWatchlist: added } } : undefined,
    );
    await wrapper.find('[data-test="add"]').trigger('click');
    await flushPromises();
    type('idNumber', ID_ZHAO.toLowerCase());
    type('name', '孙七');
    type('reason', '多次强闯闸机');
    await flushPromises();
    await submitForm();
    expect(calls.find((c) => c.operation === 'AddToWatchlist')?.variables).toEqual({
      input: { idNumber: ID_ZHAO, name: '孙七', reason: '多次强闯闸机', until: null },
    });
    expect(entries(wrapper)[0].text()).toContain('孙七');
    expect(document.body.textContent).toContain('已加入黑名单');
  });

  it('removes an entry only after confirmation', async () => {
    const { wrapper, calls } = await open((operation) =>
      operation === 'RemoveFromWatchlist'
        ? { data: { removeFromWatchlist: { ...ZHAO, active: false } } }
        : undefined,
    );
    await entries(wrapper)[0].find('[data-test="remove"]').trigger('click');
    await flushPromises();
    const dialog = document.body.querySelector('.van-dialog') as HTMLElement;
    expect(dialog.textContent).toContain('确定将 赵六 110105********002X 移出黑名单吗？');
    (dialog.querySelector('.van-dialog__cancel') as HTMLElement).click();
    await flushPromises();
    expect(calls.some((c) => c.operation === 'RemoveFromWatchlist')).toBe(false);

    await entries(wrapper)[0].find('[data-test="remove"]').trigger('click');
    await flushPromises();
    (document.body.querySelector('.van-dialog__confirm') as HTMLElement).click();
    await vi.waitFor(() => expect(calls.some((c) => c.operation === 'RemoveFromWatchlist')).toBe(true));
    await flushPromises();
    expect(calls.find((c) => c.operation === 'RemoveFromWatchlist')?.variables).toEqual({ id: 'w1' });
    expect(entries(wrapper).map((e) => e.attributes('data-id'))).toEqual(['w2']);
    await vi.waitFor(() => expect(document.body.textContent).toContain('已移出黑名单'));
  });
});
