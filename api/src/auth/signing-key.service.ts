import { Field, ObjectType } from 'type-graphql';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type RequestContext } from '../common/context.js';
import { DomainError } from '../common/errors.js';
import { DateTimeScalar } from '../common/scalars.js';
import { SigningKey } from './signing-key.entity.js';

@ObjectType({ description: '令牌签名密钥（只含公开信息）' })
export class SigningKeyInfo {
  @Field(() => String)
  kid!: string;
  @Field(() => DateTimeScalar, { description: '开始出现在 JWKS 中' })
  publishedAt!: Date;
  @Field(() => DateTimeScalar, { description: '开始用于签名' })
  activatesAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: '停用后，用它签发的令牌全部失效' })
  retiredAt!: Date | null;
}

const info = (k: SigningKey): SigningKeyInfo => ({
  kid: k.kid,
  publishedAt: k.publishedAt,
  activatesAt: k.activatesAt,
  retiredAt: k.retiredAt ?? null,
});

export async function listSigningKeys(ctx: RequestContext): Promise<SigningKeyInfo[]> {
  return (await ctx.em.find(SigningKey, { use: 'access' }, { orderBy: { activatesAt: 'desc' } })).map(info);
}

/**
 * Publishes a new key now and lets it sign after `activateInSeconds`, so every verifier (bridges,
 * other API copies) has fetched the JWKS before the first token signed with it appears.
 */
export async function rotateSigningKey(
  ctx: RequestContext,
  activateInSeconds: number,
): Promise<SigningKeyInfo> {
  if (!Number.isInteger(activateInSeconds) || activateInSeconds < 0 || activateInSeconds > 86_400) {
    throw new DomainError('VALIDATION', '生效延迟应为 0–86400 秒', { field: 'activateInSeconds' });
  }
  const key = await inTransaction(ctx, async (tx) => {
    const k = await ctx.keys.addKey(tx.em, new Date(Date.now() + activateInSeconds * 1000));
    await recordAudit(tx, {
      action: 'SIGNING_KEY_ROTATE',
      entityType: 'SigningKey',
      entityId: k.kid,
      after: { ...info(k) },
    });
    return k;
  });
  await ctx.keys.reload();
  return info(key);
}

/** Retires a key (e.g. suspected leak): tokens it signed stop working; at least one key must remain. */
export async function retireSigningKey(ctx: RequestContext, kid: string): Promise<SigningKeyInfo> {
  const key = await inTransaction(ctx, async (tx) => {
    const live = await tx.em.find(SigningKey, { use: 'access', retiredAt: null });
    const k = live.find((x) => x.kid === kid);
    if (!k) throw new DomainError('NOT_FOUND', '密钥不存在或已停用');
    if (!live.some((x) => x.kid !== kid && x.activatesAt <= new Date())) {
      throw new DomainError('LAST_KEY', '不能停用唯一可用的签名密钥，请先轮换生成新密钥');
    }
    k.retiredAt = new Date();
    await recordAudit(tx, {
      action: 'SIGNING_KEY_RETIRE',
      entityType: 'SigningKey',
      entityId: k.kid,
      after: { ...info(k) },
    });
    return k;
  });
  await ctx.keys.reload();
  return info(key);
}
