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
