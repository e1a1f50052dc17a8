import { DenyReason } from '@park/core';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../common/scalars.js';
import { PassageDirection } from './decide-access.types.js';

export enum AccessResult {
  GRANTED = 'GRANTED',
  DENIED = 'DENIED',
}
registerEnumType(AccessResult, { name: 'AccessResult' });

export enum CredentialKind {
  CARD = 'CARD',
  QR = 'QR',
  FACE = 'FACE',
}
registerEnumType(CredentialKind, { name: 'CredentialKind' });

@InputType({ description: '设备上报的一次通行（放行或拒绝）；(deviceId, seq) 唯一，重复上报只记一次' })
export class DeviceEventInput {
  @Field(() => String)
  deviceId!: string;
  @Field(() => Float, { description: '设备本地序号（整数）' })
  seq!: number;
  @Field(() => DateTimeScalar)
  occurredAt!: Date;
  @Field(() => ID, { nullable: true })
  passagePointId?: string | null;
  @Field(() => PassageDirection, { nullable: true })
  direction?: PassageDirection | null;
  @Field(() => ID, { nullable: true })
  personId?: string | null;
  @Field(() => CredentialKind, { nullable: true })
  credentialKind?: CredentialKind | null;
  @Field(() => String, { nullable: true, description: '卡号或通行码编号（jti）' })
  credentialRef?: string | null;
  @Field(() => AccessResult)
  result!: AccessResult;
  @Field(() => DenyReason, { nullable: true })
  reason?: DenyReason | null;
  @Field(() => Boolean, { defaultValue: false, description: '网络中断时由网关离线判定' })
  decidedOffline!: boolean;
  @Field(() => Boolean, { defaultValue: false })
  antiPassbackViolation!: boolean;
}

@ObjectType()
export class IngestResult {
  @Field(() => Int, { description: '新记入的事件数' })
  accepted!: number;
  @Field(() => Int, { description: '已记入过而忽略的事件数' })
  duplicates!: number;
}

@ObjectType({ description: '通行记录' })
export class AccessEventView {
  @Field(() => ID)
  id!: string;
  @Field(() => DateTimeScalar)
  occurredAt!: Date;
  @Field(() => String)
  deviceId!: string;
  @Field(() => Float)
  seq!: number;
  @Field(() => ID, { nullable: true })
  passagePointId!: string | null;
  @Field(() => PassageDirection, { nullable: true })
  direction!: PassageDirection | null;
  @Field(() => ID, { nullable: true })
  personId!: string | null;
  @Field(() => String, { nullable: true })
  personName!: string | null;
  @Field(() => AccessResult)
  result!: AccessResult;
  @Field(() => DenyReason, { nullable: true })
  reason!: DenyReason | null;
  @Field(() => Boolean)
  decidedOffline!: boolean;
}

@InputType()
export class AccessEventFilter {
  @Field(() => ID, { nullable: true })
  personId?: string | null;
  @Field(() => ID, { nullable: true })
  passagePointId?: string | null;
  @Field(() => ID, { nullable: true, description: '进出该区域（含下级）的通行点' })
  areaId?: string | null;
  @Field(() => AccessResult, { nullable: true })
  result?: AccessResult | null;
  @Field(() => DateTimeScalar, { nullable: true })
  from?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true })
  to?: Date | null;
}

@ObjectType({ description: '此刻在区域内的人员' })
export class PresenceView {
  @Field(() => ID)
  personId!: string;
  @Field(() => String)
  personName!: string;
  @Field(() => ID)
  areaId!: string;
  @Field(() => DateTimeScalar)
  since!: Date;
}
