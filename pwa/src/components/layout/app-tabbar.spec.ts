import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../gql/graphql';
import { mountWithApp, resetLocale } from '../../test/helpers';
import AppTabbar from './app-tabbar.vue';

async function labelsFor(roles: Role[], hasPerson = false): Promise<string[]> {
  const { wrapper } = await mountWithApp(AppTabbar, { props: { roles, hasPerson } });
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
});
