import { DateType, Entity, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { LocalDateScalar } from '../common/scalars.js';

export enum CalendarDayKind {
  HOLIDAY = 'HOLIDAY',
  WORKDAY = 'WORKDAY',
}
registerEnumType(CalendarDayKind, {
  name: 'CalendarDayKind',
  description: 'HOLIDAY 法定节假日（放假）；WORKDAY 调休上班日（周末上班）',
});

/**
 * A day that departs from the weekly rhythm: a statutory holiday or a make-up working day (调休).
 * Admins enter them each year from the State Council's notice; nothing is hard-coded.
 */
@ObjectType({ description: '节假日与调休日', simpleResolvers: true })
@Entity()
export class CalendarDay extends BaseEntity {
  @Field(() => LocalDateScalar)
  @Property({ type: DateType, unique: true })
  date!: string;

  @Field(() => CalendarDayKind)
  @Enum({ items: () => CalendarDayKind, type: 'string' })
  kind!: CalendarDayKind;

  @Field(() => String, { description: '如「春节」「国庆节调休」' })
  @Property({ type: 'string' })
  name!: string;
}
