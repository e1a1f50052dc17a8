import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PassageDirection } from '../access/decide-access.types.js';
import { DateTimeScalar } from '../common/scalars.js';
import { AlarmKind, DeviceCommandKind, DeviceKind } from './devices.enums.js';

@InputType()
export class RegisterDeviceInput {
  @Field(() => String, { description: '设备编码，即 MQTT 主题中的设备号' })
  code!: string;
  @Field(() => String)
  name!: string;
  @Field(() => DeviceKind)
  kind!: DeviceKind;
  @Field(() => String, { defaultValue: 'generic-json' })
  driver!: string;
  @Field(() => String, { description: '站点编码（网关 SITE_ID）' })
  siteId!: string;
  @Field(() => ID, { nullable: true })
  passagePointId?: string | null;
  @Field(() => PassageDirection, { nullable: true })
  direction?: PassageDirection | null;
}

@InputType()
export class SendDeviceCommandInput {
  @Field(() => ID)
  deviceId!: string;
  @Field(() => DeviceCommandKind)
  kind!: DeviceCommandKind;
  @Field(() => String, { description: '原因，写入审计日志' })
  reason!: string;
}

@InputType({ description: '网关心跳中一台设备的状态' })
export class DeviceStatusInput {
  @Field(() => String)
  code!: string;
  @Field(() => Boolean)
  online!: boolean;
}

@ObjectType()
export class DeviceStatusResult {
  @Field(() => Int)
  updated!: number;
  @Field(() => [String], { description: '未登记的设备编码' })
  unknown!: string[];
}

@InputType({ description: '设备上报的告警；(deviceId, seq) 唯一' })
export class DeviceAlarmInput {
  @Field(() => String, { description: '设备编码' })
  deviceId!: string;
  @Field(() => Float)
  seq!: number;
  @Field(() => DateTimeScalar)
  occurredAt!: Date;
  @Field(() => AlarmKind)
  kind!: AlarmKind;
  @Field(() => String, { nullable: true })
  detail?: string | null;
}

@ObjectType({ description: '门禁设备在线率（按时间加权，白皮书目标 ≥99%）' })
export class DeviceOnlineRate {
  @Field(() => Float, { nullable: true, description: '期间内无设备时为空' })
  ratio!: number | null;
  @Field(() => Float)
  target!: number;
  @Field(() => Boolean)
  meetsTarget!: boolean;
  @Field(() => Float)
  onlineSeconds!: number;
  @Field(() => Float)
  totalSeconds!: number;
  @Field(() => Int)
  devices!: number;
}
