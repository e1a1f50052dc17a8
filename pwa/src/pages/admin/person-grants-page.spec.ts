import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import GrantForm from '../../components/access/grant-form.vue';
import { useAuth } from '../../composables/use-auth';
import type { GrantFieldsFragment } from '../../gql/graphql';
import { AREAS, CONTROL_ROOM, grant, OFFICE_HOURS, signInAs } from '../../test/access-fixtures';
import { fakeGraphQLFetch, type GraphQLReply, mountWithApp, resetLocale } from '../../test/helpers';
import PersonGrantsPage from './person-grants-page.vue';

const NOW = new Date(2030, 4, 1, 12, 0);
const PERSON = {
  id: 'p1',
  name: '张三',
  status: 'ACTIVE',
  employeeNo: 'E001',
  orgUnit: { id: 'o1', name: '运行部' },
};
const OFFICE_GRANT = grant('g1', { schedule: { id: OFFICE_HOURS.id, name: OFFICE_HOURS.name } });
const KEY_GRANT = grant('g2', {
  source: 'TEMPORARY',
  area: { id: CONTROL_ROOM.id, name: CONTROL_ROOM.name, securityLevel: 'KEY' },
  validFrom: new Date(2030, 4, 2, 8, 0).toISOString(),
  validUntil: new Date(2030, 4, 2, 18, 0).toISOString(),
});
const REVOKED = grant('g3', { revokedAt: new Date(2030, 3, 1, 9, 0).toISOString(), revokedReason: '调岗' });

async function open(
  answer: (operation: string, variables: Record<string, unknown>) => GraphQLReply | undefined,
) {
  const { fetch, calls } = fakeGraphQLFetch((operation, variables) => {
    const custom = answer(operation, variables);
    if (custom) return custom;
    if (operation === 'GrantFormOptions') return { data: { areas: AREAS, schedules: [OFFICE_HOURS] } };
    const grants: GrantFieldsFragment[] = [
      OFFICE_GRANT,
      KEY_GRANT,
      ...(variables.includeRevoked ? [REVOKED] : []),
    ];
    return { data: { person: PERSON, grants } };
  });
  vi.stubGlobal('fetch', fetch);
  const { wrapper } = await mountWithApp(PersonGrantsPage, {
    props: { id: 'p1' },
    path: '/people/p1/grants',
  });
  await flushPromises();
  return { wrapper, calls };
}

describe("a person's grants", () => {
  beforeEach(async () => {
    resetLocale();
    await signInAs();
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(async () => {
    document.body.innerHTML = '';
    vi.useRealTimers();
    await useAuth().logout();
  });

  it('lists each grant with its area, status, source, schedule and window', async () => {
    const { wrapper } = await open(() => undefined);
    expect(wrapper.text()).toContain('张三');
    const [office, key] = wrapper.findAll('[data-test="grant"]');
    expect(office.text()).toContain('办公楼');
    expect(office.text()).toContain('有效');
    expect(office.text()).toContain('个人授权');
    expect(office.text()).toContain('行政办公时间 · 长期有效');
    expect(key.text()).toContain('集控室');
    expect(key.text()).toContain('未生效');
    expect(key.text()).toContain('临时授权');
    expect(key.text()).toContain('2030-05-02 08:00 至 2030-05-02 18:00');
  });

  it('shows revoked grants, with when and why, only when asked', async () => {
    const { wrapper, calls } = await open(() => undefined);
    expect(wrapper.findAll('[data-test="grant"]')).toHaveLength(2);
    await wrapper.find('.van-switch').trigger('click');
    await flushPromises();
    expect(calls.filter((c) => c.operation === 'PersonGrants').at(-1)?.variables.includeRevoked).toBe(true);
    const rows = wrapper.findAll('[data-test="grant"]');
    expect(rows).toHaveLength(3);
    expect(rows[2].text()).toContain('已撤销');
    expect(rows[2].text()).toContain('2030-04-01 09:00 撤销：调岗');
    expect(rows[2].find('button').exists()).toBe(false);
  });

  it('will not revoke without a reason, then revokes with one', async () => {
    const { wrapper, calls } = await open((operation) =>
      operation === 'RevokeGrant'
        ? { data: { revokeGrant: { ...OFFICE_GRANT, revokedAt: NOW.toISOString() } } }
        : undefined,
    );
    await wrapper.findAll('[data-test="grant"]')[0].find('button').trigger('click');
    await flushPromises();
    const dialog = document.body.querySelector('.van-dialog') as HTMLElement;
    expect(dialog.textContent).toContain('撤销授权：办公楼');
    (dialog.querySelector('.van-dialog__confirm') as HTMLElement).click();
    await flushPromises();
    expect(dialog.textContent).toContain('请输入撤销原因');
    expect(calls.some((c) => c.operation === 'RevokeGrant')).toBe(false);

    const reason = dialog.querySelector('textarea') as HTMLTextAreaElement;
    reason.value = '调离运行部';
    reason.dispatchEvent(new Event('input'));
    (dialog.querySelector('.van-dialog__confirm') as HTMLElement).click();
    await vi.waitFor(() => expect(calls.some((c) => c.operation === 'RevokeGrant')).toBe(true));
    expect(calls.find((c) => c.operation === 'RevokeGrant')?.variables).toEqual({
      grantId: 'g1',
      reason: '调离运行部',
    });
  });

  it("shows the server's Chinese message when a revocation is refused", async () => {
    const { wrapper } = await open((operation) =>
      operation === 'RevokeGrant'
        ? { errors: [{ message: '授权不存在或已撤销', extensions: { code: 'NOT_FOUND' } }] }
        : undefined,
    );
    await wrapper.findAll('[data-test="grant"]')[0].find('button').trigger('click');
    await flushPromises();
    const dialog = document.body.querySelector('.van-dialog') as HTMLElement;
    const reason = dialog.querySelector('textarea') as HTMLTextAreaElement;
    reason.value = '重复';
    reason.dispatchEvent(new Event('input'));
    (dialog.querySelector('.van-dialog__confirm') as HTMLElement).click();
    await vi.waitFor(() => expect(dialog.textContent).toContain('授权不存在或已撤销'));
  });

  it('grants access for this person and shows the window error the server sends back', async () => {
    const { wrapper, calls } = await open((operation) =>
      operation === 'GrantAccess'
        ? {
            errors: [
              {
                message: '授权结束时间须晚于开始时间，且不能早于现在',
                extensions: { code: 'BAD_WINDOW', field: 'validUntil' },
              },
            ],
          }
        : undefined,
    );
    await wrapper.find('[data-test="add-grant"]').trigger('click');
    await flushPromises();
    const popup = document.body.querySelector('.van-popup') as HTMLElement;
    const form = wrapper.findComponent(GrantForm);
    await form.find('input[readonly]').trigger('click');
    await flushPromises();
    await vi.waitFor(() => expect(document.body.querySelectorAll('.van-picker')).toHaveLength(1));
    const picker = document.body.querySelector('.van-picker') as HTMLElement;
    (picker.querySelector('.van-picker__confirm') as HTMLElement).click();
    await flushPromises();
    await form.find('form').trigger('submit');
    await vi.waitFor(() => expect(calls.some((c) => c.operation === 'GrantAccess')).toBe(true));
    expect(calls.find((c) => c.operation === 'GrantAccess')?.variables.input).toEqual({
      personId: 'p1',
      areaId: 'site',
      scheduleId: null,
      validFrom: null,
      validUntil: null,
    });
    await vi.waitFor(() => expect(popup.textContent).toContain('授权结束时间须晚于开始时间，且不能早于现在'));
  });
});
