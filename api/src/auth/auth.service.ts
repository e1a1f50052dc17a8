import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type RequestContext } from '../common/context.js';
import { unauthenticated } from '../common/errors.js';
import { permissionsOf, Role } from '../common/permission.js';
import { Person } from '../identity/person.entity.js';
import { AuthErrors } from './auth.errors.js';
import type { AuthPayload, Me } from './auth.types.js';
import { equalsConstantTime, hashPassword, isStrongEnough, verifyPassword } from './password.js';
import { RefreshToken } from './refresh-token.entity.js';
import { hashOpaqueToken, newOpaqueToken, signAccessToken } from './tokens.js';
import { UserAccount } from './user-account.entity.js';

// Verified against when the username is unknown, so timing does not reveal which names exist.
let dummyHash: Promise<string> | undefined;

export async function login(ctx: RequestContext, username: string, password: string): Promise<AuthPayload> {
  const em = ctx.em.fork();
  const account = await em.findOne(UserAccount, { username }, { populate: ['passwordHash', 'person'] });
  if (!account) {
    dummyHash ??= hashPassword('not-a-real-password-0', cost(ctx));
    await verifyPassword(await dummyHash, password);
    throw AuthErrors.invalidCredentials();
  }
  const now = new Date();
  if (account.lockedUntil && account.lockedUntil > now) {
    throw AuthErrors.locked(Math.ceil((account.lockedUntil.getTime() - now.getTime()) / 60_000));
  }
  const ok = await checkPassword(account, password);
  if (!ok) {
    const locked = await registerFailure(ctx, account.id);
    throw locked ? AuthErrors.locked(ctx.config.LOGIN_LOCK_MINUTES) : AuthErrors.invalidCredentials();
  }
  if (account.disabled) throw AuthErrors.disabled();
  account.failedLogins = 0;
  account.lastLoginAt = now;
  await em.flush();
  return issueTokens(ctx, account, randomUUID());
}

async function checkPassword(account: UserAccount, password: string): Promise<boolean> {
  if (account.passwordHash) return verifyPassword(account.passwordHash, password);
  // Accounts made by HR start with the last six characters of the ID number, to be changed at once.
  const idNumber = account.person?.getEntity().idNumber;
  return (
    !!idNumber &&
    account.mustChangePassword &&
    equalsConstantTime(idNumber.slice(-6).toUpperCase(), password.toUpperCase())
  );
}

/** Counts a failure in its own transaction (it must stick although the login fails); true if now locked. */
async function registerFailure(ctx: RequestContext, accountId: string): Promise<boolean> {
  return inTransaction({ ...ctx, em: ctx.em.fork() }, async (tx) => {
    const account = await tx.em.findOneOrFail(UserAccount, accountId, {
      lockMode: LockMode.PESSIMISTIC_WRITE,
    });
    account.failedLogins += 1;
    if (account.failedLogins < tx.config.LOGIN_MAX_FAILURES) return false;
    account.failedLogins = 0;
    account.lockedUntil = new Date(Date.now() + tx.config.LOGIN_LOCK_MINUTES * 60_000);
    await recordAudit(tx, {
      action: 'ACCOUNT_LOCKED',
      entityType: 'UserAccount',
      entityId: account.id,
      after: { username: account.username, lockedUntil: account.lockedUntil, ip: ctx.ip ?? null },
    });
    return true;
  });
}

export async function refresh(ctx: RequestContext, refreshToken: string): Promise<AuthPayload> {
  const em = ctx.em.fork();
  const row = await em.findOne(
    RefreshToken,
    { tokenHash: hashOpaqueToken(refreshToken) },
    { populate: ['account'] },
  );
  const now = new Date();
  if (!row || row.expiresAt <= now) throw AuthErrors.refreshInvalid();
  if (row.usedAt || row.revokedAt) {
    // Reuse of a spent token: someone holds a copy. End every session of this login chain.
    await em.nativeUpdate(RefreshToken, { familyId: row.familyId, revokedAt: null }, { revokedAt: now });
    ctx.log.warn({ accountId: row.account.id, familyId: row.familyId }, 'refresh token reuse detected');
    throw AuthErrors.refreshReused();
  }
  const account = row.account.getEntity();
  if (account.disabled) throw AuthErrors.disabled();
  // Conditional update: of two concurrent refreshes with the same token, exactly one wins.
  const won = await em.nativeUpdate(RefreshToken, { id: row.id, usedAt: null }, { usedAt: now });
  if (won !== 1) throw AuthErrors.refreshReused();
  return issueTokens(ctx, account, row.familyId);
}

export async function logout(ctx: RequestContext, refreshToken: string): Promise<boolean> {
  const em = ctx.em.fork();
  const row = await em.findOne(RefreshToken, { tokenHash: hashOpaqueToken(refreshToken) });
  if (row)
    await em.nativeUpdate(
      RefreshToken,
      { familyId: row.familyId, revokedAt: null },
      { revokedAt: new Date() },
    );
  return true;
}

export async function changePassword(ctx: RequestContext, current: string, next: string): Promise<boolean> {
  if (!ctx.principal) throw unauthenticated();
  if (!isStrongEnough(next)) throw AuthErrors.weakPassword();
  const em = ctx.em.fork();
  const account = await em.findOneOrFail(UserAccount, ctx.principal.accountId, {
    populate: ['passwordHash', 'person'],
  });
  if (!(await checkPassword(account, current))) throw AuthErrors.invalidCredentials();
  const hash = await hashPassword(next, cost(ctx));
  await inTransaction({ ...ctx, em }, async (tx) => {
    account.passwordHash = hash;
    account.mustChangePassword = false;
    await recordAudit(tx, { action: 'PASSWORD_CHANGE', entityType: 'UserAccount', entityId: account.id });
  });
  return true;
}

export async function issueTokens(
  ctx: RequestContext,
  account: UserAccount,
  familyId: string,
): Promise<AuthPayload> {
  const { token: accessToken, expiresAt } = await signAccessToken(
    ctx.keys,
    ctx.config.JWT_ISSUER,
    ctx.config.ACCESS_TOKEN_TTL_SECONDS,
    { sub: account.id, pid: account.person?.id ?? null, roles: account.roles, usr: account.username },
  );
  const { token: refreshToken, hash } = newOpaqueToken();
  const em = ctx.em.fork();
  em.create(RefreshToken, {
    tokenHash: hash,
    familyId,
    account: account.id,
    expiresAt: new Date(Date.now() + ctx.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
  });
  await em.flush();
  return { accessToken, refreshToken, accessTokenExpiresAt: expiresAt, me: await meOf(ctx, account) };
}

export async function me(ctx: RequestContext): Promise<Me> {
  if (!ctx.principal) throw unauthenticated();
  const account = await ctx.em.findOneOrFail(UserAccount, ctx.principal.accountId);
  return meOf(ctx, account);
}

async function meOf(ctx: RequestContext, account: UserAccount): Promise<Me> {
  const person = account.person ? await ctx.em.fork().findOne(Person, account.person.id) : null;
  return {
    username: account.username,
    roles: account.roles,
    permissions: [...permissionsOf(account.roles)].sort(),
    mustChangePassword: account.mustChangePassword,
    person,
  };
}

function cost(ctx: RequestContext) {
  return { memoryKib: ctx.config.ARGON2_MEMORY_KIB, timeCost: ctx.config.ARGON2_TIME_COST };
}

export const DEFAULT_ROLES: Record<string, Role[]> = {
  EMPLOYEE: [Role.EMPLOYEE],
  CONTRACTOR: [Role.CONTRACTOR],
  VISITOR: [Role.VISITOR],
  OTHER: [],
};
