import { Field, ID, InputType } from 'type-graphql';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type RequestContext } from '../common/context.js';
import { notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { DateTimeScalar } from '../common/scalars.js';
import { PersonStatus } from '../identity/identity.enums.js';
import { IdentityErrors } from '../identity/identity.errors.js';
import { Person } from '../identity/person.entity.js';
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
  ...(g.escortIds?.length ? { escortIds: g.escortIds } : {}),
});

/** A personal grant (个人授权), optionally time-boxed; temporary grants come from approvals. */
export async function grantAccess(
  ctx: RequestContext,
  input: GrantInput,
  source = GrantSource.PERSONAL,
): Promise<AccessGrant> {
  checkWindow(input);
  return inTransaction(ctx, async (tx) =>
    createGrant(tx, await personInScope(tx, input.personId), input, source),
  );
}

/** What an approved grant may carry besides the window: a visit's grants name their escorts. */
export interface ApprovedGrantOptions {
  source?: GrantSource.TEMPORARY | GrantSource.VISIT;
  escortIds?: string[];
  /** More of the reason for the audit entry, e.g. `{ visitId }`. */
  because?: Record<string, unknown>;
}

/**
 * The temporary grant (作业审批临时权限) an approval decided, written inside the approval's
 * transaction. The approval is the authority here, not the last approver's person scope: a named
 * approver or 保卫部 may decide for someone outside the units they see.
 */
export async function grantApproved(
  ctx: RequestContext,
  input: GrantInput,
  approvalId: string,
  options: ApprovedGrantOptions = {},
): Promise<AccessGrant> {
  checkWindow(input);
  return inTransaction(ctx, async (tx) => {
    const person = isUuid(input.personId) ? await tx.em.findOne(Person, input.personId) : null;
    if (!person) throw notFound('人员');
    return createGrant(
      tx,
      person,
      input,
      options.source ?? GrantSource.TEMPORARY,
      { approvalId, ...options.because },
      options.escortIds,
    );
  });
}

function checkWindow(input: GrantInput): void {
  const now = new Date();
  if (input.validUntil && (input.validUntil <= (input.validFrom ?? now) || input.validUntil <= now)) {
    throw AccessErrors.badWindow();
  }
}

async function createGrant(
  tx: RequestContext,
  person: Person,
  input: GrantInput,
  source: GrantSource,
  because: Record<string, unknown> = {},
  escortIds?: string[],
): Promise<AccessGrant> {
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
    escortIds: escortIds?.length ? escortIds : null,
  });
  await recordAudit(tx, {
    action: 'GRANT_CREATE',
    entityType: 'AccessGrant',
    entityId: grant.id,
    after: { ...snapshot(grant), ...because },
  });
  tx.emit?.(new AccessChanged('grant', grant.id, person.id));
  return grant;
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

/**
 * Ends grants their own cause no longer stands behind (a visit cancelled, checked out or over),
 * inside the caller's transaction. The cause is the authority, not the caller's person scope: a
 * visitor's cancellation ends their companions' grants too. Already revoked ones are left alone.
 */
export async function revokeGrantsOf(
  ctx: RequestContext,
  grantIds: readonly string[],
  reason: string,
  because: Record<string, unknown> = {},
): Promise<number> {
  const now = new Date();
  return changeLiveGrants(
    ctx,
    grantIds,
    'GRANT_REVOKE',
    (grant) => {
      grant.revokedAt = now;
      grant.revokedReason = reason;
    },
    { reason, ...because },
  );
}

/**
 * Who may escort the holders of these grants into escort-required areas (a visit's host and the
 * escorts they designated). Live grants only; each change is audited on its grant, so gates get the
 * holder's record again in their next patch.
 */
export function setGrantEscorts(
  ctx: RequestContext,
  grantIds: readonly string[],
  escortIds: readonly string[],
  because: Record<string, unknown> = {},
): Promise<number> {
  return changeLiveGrants(
    ctx,
    grantIds,
    'GRANT_ESCORTS',
    (grant) => {
      grant.escortIds = escortIds.length ? [...escortIds] : null;
    },
    because,
  );
}

/** Applies `change` to each live grant of `grantIds`, each audited as `action` and announced. */
async function changeLiveGrants(
  ctx: RequestContext,
  grantIds: readonly string[],
  action: string,
  change: (grant: AccessGrant) => void,
  because: Record<string, unknown>,
): Promise<number> {
  const ids = grantIds.filter(isUuid);
  if (ids.length === 0) return 0;
  return inTransaction(ctx, async (tx) => {
    const grants = await tx.em.find(AccessGrant, { id: { $in: ids }, revokedAt: null });
    for (const grant of grants) {
      const before = snapshot(grant);
      change(grant);
      await recordAudit(tx, {
        action,
        entityType: 'AccessGrant',
        entityId: grant.id,
        before,
        after: { ...snapshot(grant), ...because },
      });
      tx.emit?.(new AccessChanged('grant', grant.id, grant.person.id));
    }
    return grants.length;
  });
}
