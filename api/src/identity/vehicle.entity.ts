import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { DateTimeScalar } from '../common/scalars.js';
import { VehicleType } from './identity.enums.js';
import { Person } from './person.entity.js';

/**
 * A vehicle registered to a person. A plate is unique among active vehicles (partial index). A
 * visitor's car is registered only for the visit: validFrom/validUntil bound it for parking; staff
 * vehicles have no window.
 */
@ObjectType({ description: '车辆', simpleResolvers: true })
@Entity()
export class Vehicle extends BaseEntity<'type' | 'newEnergy' | 'active' | 'personId'> {
  @Field(() => String)
  @Property({ type: 'string' })
  plate!: string;

  @Field(() => VehicleType)
  @Enum({ items: () => VehicleType, type: 'string' })
  type: VehicleType = VehicleType.CAR;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  newEnergy: boolean = false;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  active: boolean = true;

  @ManyToOne(() => Person, { ref: true, index: true })
  person!: Ref<Person>;

  @Field(() => DateTimeScalar, { nullable: true, description: '登记有效期起（访客车辆随访问时段）' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  validFrom?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '登记有效期止' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  validUntil?: Date | null;

  @Field(() => ID)
  get personId(): string {
    return this.person.id;
  }
}
