import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { DateTimeScalar } from '../common/scalars.js';
import { Device } from './device.entity.js';
import { DeviceCommandKind, DeviceCommandStatus } from './devices.enums.js';

/**
 * A command for one device, stored before it is sent: the bridge acknowledges it by id and, after
 * every reconnect, receives again whatever it has not acknowledged. The subscription is only the fast
 * path. A command not done by `expiresAt` is dropped: a remote open must not fire an hour late.
 */
@ObjectType({ description: '设备指令', simpleResolvers: true })
@Entity()
@Index({ properties: ['status', 'expiresAt'] })
export class DeviceCommand extends BaseEntity<'status' | 'attempts'> {
  @ManyToOne(() => Device, { ref: true })
  device!: Ref<Device>;

  @Field(() => String, { description: '设备编码' })
  @Property({ type: 'string' })
  deviceCode!: string;

  @Field(() => String)
  @Property({ type: 'string' })
  siteId!: string;

  @Field(() => DeviceCommandKind)
  @Enum({ items: () => DeviceCommandKind, type: 'string' })
  kind!: DeviceCommandKind;

  @Field(() => String, { description: '原因（远程开门必填）' })
  @Property({ type: 'string' })
  reason!: string;

  @Field(() => String, { nullable: true, description: '发起人' })
  @Property({ type: 'string', nullable: true })
  requestedBy?: string | null;

  @Field(() => DeviceCommandStatus)
  @Enum({ items: () => DeviceCommandStatus, type: 'string' })
  status: DeviceCommandStatus = DeviceCommandStatus.PENDING;

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime', length: 3 })
  expiresAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', length: 3, nullable: true })
  completedAt?: Date | null;

  @Field(() => String, { nullable: true, description: '设备或网关的回复' })
  @Property({ type: 'string', nullable: true })
  result?: string | null;
}
