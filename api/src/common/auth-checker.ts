import type { AuthChecker } from 'type-graphql';
import type { RequestContext } from './context.js';
import { DomainError, forbidden, unauthenticated } from './errors.js';
import { Permission } from './permission.js';

/** Marks an operation anyone may call (login and friends). Every other one names its permissions. */
export const PUBLIC = 'PUBLIC' as const;
export type Requirement = Permission | typeof PUBLIC;

/** Coarse gate: the operation needs all listed permissions. Scope (which ids) is the service's job. */
export const authChecker: AuthChecker<RequestContext, Requirement> = ({ context }, required) => {
  if (required.includes(PUBLIC)) return true;
  if (!context.principal) throw unauthenticated();
  // An initial password is derived from the ID number, so it opens nothing but the way to change it.
  if (context.principal.mustChangePassword && required.some((p) => p !== Permission.SELF_READ)) {
    throw new DomainError('PASSWORD_CHANGE_REQUIRED', '首次登录请先修改初始密码');
  }
  // @Authorized() without a permission is a mistake, so it denies like a missing permission.
  if (required.length === 0 || !required.every((p) => context.principal!.permissions.has(p as Permission))) {
    throw forbidden();
  }
  return true;
};
