import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../common/base.entity.js';
import { Person } from './person.entity.js';

/** openid (per mini-program) / unionid (per WeChat open platform account) → person. */
@Entity()
export class WechatBinding extends BaseEntity {
  @Property({ type: 'string' })
  openid!: string;

  @Property({ type: 'string', nullable: true })
  unionid?: string | null;

  @ManyToOne(() => Person, { ref: true, index: true })
  person!: Ref<Person>;

  @Property({ type: 'datetime', length: 3, nullable: true })
  unboundAt?: Date | null;
}
