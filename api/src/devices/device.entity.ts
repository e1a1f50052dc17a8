import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { PassageDirection } from '../access/decide-access.types.js';
import { PassagePoint } from '../access/passage-point.entity.js';
import { BaseEntity } from '../common/base.entity.js';
import { DateTimeScalar } from '../common/scalars.js';
import { DeviceKind } from './devices.enums.js';

/**
 * A physical device a site's bridge speaks to. `code` is its id on the MQTT topics
 * (`park/{site}/dev/{code}/…`) and in every event it reports.
 */
@ObjectType({ description: '设备', simpleResolvers: true })
@Entity()
@Index({ properties: ['siteId'] })
export class Device extends BaseEntity<'online' | 'passagePointId' | 'enabled'> {
  @Field(() => String, { description: '设备编码（MQTT 主题中的设备号）' })
  @Property({ type: 'string', unique: true })
  code!: string;

  @Field(() => String)
  @Property({ type: 'string' })
  name!: string;

  @Field(() => DeviceKind)
  @Enum({ items: () => DeviceKind, type: 'string' })
  kind!: DeviceKind;

  @Field(() => String, { description: '驱动：simulator、generic-json 等' })
  @Property({ type: 'string' })
  driver!: string;

  @Field(() => String, { description: '站点（每个站点一个网关）' })
  @Property({ type: 'string' })
  siteId!: string;

  @ManyToOne(() => PassagePoint, { ref: true, nullable: true })
  passagePoint?: Ref<PassagePoint> | null;

  @Field(() => PassageDirection, { nullable: true, description: '只管进或只管出；空为双向' })
  @Enum({ items: () => PassageDirection, type: 'string', nullable: true })
  direction?: PassageDirection | null;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  enabled: boolean = true;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  online: boolean = false;

  @Field(() => DateTimeScalar, { nullable: true, description: '最近一次心跳或上报' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  lastSeenAt?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '当前在线/离线状态开始的时间' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  stateSince?: Date | null;

  @Field(() => ID, { nullable: true })
  get passagePointId(): string | null {
    return this.passagePoint?.id ?? null;
  }
}
