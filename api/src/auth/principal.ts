import type { Principal, RequestContext } from '../common/context.js';
import { principalFrom } from '../common/context.js';
import { AuthErrors } from './auth.errors.js';
import { verifyAccessToken } from './tokens.js';
import { UserAccount } from './user-account.entity.js';

/**
 * Bearer token → principal. A token that is present but bad fails the request with a typed error.
 * The account row is read on every request so that offboarding or a role change acts at once,
 * not when the access token happens to expire.
 */
export async function resolvePrincipal(
  ctx: RequestContext,
  authorization: string | undefined,
): Promise<Principal | null> {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match) throw AuthErrors.tokenInvalid();
  const claims = await verifyAccessToken(ctx.keys, ctx.config.JWT_ISSUER, match[1]!);
  const account = await ctx.em.findOne(UserAccount, claims.sub, {
    fields: ['username', 'roles', 'disabled', 'person', 'mustChangePassword'],
  });
  if (!account || account.disabled) throw AuthErrors.disabled();
  return principalFrom({
    accountId: account.id,
    username: account.username,
    personId: account.person?.id ?? null,
    roles: account.roles,
    mustChangePassword: account.mustChangePassword,
  });
}
