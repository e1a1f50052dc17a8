import { DenyReason } from '@park/core';
import { createUnionType, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../common/scalars.js';

export enum PassageDirection {
  IN = 'IN',
  OUT = 'OUT',
}
registerEnumType(PassageDirection, {
  name: 'PassageDirection',
  description: 'IN 进入通行点的目标区域；OUT 离开',
});
registerEnumType(DenyReason, {
  name: 'AccessDenyReason',
  description: '拒绝通行的原因（闸机与服务器共用一套）',
});

@InputType()
export class DecideAccessInput {
  @Field(() => ID)
  passagePointId!: string;
  @Field(() => PassageDirection)
  direction!: PassageDirection;
  @Field(() => String, { nullable: true, description: '刷卡：卡号' })
  cardNumber?: string | null;
  @Field(() => String, { nullable: true, description: '扫码：动态通行码内容' })
  qrToken?: string | null;
  @Field(() => ID, { nullable: true, description: '已由设备核验身份（人脸）时：人员 id' })
  personId?: string | null;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: '判定时刻，默认现在（用于补传离线事件的复核）',
  })
  at?: Date | null;
}

@ObjectType({ description: '准许通行' })
export class AccessGranted {
  @Field(() => ID)
  personId!: string;
  @Field(() => String)
  personName!: string;
  @Field(() => ID, { nullable: true, description: '据以放行的授权' })
  grantId!: string | null;
  @Field(() => Boolean, { description: '违反防回传但按 SOFT 策略放行（须告警）' })
  antiPassbackViolation!: boolean;
}

@ObjectType({ description: '拒绝通行：原因代码与中文提示' })
export class AccessDenied {
  @Field(() => DenyReason)
  code!: DenyReason;
  @Field(() => String)
  message!: string;
  @Field(() => ID, { nullable: true })
  personId!: string | null;
}

export const AccessDecision = createUnionType({
  name: 'AccessDecision',
  types: () => [AccessGranted, AccessDenied] as const,
  resolveType: (v) => ('code' in v ? AccessDenied : AccessGranted),
});
