import { parsePlate } from '@park/core';
import { Field, ID, InputType } from 'type-graphql';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type RequestContext } from '../common/context.js';
import { PersonStatus, VehicleType } from './identity.enums.js';
import { IdentityErrors } from './identity.errors.js';
import { personInScope } from './person-scope.js';
import { Vehicle } from './vehicle.entity.js';

@InputType()
export class VehicleInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => String, { description: '车牌号，支持新能源号牌' })
  plate!: string;

  @Field(() => VehicleType, { defaultValue: VehicleType.CAR })
  type: VehicleType = VehicleType.CAR;
}

export async function registerVehicle(ctx: RequestContext, input: VehicleInput): Promise<Vehicle> {
  return inTransaction(ctx, async (tx) => {
    const person = await personInScope(tx, input.personId);
    if (person.status !== PersonStatus.ACTIVE) throw IdentityErrors.personInactive();
    const parsed = parsePlate(input.plate);
    if (!parsed) throw IdentityErrors.badPlate();
    if (await tx.em.count(Vehicle, { plate: parsed.plate, active: true }))
      throw IdentityErrors.duplicatePlate(parsed.plate);
    const v = tx.em.create(Vehicle, {
      plate: parsed.plate,
      newEnergy: parsed.newEnergy,
      type: input.type,
      person,
    });
    await recordAudit(tx, {
      action: 'VEHICLE_REGISTER',
      entityType: 'Vehicle',
      entityId: v.id,
      after: { plate: v.plate, type: v.type, personId: person.id },
    });
    return v;
  });
}

/** The person holding `plate` on an active vehicle, or null when it is free. */
export async function activePlateHolder(ctx: RequestContext, plate: string): Promise<string | null> {
  const v = await ctx.em.findOne(Vehicle, { plate, active: true }, { fields: ['person'] });
  return v?.person.id ?? null;
}

/**
 * A visitor's car for parking, bound to a window: registered (or moved to the new window) when
 * `window` is given, retired when it is null. A vehicle registered without a window (a staff or
 * contractor car) is never touched, nor a plate held by somebody else. Inside the caller's
 * transaction; returns the vehicle when one is registered for the window.
 */
export async function setWindowedVehicle(
  ctx: RequestContext,
  personId: string,
  plate: string,
  window: { from: Date; until: Date } | null,
  because: Record<string, unknown> = {},
): Promise<Vehicle | null> {
  return inTransaction(ctx, async (tx) => {
    const parsed = parsePlate(plate);
    if (!parsed) return null;
    const held = await tx.em.findOne(Vehicle, { plate: parsed.plate, active: true });
    if (held && (held.person.id !== personId || (!held.validFrom && !held.validUntil))) return null;
    if (!window) {
      if (!held) return null;
      held.active = false;
      await recordAudit(tx, {
        action: 'VEHICLE_DEACTIVATE',
        entityType: 'Vehicle',
        entityId: held.id,
        after: { plate: held.plate, personId, ...because },
      });
      return null;
    }
    const vehicle =
      held ??
      tx.em.create(Vehicle, {
        plate: parsed.plate,
        newEnergy: parsed.newEnergy,
        type: VehicleType.CAR,
        person: personId,
      });
    if (
      held &&
      held.validFrom?.getTime() === window.from.getTime() &&
      held.validUntil?.getTime() === window.until.getTime()
    )
      return held;
    vehicle.validFrom = window.from;
    vehicle.validUntil = window.until;
    await recordAudit(tx, {
      action: held ? 'VEHICLE_UPDATE' : 'VEHICLE_REGISTER',
      entityType: 'Vehicle',
      entityId: vehicle.id,
      after: { plate: vehicle.plate, personId, validFrom: window.from, validUntil: window.until, ...because },
    });
    return vehicle;
  });
}
