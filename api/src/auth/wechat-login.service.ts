import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type RequestContext } from '../common/context.js';
import { Role } from '../common/permission.js';
import { PersonStatus, PersonType } from '../identity/identity.enums.js';
import { Person } from '../identity/person.entity.js';
import { personSnapshot } from '../identity/person.snapshot.js';
import { WechatBinding } from '../identity/wechat-binding.entity.js';
import { AuthErrors } from './auth.errors.js';
import { DEFAULT_ROLES, issueTokens } from './auth.service.js';
import type { AuthPayload } from './auth.types.js';
import { UserAccount } from './user-account.entity.js';
import { code2Session } from './wechat.client.js';

/**
 * First login from a WeChat user creates their one Person (a visitor until HR or a contractor
 * registration says otherwise), the openid binding and an account without a password.
 */
export async function wechatLogin(ctx: RequestContext, code: string): Promise<AuthPayload> {
  if (!code.trim() || code.length > 128) throw AuthErrors.wechatFailed();
  const session = await code2Session(ctx.config, code);
  const em = ctx.em.fork();
  const binding = await em.findOne(
    WechatBinding,
    { openid: session.openid, unboundAt: null },
    { populate: ['person'] },
  );
  let account: UserAccount | null;
  if (binding) {
    if (binding.person.getEntity().status !== PersonStatus.ACTIVE) throw AuthErrors.disabled();
    account = await em.findOne(UserAccount, { person: binding.person.id, disabled: false });
    if (!account) throw AuthErrors.disabled();
  } else {
    account = await inTransaction({ ...ctx, em }, async (tx) => {
      const person = tx.em.create(Person, { name: '微信用户', type: PersonType.VISITOR });
      tx.em.create(WechatBinding, { openid: session.openid, unionid: session.unionid ?? null, person });
      const created = tx.em.create(UserAccount, {
        username: `wx:${session.openid}`,
        roles: DEFAULT_ROLES[PersonType.VISITOR] ?? [Role.VISITOR],
        person,
      });
      await recordAudit(tx, {
        action: 'PERSON_CREATE',
        entityType: 'Person',
        entityId: person.id,
        after: { ...personSnapshot(person), via: 'wechat' },
      });
      return created;
    });
  }
  return issueTokens(ctx, account, randomUUID());
}
