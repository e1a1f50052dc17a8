import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { DateTimeScalar } from '../common/scalars.js';
import { CardStatus } from './identity.enums.js';
import { Person } from './person.entity.js';

/**
 * A physical card. A number is taken while its card is ACTIVE or LOST, and for good once the card
 * was lost and not handed back (replacing or voiding a lost card does not bring it back); a
 * returned card's number may be issued again. See NUMBER_TAKEN and its partial unique index.
 */
@ObjectType({ description: '卡', simpleResolvers: true })
@Entity()
export class Card extends BaseEntity<'status' | 'issuedAt' | 'personId'> {
  @Field(() => String)
  @Index()
  @Property({ type: 'string' })
  number!: string;

  @Field(() => CardStatus)
  @Enum({ items: () => CardStatus, type: 'string' })
  status: CardStatus = CardStatus.ACTIVE;

  @ManyToOne(() => Person, { ref: true, index: true })
  person!: Ref<Person>;

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime', length: 3 })
  issuedAt: Date = new Date();

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', length: 3, nullable: true })
  lostAt?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', length: 3, nullable: true })
  returnedAt?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', length: 3, nullable: true })
  voidedAt?: Date | null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  replacedById?: string | null;

  @Field(() => ID)
  get personId(): string {
    return this.person.id;
  }
}
