import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { PassagePoint } from '../access/passage-point.entity.js';
import { BaseEntity } from '../common/base.entity.js';
import { DateTimeScalar } from '../common/scalars.js';
import { Device } from './device.entity.js';
import { AlarmKind, AlarmStatus } from './devices.enums.js';

/**
 * A door or device alarm, raised once per cause (`dedupeKey`: the device event that reported it, or
 * the condition that was detected) and worked through OPEN → ACKNOWLEDGED → CLOSED by security.
 */
@ObjectType({ description: '告警', simpleResolvers: true })
@Entity()
@Index({ properties: ['status', 'raisedAt'] })
export class Alarm extends BaseEntity<'status' | 'passagePointId'> {
  @Field(() => AlarmKind)
  @Enum({ items: () => AlarmKind, type: 'string' })
  kind!: AlarmKind;

  @Property({ type: 'string', unique: true })
  dedupeKey!: string;

  @ManyToOne(() => Device, { ref: true, nullable: true })
  device?: Ref<Device> | null;

  @Field(() => String, { description: '设备编码' })
  @Property({ type: 'string' })
  deviceCode!: string;

  @ManyToOne(() => PassagePoint, { ref: true, nullable: true })
  passagePoint?: Ref<PassagePoint> | null;

  @Field(() => String, { description: '告警说明' })
  @Property({ type: 'string' })
  message!: string;

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime', length: 3 })
  raisedAt!: Date;

  @Field(() => AlarmStatus)
  @Enum({ items: () => AlarmStatus, type: 'string' })
  status: AlarmStatus = AlarmStatus.OPEN;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  acknowledgedBy?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', length: 3, nullable: true })
  acknowledgedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  closedBy?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', length: 3, nullable: true })
  closedAt?: Date | null;

  @Field(() => String, { nullable: true, description: '处置说明' })
  @Property({ type: 'string', nullable: true })
  note?: string | null;

  @Field(() => ID, { nullable: true })
  get passagePointId(): string | null {
    return this.passagePoint?.id ?? null;
  }
}
