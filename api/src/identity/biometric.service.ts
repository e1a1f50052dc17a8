import { Field, ID, InputType } from 'type-graphql';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type RequestContext } from '../common/context.js';
import { seal } from '../common/crypto.js';
import { BiometricTemplate } from './biometric-template.entity.js';
import { BiometricKind, PersonStatus } from './identity.enums.js';
import { IdentityErrors } from './identity.errors.js';
import { personInScope } from './person-scope.js';

@InputType()
export class EnrollBiometricInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => BiometricKind)
  kind!: BiometricKind;

  @Field(() => String, { description: '采集设备给出的特征模板（Base64），加密存储，任何查询都不返回' })
  templateBase64!: string;

  @Field(() => Boolean, { description: '本人已书面同意采集' })
  consent!: boolean;

  @Field(() => String, { defaultValue: '本人同意电厂为门禁通行采集并加密保存生物特征，离职/退场时删除。' })
  consentText!: string;
}

/** Replaces the person's template of that kind. The plaintext template is never stored or logged. */
export async function enrollBiometric(ctx: RequestContext, input: EnrollBiometricInput): Promise<boolean> {
  if (!input.consent) throw IdentityErrors.consentRequired();
  const template = Buffer.from(input.templateBase64, 'base64');
  if (template.length < 16 || template.length > 64 * 1024) throw IdentityErrors.badTemplate();
  return inTransaction(ctx, async (tx) => {
    const person = await personInScope(tx, input.personId);
    if (person.status !== PersonStatus.ACTIVE) throw IdentityErrors.personInactive();
    await tx.em.nativeDelete(BiometricTemplate, { person: person.id, kind: input.kind });
    const row = tx.em.create(BiometricTemplate, {
      person,
      kind: input.kind,
      templateEncrypted: seal(tx.config.dataKey, template),
      consentAt: new Date(),
      consentText: input.consentText,
    });
    await recordAudit(tx, {
      action: 'BIOMETRIC_ENROLL',
      entityType: 'BiometricTemplate',
      entityId: row.id,
      after: { personId: person.id, kind: input.kind, consentAt: row.consentAt },
    });
    return true;
  });
}
