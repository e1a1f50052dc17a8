import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { DateTimeScalar } from '../common/scalars.js';

/**
 * A person 保卫部 refuses visits to (观察名单). The ID number is kept only as a keyed hash (HMAC with
 * the data key) to match bookings against, plus its masked form to show: the list itself never
 * discloses whom it names.
 */
@ObjectType({ description: '观察名单（黑名单）条目', simpleResolvers: true })
@Entity()
@Index({ properties: ['idHash'] })
export class WatchlistEntry extends BaseEntity<'active'> {
  @Property({ type: 'string', length: 64, hidden: true })
  idHash!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 18 })
  idNumberMasked!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 50, nullable: true })
  name?: string | null;

  @Field(() => String, { description: '原因（仅保卫部可见）' })
  @Property({ type: 'string', length: 200 })
  reason!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '有效期至；空为长期' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  until?: Date | null;

  @Field(() => String, { nullable: true, description: '登记人' })
  @Property({ type: 'string', nullable: true })
  createdBy?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', length: 3, nullable: true })
  removedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  removedBy?: string | null;

  @Field(() => Boolean, { description: '此刻是否生效（未移除且未到期）' })
  get active(): boolean {
    return !this.removedAt && (!this.until || this.until.getTime() > Date.now());
  }
}
