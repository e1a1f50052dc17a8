import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuth } from '../../composables/use-auth';
import type { VisitFieldsFragment } from '../../gql/graphql';
import { signInAs } from '../../test/access-fixtures';
import { live, push, resetSubscriptions } from '../../test/fake-subscriptions';
import { fakeGraphQLFetch, type GraphQLReply, mountWithApp, resetLocale } from '../../test/helpers';
import { BOILER_AREA, HOST_ZS, ID_LI, ID_WANG, OFFICE_AREA, visit } from '../../test/visitor-fixtures';
import WalkInPage from './walk-in-page.vue';

vi.mock('../../composables/use-subscription', async () =>
  (await import('../../test/fake-subscriptions')).fakeSubscriptionModule(),
);

const REGISTERED = visit('w1', { source: 'WALK_IN', visitor: { ...visit('w1').visitor, name: '王五' } });
let server: VisitFieldsFragment;

async function open(answer: (operation: string) => GraphQLReply | undefined = () => undefined) {
  const { fetch, calls } = fakeGraphQLFetch((operation) => {
    const custom = answer(operation);
    if (custom) return custom;
    if (operation === 'VisitAreas') return { data: { visitAreas: [OFFICE_AREA, BOILER_AREA] } };
    if (operation === 'VisitHosts') return { data: { visitHosts: [HOST_ZS] } };
    if (operation === 'RegisterWalkIn') return { data: { registerWalkIn: server } };
    return { data: { visit: server } };
  });
  vi.stubGlobal('fetch', fetch);
  const { wrapper } = await mountWithApp(WalkInPage, { path: '/visits/walk-in' });
  await flushPromises();
  return { wrapper, calls };
}

async function pickHost(wrapper: VueWrapper): Promise<void> {
  await wrapper.find('[data-test="host"]').trigger('click');
  await flushPromises();
  const search = document.body.querySelector('[data-test="host-search"] input') as HTMLInputElement;
  search.value = '张三';
  search.dispatchEvent(new Event('input'));
  await vi.waitFor(() => expect(document.body.querySelector('[data-test="host-option"]')).not.toBeNull());
  (document.body.querySelector('[data-test="host-option"]') as HTMLElement).click();
  await flushPromises();
}

async function fillVisitor(wrapper: VueWrapper, idNumber = ID_WANG): Promise<void> {
  await wrapper.find('input[name="idNumber"]').setValue(idNumber);
  await wrapper.find('input[name="name"]').setValue('王五');
  await wrapper.find('input[name="phone"]').setValue('13912345678');
  await wrapper.find('input[name="company"]').setValue('青岛港务');
  await wrapper.find('input[name="purpose"]').setValue('商务洽谈');
}

async function submit(wrapper: VueWrapper): Promise<void> {
  await wrapper.find('form').trigger('submit');
  await flushPromises();
}

const errors = (wrapper: VueWrapper) => wrapper.findAll('.van-field__error-message').map((e) => e.text());

describe('walk-in registration at the gate', () => {
  beforeEach(async () => {
    resetLocale();
    resetSubscriptions();
    server = REGISTERED;
    await signInAs(['SECURITY'], ['ACCESS_READ', 'VISIT_DESK']);
  });
  enableAutoUnmount(afterEach);
  afterEach(async () => {
    await useAuth().logout();
  });

  it('refuses an ID number whose check digit is wrong, and asks nothing of the server', async () => {
    const { wrapper, calls } = await open();
    await pickHost(wrapper);
    await fillVisitor(wrapper, '370202199003071234');
    await submit(wrapper);
    expect(errors(wrapper)).toEqual(['身份证号不正确，请核对（校验位不符）']);
    expect(calls.some((c) => c.operation === 'RegisterWalkIn')).toBe(false);
  });

  it('asks for the host, the purpose and each companion’s real ID', async () => {
    const { wrapper, calls } = await open();
    await wrapper.find('input[name="idNumber"]').setValue(ID_WANG);
    await wrapper.find('input[name="name"]').setValue('王五');
    await wrapper.find('[data-test="add-companion"]').trigger('click');
    await wrapper.find('input[name="companions.0.name"]').setValue('李四');
    await wrapper.find('input[name="companions.0.idNumber"]').setValue('370202198511154560');
    await submit(wrapper);
    expect(errors(wrapper)).toEqual([
      '请选择被访人',
      '请填写来访事由',
      '身份证号不正确，请核对（校验位不符）',
    ]);
    expect(calls.some((c) => c.operation === 'RegisterWalkIn')).toBe(false);
  });

  it('registers the visitor with host, areas, plate and companions', async () => {
    const { wrapper, calls } = await open();
    expect(wrapper.text()).toContain('锅炉房');
    expect(wrapper.text()).toContain('需保卫部审批');
    await pickHost(wrapper);
    expect((wrapper.find('[data-test="host"] input').element as HTMLInputElement).value).toBe(
      '张三 · 运行部',
    );
    await fillVisitor(wrapper);
    await wrapper.find('[data-area="va-boiler"]').trigger('click');
    await wrapper.find('input[name="plate"]').setValue('鲁b 12345');
    await wrapper.find('[data-test="add-companion"]').trigger('click');
    await wrapper.find('input[name="companions.0.name"]').setValue('李四');
    await wrapper.find('input[name="companions.0.idNumber"]').setValue(ID_LI);
    await submit(wrapper);
    const input = calls.find((c) => c.operation === 'RegisterWalkIn')?.variables.input as Record<
      string,
      unknown
    >;
    expect(input).toMatchObject({
      name: '王五',
      idNumber: ID_WANG,
      phone: '13912345678',
      company: '青岛港务',
      hostId: 'p-zs',
      purpose: '商务洽谈',
      areaIds: ['va-office', 'va-boiler'],
      plate: '鲁B12345',
      companions: [{ name: '李四', idNumber: ID_LI, phone: null }],
    });
    expect(Date.parse(input.validUntil as string)).toBeGreaterThan(Date.now());
  });

  it('shows the host’s decision the moment it is made, with the reason', async () => {
    const { wrapper } = await open();
    await pickHost(wrapper);
    await fillVisitor(wrapper);
    await submit(wrapper);
    const status = () => wrapper.find('[data-test="live-status"]');
    expect(status().attributes('data-status')).toBe('PENDING');
    expect(status().text()).toContain('等待被访人审批');
    expect(wrapper.find('[data-test="waiting"]').exists()).toBe(true);
    expect(live('VisitUpdated').map((s) => s.variables)).toEqual([{ visitId: 'w1' }]);

    push('VisitUpdated', {
      visitUpdated: { ...REGISTERED, status: 'REJECTED', rejectionReason: '今日不在厂，请改日来访' },
    });
    await flushPromises();
    expect(status().attributes('data-status')).toBe('REJECTED');
    expect(status().text()).toContain('已驳回');
    expect(status().text()).toContain('原因：今日不在厂，请改日来访');
    expect(document.body.textContent).toContain('王五：已驳回');
    expect(wrapper.find('[data-test="waiting"]').exists()).toBe(false);
  });

  it('says the approval also waits for 保卫部 when a production area is asked for', async () => {
    server = { ...REGISTERED, areas: [OFFICE_AREA, BOILER_AREA] };
    const { wrapper } = await open();
    await pickHost(wrapper);
    await fillVisitor(wrapper);
    await submit(wrapper);
    expect(wrapper.find('[data-test="live-status"]').text()).toContain('等待被访人和保卫部审批');
    push('VisitUpdated', { visitUpdated: { ...server, status: 'APPROVED' } });
    await flushPromises();
    expect(wrapper.find('[data-test="live-status"]').text()).toContain('审批已通过，访客可以入场');
  });

  it('shows the server’s refusal beside the field it names', async () => {
    const { wrapper } = await open((operation) =>
      operation === 'RegisterWalkIn'
        ? {
            errors: [
              { message: '被访人不是在职员工', extensions: { code: 'HOST_NOT_ACTIVE', field: 'hostId' } },
            ],
          }
        : undefined,
    );
    await pickHost(wrapper);
    await fillVisitor(wrapper);
    await submit(wrapper);
    expect(errors(wrapper)).toEqual(['被访人不是在职员工']);
    expect(wrapper.find('[data-test="live-status"]').exists()).toBe(false);
  });

  it('empties the form for the next visitor', async () => {
    const { wrapper } = await open();
    await pickHost(wrapper);
    await fillVisitor(wrapper);
    await submit(wrapper);
    await wrapper.find('[data-test="another"]').trigger('click');
    await flushPromises();
    expect((wrapper.find('input[name="idNumber"]').element as HTMLInputElement).value).toBe('');
    expect(live('VisitUpdated')).toHaveLength(0);
  });
});
