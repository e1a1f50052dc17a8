import { createPassVerifier, issuePassBatch, type PassVerifier } from '@park/core';
import { Field, ObjectType } from 'type-graphql';
import type { KeyStore } from '../auth/key-store.js';
import type { RequestContext } from '../common/context.js';
import { DomainError } from '../common/errors.js';
import { DateTimeScalar } from '../common/scalars.js';
import { IdentityErrors } from '../identity/identity.errors.js';

@ObjectType({ description: '一个动态通行码' })
export class PassCodeView {
  @Field(() => String)
  token!: string;
  @Field(() => DateTimeScalar, { description: '从此刻起显示' })
  nbf!: Date;
  @Field(() => DateTimeScalar, { description: '闸机接受到此刻为止' })
  exp!: Date;
}

@ObjectType({ description: '一批动态通行码：手机离线时按时间依次显示' })
export class PassBatchView {
  @Field(() => String)
  kid!: string;
  @Field(() => DateTimeScalar)
  issuedAt!: Date;
  @Field(() => [PassCodeView])
  codes!: PassCodeView[];
}

const INSTALLATION = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * A batch of signed, short-lived QR codes for the signed-in person's phone: about ten minutes at the
 * default count, so a phone that loses signal at the gate still passes. Bound to this phone's
 * installation id; each code carries a unique id the gates refuse to see twice.
 */
export async function passCodes(
  ctx: RequestContext,
  installationId: string,
  count: number,
): Promise<PassBatchView> {
  const personId = ctx.principal?.personId;
  if (!personId) throw new DomainError('NO_PERSON', '该账号未关联人员，无法生成通行码');
  return issuePassCodes(ctx, personId, installationId, count);
}

/**
 * The same batch for a person the caller vouches for, bound to the caller's phone: a visitor's
 * phone carries the codes of their companions too (visitPasses checks whose they are first).
 */
export async function issuePassCodes(
  ctx: RequestContext,
  personId: string,
  installationId: string,
  count: number,
): Promise<PassBatchView> {
  if (!INSTALLATION.test(installationId))
    throw new DomainError('VALIDATION', '设备标识无效', { field: 'installationId' });
  if (!Number.isInteger(count) || count < 1 || count > 40)
    throw new DomainError('VALIDATION', '数量应为 1–40', { field: 'count' });
  const [person] = await ctx.em
    .getConnection()
    .execute<{ status: string }[]>('select status from person where id = ?', [personId]);
  if (person?.status !== 'ACTIVE') throw IdentityErrors.personInactive();
  const signer = ctx.passKeys.signingKey();
  if (!signer) throw new Error('no active pass signing key');
  const batch = await issuePassBatch(signer, { personId, installationId, from: new Date(), count });
  return {
    kid: batch.kid,
    issuedAt: new Date(batch.issuedAt * 1000), // core speaks JWT time: epoch seconds
    codes: batch.codes.map((c) => ({
      token: c.token,
      nbf: new Date(c.nbf * 1000),
      exp: new Date(c.exp * 1000),
    })),
  };
}

/** The server's own gate-side verifier (for decideAccess with a scanned QR), following key changes. */
export function serverPassVerifier(keys: KeyStore): { current(): PassVerifier } {
  const verifier = createPassVerifier({ keys: keys.jwks() });
  let seen = JSON.stringify(keys.jwks());
  return {
    current() {
      const now = JSON.stringify(keys.jwks());
      if (now !== seen) {
        verifier.setKeys(keys.jwks());
        seen = now;
      }
      return verifier;
    },
  };
}
