import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type RequestContext } from '../common/context.js';
import { seal } from '../common/crypto.js';
import { DomainError } from '../common/errors.js';
import { PersonPhoto } from './person-photo.entity.js';

const MAX_BYTES = 2 * 1024 * 1024;

export const PHOTO_CONSENT_TEXT =
  '本人同意电厂为访客登记与门岗核验采集并加密保存本人照片，仅用于本厂安保，不向第三方提供。';

export const PhotoErrors = {
  consentRequired: () =>
    new DomainError('CONSENT_REQUIRED', '上传照片须勾选同意照片采集说明', { field: 'photoConsent' }),
  badPhoto: () =>
    new DomainError('BAD_PHOTO', '照片须为 JPEG 或 PNG 格式，且不超过 2 MB', { field: 'photoBase64' }),
};

/** The image's type from its first bytes, or null when it is neither JPEG nor PNG. */
function sniff(bytes: Buffer): string | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  return null;
}

/** Decodes and checks a photo before anything is written: consent given, JPEG/PNG, at most 2 MB. */
export function checkPhoto(
  base64: string,
  consent: boolean | null | undefined,
): { bytes: Buffer; mimeType: string } {
  if (consent !== true) throw PhotoErrors.consentRequired();
  const bytes = Buffer.from(base64.replace(/^data:image\/\w+;base64,/, ''), 'base64');
  const mimeType = bytes.length <= MAX_BYTES ? sniff(bytes) : null;
  if (!mimeType) throw PhotoErrors.badPhoto();
  return { bytes, mimeType };
}

/** Replaces the person's photo, with the consent recorded. The image never reaches a log or the audit. */
export async function storePersonPhoto(
  ctx: RequestContext,
  personId: string,
  photo: { bytes: Buffer; mimeType: string },
  consentText = PHOTO_CONSENT_TEXT,
): Promise<PersonPhoto> {
  return inTransaction(ctx, async (tx) => {
    await tx.em.nativeDelete(PersonPhoto, { person: personId });
    const row = tx.em.create(PersonPhoto, {
      person: personId,
      mimeType: photo.mimeType,
      imageEncrypted: seal(tx.config.dataKey, photo.bytes),
      consentAt: new Date(),
      consentText,
    });
    await recordAudit(tx, {
      action: 'PERSON_PHOTO_STORE',
      entityType: 'PersonPhoto',
      entityId: row.id,
      after: { personId, mimeType: photo.mimeType, bytes: photo.bytes.length, consentAt: row.consentAt },
    });
    return row;
  });
}

export async function hasPersonPhoto(ctx: RequestContext, personId: string): Promise<boolean> {
  return (await ctx.em.count(PersonPhoto, { person: personId })) > 0;
}
