import type { Role } from '../../gql/graphql';

export interface TabDefinition {
  name: 'pass' | 'home' | 'people' | 'me';
  to: string;
  icon: string;
  /** Shown to holders of any of these roles; everybody when absent. */
  roles?: readonly Role[];
  /** Only for accounts linked to a person (the pass is a person's, not an account's). */
  needsPerson?: boolean;
}

// The pass comes first: it is what people open the app for, standing at a gate.
const TABS: readonly TabDefinition[] = [
  { name: 'pass', to: '/pass', icon: 'qr', needsPerson: true },
  { name: 'home', to: '/', icon: 'home-o' },
  { name: 'people', to: '/people', icon: 'friends-o', roles: ['HR', 'ADMIN'] },
  { name: 'me', to: '/me', icon: 'user-o' },
];

export function tabsFor(roles: readonly Role[], hasPerson = false): TabDefinition[] {
  return TABS.filter(
    (tab) =>
      (!tab.roles || tab.roles.some((role) => roles.includes(role))) && (!tab.needsPerson || hasPerson),
  );
}
