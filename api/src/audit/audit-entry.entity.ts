import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../common/scalars.js';

/**
 * Append-only, hash-chained audit entry. The database refuses UPDATE, DELETE and TRUNCATE on this
 * table (see the migration). `hash` = SHA-256 over the canonical JSON of every other column plus
 * `prevHash`, so editing any stored entry breaks the chain at that entry.
 */
@ObjectType({ description: '审计日志条目' })
@Entity()
@Index({ properties: ['entityType', 'entityId'] })
export class AuditEntry {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => Int)
  @Property({ type: new BigIntType('number'), unique: true })
  seq!: number;

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime', length: 3 })
  at!: Date;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  actorId?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  actorName?: string | null;

  @Field(() => String)
  @Index()
  @Property({ type: 'string' })
  action!: string;

  @Field(() => String)
  @Property({ type: 'string' })
  entityType!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  entityId?: string | null;

  @Property({ type: 'json', nullable: true })
  before?: Record<string, unknown> | null;

  @Property({ type: 'json', nullable: true })
  after?: Record<string, unknown> | null;

  @Field(() => String)
  @Property({ type: 'string' })
  prevHash!: string;

  @Field(() => String)
  @Property({ type: 'string' })
  hash!: string;
}
