import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type RequestContext } from '../common/context.js';
import { DomainError, notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { Role } from '../common/permission.js';
import { UserAccount } from './user-account.entity.js';

/** Replaces a person's roles. Takes effect on their next request: the account row is read per request. */
export async function setPersonRoles(ctx: RequestContext, personId: string, roles: Role[]): Promise<Role[]> {
  if (roles.includes(Role.DEVICE)) throw new DomainError('BAD_ROLE', '设备角色不能授予人员');
  if (!isUuid(personId)) throw notFound('该人员的登录账号');
  const unique = [...new Set(roles)].sort();
  return inTransaction(ctx, async (tx) => {
    const account = await tx.em.findOne(UserAccount, { person: personId, disabled: false });
    if (!account) throw notFound('该人员的登录账号');
    if (
      account.id === ctx.principal?.accountId &&
      !unique.includes(Role.ADMIN) &&
      account.roles.includes(Role.ADMIN)
    ) {
      throw new DomainError('SELF_DEMOTION', '不能撤销自己的管理员角色，请由其他管理员操作');
    }
    const before = { roles: account.roles };
    account.roles = unique;
    await recordAudit(tx, {
      action: 'ROLES_SET',
      entityType: 'UserAccount',
      entityId: account.id,
      before,
      after: { roles: unique, personId },
    });
    return unique;
  });
}
