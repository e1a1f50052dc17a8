import { Field, ID, InputType } from 'type-graphql';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type RequestContext } from '../common/context.js';
import { isUuid } from '../common/ids.js';
import { DateTimeScalar } from '../common/scalars.js';
import { PersonStatus } from '../identity/identity.enums.js';
import { IdentityErrors } from '../identity/identity.errors.js';
import { personInScope } from '../identity/person-scope.js';
import { GrantSource } from './access.enums.js';
import { AccessErrors } from './access.errors.js';
import { AccessChanged } from './access.events.js';
import { AccessGrant } from './access-grant.entity.js';
import { Area } from './area.entity.js';
import { Schedule } from './schedule.entity.js';

@InputType()
export class GrantInput {
  @Field(() => ID)
  personId!: string;
  @Field(() => ID)
  areaId!: string;
  @Field(() => ID, { nullable: true })
  scheduleId?: string | null;
  @Field(() => DateTimeScalar, { nullable: true })
  validFrom?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true })
  validUntil?: Date | null;
}

const snapshot = (g: AccessGrant) => ({
  personId: g.person.id,
  areaId: g.area.id,
  source: g.source,
  scheduleId: g.schedule?.id ?? null,
  validFrom: g.validFrom ?? null,
  validUntil: g.validUntil ?? null,
  revokedAt: g.revokedAt ?? null,
});

/** A personal grant (个人授权), optionally time-boxed; temporary grants come from approvals. */
export async function grantAccess(
  ctx: RequestContext,
  input: GrantInput,
  source = GrantSource.PERSONAL,
): Promise<AccessGrant> {
  const now = new Date();
  if (input.validUntil && (input.validUntil <= (input.validFrom ?? now) || input.validUntil <= now)) {
    throw AccessErrors.badWindow();
  }
  return inTransaction(ctx, async (tx) => {
    const person = await personInScope(tx, input.personId);
    if (person.status !== PersonStatus.ACTIVE) throw IdentityErrors.personInactive();
    const area = isUuid(input.areaId) ? await tx.em.findOne(Area, input.areaId) : null;
    if (!area) throw AccessErrors.unknownArea();
    const schedule = input.scheduleId
      ? isUuid(input.scheduleId)
        ? await tx.em.findOne(Schedule, input.scheduleId)
        : null
      : null;
    if (input.scheduleId && !schedule) throw AccessErrors.unknownSchedule();
    const grant = tx.em.create(AccessGrant, {
      person,
      area,
      source,
      schedule,
      validFrom: input.validFrom ?? null,
      validUntil: input.validUntil ?? null,
    });
    await recordAudit(tx, {
      action: 'GRANT_CREATE',
      entityType: 'AccessGrant',
      entityId: grant.id,
      after: snapshot(grant),
    });
    tx.emit?.(new AccessChanged('grant', grant.id, person.id));
    return grant;
  });
}

export async function revokeGrant(
  ctx: RequestContext,
  grantId: string,
  reason: string,
): Promise<AccessGrant> {
  if (!reason.trim()) throw AccessErrors.badPolicy('请填写撤销原因');
  return inTransaction(ctx, async (tx) => {
    const grant = isUuid(grantId) ? await tx.em.findOne(AccessGrant, { id: grantId, revokedAt: null }) : null;
    if (!grant) throw AccessErrors.grantNotFound();
    await personInScope(tx, grant.person.id);
    const before = snapshot(grant);
    grant.revokedAt = new Date();
    grant.revokedReason = reason.trim();
    await recordAudit(tx, {
      action: 'GRANT_REVOKE',
      entityType: 'AccessGrant',
      entityId: grant.id,
      before,
      after: { ...snapshot(grant), reason },
    });
    tx.emit?.(new AccessChanged('grant', grant.id, grant.person.id));
    return grant;
  });
}
