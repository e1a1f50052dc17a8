import { Field, Int, ObjectType } from 'type-graphql';
import { AccessGrant } from '../access/access-grant.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { RefreshToken } from '../auth/refresh-token.entity.js';
import { UserAccount } from '../auth/user-account.entity.js';
import { inTransaction, type RequestContext } from '../common/context.js';
import { validation } from '../common/errors.js';
import { DateTimeScalar } from '../common/scalars.js';
import { BiometricTemplate } from './biometric-template.entity.js';
import { Card } from './card.entity.js';
import { CardStatus, PersonStatus } from './identity.enums.js';
import { IdentityErrors } from './identity.errors.js';
import { PersonOffboarded } from './identity.events.js';
import { Person } from './person.entity.js';
import { personSnapshot } from './person.snapshot.js';
import { personInScope } from './person-scope.js';
import { Vehicle } from './vehicle.entity.js';
import { WechatBinding } from './wechat-binding.entity.js';

@ObjectType({ description: '离职/退场结果' })
export class OffboardSummary {
  @Field(() => Person)
  person!: Person;
  @Field(() => DateTimeScalar)
  exitAt!: Date;
  @Field(() => Int)
  cardsVoided!: number;
  @Field(() => Int)
  grantsRevoked!: number;
  @Field(() => Int)
  vehiclesUnbound!: number;
  @Field(() => Int)
  wechatUnbound!: number;
  @Field(() => Int)
  accountsDisabled!: number;
  @Field(() => Int)
  biometricsDeleted!: number;
}

/**
 * 离职/退场 in one transaction: the person and everything that lets them in or pay goes at once.
 * Devices learn of it from the PersonOffboarded event and report back when they have dropped it.
 */
export async function offboardPerson(
  ctx: RequestContext,
  id: string,
  reason: string,
): Promise<OffboardSummary> {
  if (!reason.trim()) throw validation('请填写离职/退场原因', 'reason');
  return inTransaction(ctx, async (tx) => {
    const person = await personInScope(tx, id);
    if (person.status === PersonStatus.INACTIVE) throw IdentityErrors.personInactive();
    const before = personSnapshot(person);
    const exitAt = new Date();
    const em = tx.em;
    const cards = await em.find(Card, { person: id, status: { $in: [CardStatus.ACTIVE, CardStatus.LOST] } });
    const vehicles = await em.find(Vehicle, { person: id, active: true });
    const accounts = await em.find(UserAccount, { person: id, disabled: false });
    const summary: OffboardSummary = {
      person,
      exitAt,
      cardsVoided: cards.length,
      vehiclesUnbound: vehicles.length,
      accountsDisabled: accounts.length,
      grantsRevoked: await em.nativeUpdate(
        AccessGrant,
        { person: id, revokedAt: null },
        { revokedAt: exitAt, revokedReason: `离职/退场：${reason}` },
      ),
      wechatUnbound: await em.nativeUpdate(
        WechatBinding,
        { person: id, unboundAt: null },
        { unboundAt: exitAt },
      ),
      biometricsDeleted: await em.nativeDelete(BiometricTemplate, { person: id }),
    };
    for (const c of cards) Object.assign(c, { status: CardStatus.VOIDED, voidedAt: exitAt });
    for (const v of vehicles) v.active = false;
    for (const a of accounts) a.disabled = true;
    if (accounts.length) {
      await em.nativeUpdate(
        RefreshToken,
        { account: { $in: accounts.map((a) => a.id) }, revokedAt: null },
        { revokedAt: exitAt },
      );
    }
    person.status = PersonStatus.INACTIVE;
    person.exitAt = exitAt;
    person.exitDate = exitAt.toISOString().slice(0, 10);
    const { person: _p, ...counts } = summary;
    await recordAudit(tx, {
      action: 'PERSON_OFFBOARD',
      entityType: 'Person',
      entityId: id,
      before,
      after: {
        ...personSnapshot(person),
        reason,
        ...counts,
        cards: cards.map((c) => c.number),
        plates: vehicles.map((v) => v.plate),
      },
    });
    tx.emit?.(
      new PersonOffboarded(
        id,
        exitAt,
        cards.map((c) => c.number),
        vehicles.map((v) => v.plate),
      ),
    );
    return summary;
  });
}
