import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { DateTimeScalar } from '../common/scalars.js';
import { Person } from '../identity/person.entity.js';
import { GrantSource } from './access.enums.js';
import { Area } from './area.entity.js';
import { Schedule } from './schedule.entity.js';

/**
 * A grant of one area to one person, with an optional window. Whether it holds is decided at
 * decision time from validFrom/validUntil/revokedAt, never by a job flipping a flag.
 */
@ObjectType({ description: '通行授权', simpleResolvers: true })
@Entity()
@Index({ properties: ['person', 'revokedAt'] })
export class AccessGrant extends BaseEntity {
  @ManyToOne(() => Person, { ref: true })
  person!: Ref<Person>;

  @ManyToOne(() => Area, { ref: true, index: true })
  area!: Ref<Area>;

  @Field(() => GrantSource)
  @Enum({ items: () => GrantSource, type: 'string' })
  source!: GrantSource;

  @ManyToOne(() => Schedule, { ref: true, nullable: true })
  schedule?: Ref<Schedule> | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', length: 3, nullable: true })
  validFrom?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', length: 3, nullable: true })
  validUntil?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', length: 3, nullable: true })
  revokedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  revokedReason?: string | null;

  /** A visit's grant: areas marked "escort required" open only right behind one of these people. */
  @Field(() => [ID], { nullable: true, description: '陪同人（访客授权：须由被访人陪同进入的区域）' })
  @Property({ type: 'uuid[]', columnType: 'uuid[]', nullable: true })
  escortIds?: string[] | null;
}
