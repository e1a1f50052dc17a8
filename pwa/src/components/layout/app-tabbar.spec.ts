import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../gql/graphql';
import { mountWithApp, resetLocale } from '../../test/helpers';
import AppTabbar from './app-tabbar.vue';
import { activeTab, tabsFor } from './tabs';

async function labelsFor(roles: Role[], hasPerson = false, permissions: string[] = []): Promise<string[]> {
  const { wrapper } = await mountWithApp(AppTabbar, { props: { roles, hasPerson, permissions } });
  const labels = wrapper.findAll('.van-tabbar-item').map((item) => item.text());
  wrapper.unmount();
  return labels;
}

describe('tab bar', () => {
  beforeEach(resetLocale);
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('puts 通行码 first for anyone linked to a person', async () => {
    expect(await labelsFor(['EMPLOYEE'], true)).toEqual(['通行码', '首页', '我的']);
    expect(await labelsFor(['HR'], true)).toEqual(['通行码', '首页', '人员', '我的']);
  });

  it('leaves out 通行码 for an account without a person', async () => {
    expect(await labelsFor(['ADMIN'], false)).toEqual(['首页', '人员', '我的']);
  });

  it('shows an employee only 首页 and 我的', async () => {
    expect(await labelsFor(['EMPLOYEE'])).toEqual(['首页', '我的']);
  });

  it('adds 人员 for HR', async () => {
    expect(await labelsFor(['EMPLOYEE', 'HR'])).toEqual(['首页', '人员', '我的']);
  });

  it('adds 人员 for an administrator', async () => {
    expect(await labelsFor(['ADMIN'])).toEqual(['首页', '人员', '我的']);
  });

  it('does not treat security staff as HR', async () => {
    expect(await labelsFor(['SECURITY', 'APPROVER'])).toEqual(['首页', '我的']);
  });

  it('adds 管理 for whoever may read access control: 保卫部 and administrators', async () => {
    expect(await labelsFor(['SECURITY'], true, ['ACCESS_READ', 'GRANT_MANAGE'])).toEqual([
      '通行码',
      '首页',
      '管理',
      '我的',
    ]);
    expect(await labelsFor(['ADMIN'], false, ['ACCESS_READ', 'PERSON_READ_ALL'])).toEqual([
      '首页',
      '人员',
      '管理',
      '我的',
    ]);
    expect(await labelsFor(['HR'], false, ['PERSON_READ_ALL'])).toEqual(['首页', '人员', '我的']);
  });

  it('adds 审批 for department heads, 保卫部 and administrators who are people, not for every employee', async () => {
    const staff = ['APPROVAL_REQUEST', 'APPROVAL_DECIDE'];
    expect(await labelsFor(['EMPLOYEE', 'APPROVER'], true, staff)).toEqual([
      '通行码',
      '首页',
      '审批',
      '我的',
    ]);
    expect(await labelsFor(['SECURITY'], true, ['ACCESS_READ', ...staff])).toEqual([
      '通行码',
      '首页',
      '审批',
      '管理',
      '我的',
    ]);
    expect(await labelsFor(['EMPLOYEE'], true, staff)).toEqual(['通行码', '首页', '我的']);
    // Deciding is a person's act: the admin account without a person has nothing to decide.
    expect(await labelsFor(['ADMIN'], false, ['ACCESS_READ', ...staff])).toEqual([
      '首页',
      '人员',
      '管理',
      '我的',
    ]);
  });

  it('shows how many approvals wait on the 审批 tab', async () => {
    const { wrapper } = await mountWithApp(AppTabbar, {
      props: {
        roles: ['APPROVER'],
        hasPerson: true,
        permissions: ['APPROVAL_DECIDE'],
        badges: { approvals: 3 },
      },
    });
    expect(wrapper.find('[data-tab="approvals"] .van-badge').text()).toBe('3');
    await wrapper.setProps({ badges: { approvals: 0 } });
    expect(wrapper.find('[data-tab="approvals"] .van-badge').exists()).toBe(false);
  });

  it('keeps 我的 lit on my temporary-access requests', () => {
    const tabs = tabsFor(['EMPLOYEE'], true, ['APPROVAL_REQUEST']);
    expect(activeTab('/requests/new', tabs)).toBe('me');
  });

  it('keeps 我的 lit on my visitors, even for 保卫部 whose 管理 holds the visitor desk', () => {
    expect(activeTab('/visits/mine', tabsFor(['EMPLOYEE'], true, ['VISIT_READ']))).toBe('me');
    const desk = tabsFor(['SECURITY'], true, ['ACCESS_READ', 'VISIT_DESK', 'VISIT_READ']);
    expect(activeTab('/visits/mine', desk)).toBe('me');
    expect(activeTab('/visits/v1', desk)).toBe('admin');
  });

  it('lights 管理 on the security desk pages too, and the deepest match elsewhere', async () => {
    const tabs = tabsFor(['ADMIN'], true, ['ACCESS_READ']);
    expect(activeTab('/admin/areas/new', tabs)).toBe('admin');
    expect(activeTab('/security/events', tabs)).toBe('admin');
    expect(activeTab('/visits/walk-in', tabs)).toBe('admin');
    expect(activeTab('/people/42', tabs)).toBe('people');
    expect(activeTab('/', tabs)).toBe('home');
    expect(activeTab('/pass', tabs)).toBe('pass');
    expect(activeTab('/administrator', tabs)).toBeUndefined();
  });

  it('marks the tab of the page shown', async () => {
    const { wrapper } = await mountWithApp(AppTabbar, {
      props: { roles: ['SECURITY'], permissions: ['ACCESS_READ'] },
      path: '/security/presence',
    });
    expect(wrapper.find('.van-tabbar-item--active').text()).toBe('管理');
  });
});
