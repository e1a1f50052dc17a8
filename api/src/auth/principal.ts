import type { Principal, RequestContext } from '../common/context.js';
import { principalFrom } from '../common/context.js';
import { isUuid } from '../common/ids.js';
import type { Role } from '../common/permission.js';
import { AuthErrors } from './auth.errors.js';
import { verifyAccessToken } from './tokens.js';

interface AccountRow {
  username: string;
  roles: Role[];
  disabled: boolean;
  must_change_password: boolean;
  person_id: string | null;
}

/**
 * Bearer token → principal. A token that is present but bad fails the request with a typed error.
 * The account row is read on every request so that offboarding or a role change acts at once,
 * not when the access token happens to expire; it is one indexed row, read without the ORM
 * because it sits on the path of every request.
 */
export async function resolvePrincipal(
  ctx: RequestContext,
  authorization: string | undefined,
): Promise<Principal | null> {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match) throw AuthErrors.tokenInvalid();
  const claims = await verifyAccessToken(ctx.keys, ctx.config.JWT_ISSUER, match[1]!);
  if (!isUuid(claims.sub)) throw AuthErrors.tokenInvalid();
  const [account] = await ctx.em
    .getConnection()
    .execute<AccountRow[]>(
      'select username, roles, disabled, must_change_password, person_id from user_account where id = ?',
      [claims.sub],
    );
  if (!account || account.disabled) throw AuthErrors.disabled();
  return principalFrom({
    accountId: claims.sub,
    username: account.username,
    personId: account.person_id,
    roles: account.roles,
    mustChangePassword: account.must_change_password,
  });
}
