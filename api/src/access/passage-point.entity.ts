import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { FailMode, PassageKind } from './access.enums.js';
import { Area } from './area.entity.js';

/**
 * A place where people cross from one area into another: a door, a turnstile lane, a barrier gate,
 * an elevator. IN means entering `toArea`; OUT means leaving it back to `fromArea`.
 */
@ObjectType({ description: '通行点', simpleResolvers: true })
@Entity()
export class PassagePoint extends BaseEntity<'failMode' | 'firstCardNormalOpen' | 'fromAreaId' | 'toAreaId'> {
  @Field(() => String)
  @Property({ type: 'string' })
  name!: string;

  @Field(() => String)
  @Property({ type: 'string', unique: true })
  code!: string;

  @Field(() => PassageKind)
  @Enum({ items: () => PassageKind, type: 'string' })
  kind!: PassageKind;

  @ManyToOne(() => Area, { ref: true })
  fromArea!: Ref<Area>;

  @ManyToOne(() => Area, { ref: true })
  toArea!: Ref<Area>;

  @Field(() => FailMode)
  @Enum({ items: () => FailMode, type: 'string' })
  failMode: FailMode = FailMode.SECURE;

  /** Doors of one interlock group (mantrap) open one at a time. */
  @Field(() => String, { nullable: true, description: '互锁组：同组的门同一时间只能开一扇' })
  @Property({ type: 'string', nullable: true })
  interlockGroup?: string | null;

  @Field(() => Boolean, { description: '首卡常开：当日首位授权人员通过后保持常开（如上班时段的办公楼）' })
  @Property({ type: 'boolean' })
  firstCardNormalOpen: boolean = false;

  @Field(() => ID)
  get fromAreaId(): string {
    return this.fromArea.id;
  }

  @Field(() => ID)
  get toAreaId(): string {
    return this.toArea.id;
  }
}
