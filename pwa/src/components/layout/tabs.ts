import type { Role } from '../../gql/graphql';

export interface TabDefinition {
  name: 'home' | 'people' | 'me';
  to: string;
  icon: string;
  /** Shown to holders of any of these roles; everybody when absent. */
  roles?: readonly Role[];
}

const TABS: readonly TabDefinition[] = [
  { name: 'home', to: '/', icon: 'home-o' },
  { name: 'people', to: '/people', icon: 'friends-o', roles: ['HR', 'ADMIN'] },
  { name: 'me', to: '/me', icon: 'user-o' },
];

export function tabsFor(roles: readonly Role[]): TabDefinition[] {
  return TABS.filter((tab) => !tab.roles || tab.roles.some((role) => roles.includes(role)));
}
