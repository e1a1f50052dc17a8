import type { Role } from '../../gql/graphql';
import { hasAnyPermission, type Permission } from '../../lib/permissions';

export interface TabDefinition {
  name: 'pass' | 'home' | 'approvals' | 'people' | 'admin' | 'me';
  to: string;
  icon: string;
  /** Shown to holders of any of these roles; everybody when absent. */
  roles?: readonly Role[];
  /** Shown to holders of any of these permissions; everybody when absent. */
  permissions?: readonly Permission[];
  /** Only for accounts linked to a person (the pass is a person's, not an account's). */
  needsPerson?: boolean;
  /** Paths under which this tab stays highlighted; `to` alone when absent. */
  sections?: readonly string[];
}

// The pass comes first: it is what people open the app for, standing at a gate.
const TABS: readonly TabDefinition[] = [
  { name: 'pass', to: '/pass', icon: 'qr', needsPerson: true },
  { name: 'home', to: '/', icon: 'home-o' },
  // Everyone may decide (a named approver), but a tab is for those who do so daily: department heads,
  // 保卫部 and administrators. Anyone else finds 审批 on the home page when something waits for them.
  {
    name: 'approvals',
    to: '/approvals',
    icon: 'todo-list-o',
    roles: ['APPROVER', 'SECURITY', 'ADMIN'],
    permissions: ['APPROVAL_DECIDE'],
    needsPerson: true,
  },
  { name: 'people', to: '/people', icon: 'friends-o', roles: ['HR', 'ADMIN'] },
  // 保卫部 and administrators: access configuration, grants and the security desk in one hub.
  {
    name: 'admin',
    to: '/admin',
    icon: 'shield-o',
    permissions: ['ACCESS_READ'],
    sections: ['/admin', '/security', '/visits'],
  },
  // A host's own visitors sit under /visits but are reached from 我的, not from the desk.
  { name: 'me', to: '/me', icon: 'user-o', sections: ['/me', '/requests', '/visits/mine'] },
];

export function tabsFor(
  roles: readonly Role[],
  hasPerson = false,
  permissions: readonly string[] = [],
): TabDefinition[] {
  return TABS.filter(
    (tab) =>
      (!tab.roles || tab.roles.some((role) => roles.includes(role))) &&
      (!tab.permissions || hasAnyPermission(permissions, tab.permissions)) &&
      (!tab.needsPerson || hasPerson),
  );
}

function within(path: string, section: string): boolean {
  return section === '/' ? path === '/' : path === section || path.startsWith(`${section}/`);
}

/** The tab a path belongs to: the one whose section matches most specifically, if any is shown. */
export function activeTab(path: string, tabs: readonly TabDefinition[]): TabDefinition['name'] | undefined {
  let best: { name: TabDefinition['name']; length: number } | undefined;
  for (const tab of tabs) {
    for (const section of tab.sections ?? [tab.to]) {
      if (within(path, section) && (!best || section.length > best.length)) {
        best = { name: tab.name, length: section.length };
      }
    }
  }
  return best?.name;
}
