import { DenyReason } from '@park/core';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { SecurityLevel } from '../access/access.enums.js';
import { AccessResult } from '../access/access-event.types.js';
import { PassageDirection } from '../access/decide-access.types.js';
import { PassCodeView } from '../access/pass.service.js';
import { DateTimeScalar } from '../common/scalars.js';

@ObjectType({ description: '访客可见的被访人信息：仅姓名与部门' })
export class VisitHost {
  @Field(() => ID)
  id!: string;
  @Field(() => String)
  name!: string;
  @Field(() => String, { nullable: true })
  department!: string | null;
}

@ObjectType({ description: '访客可申请的区域；生产区域还须保卫部审批' })
export class VisitArea {
  @Field(() => ID)
  id!: string;
  @Field(() => String)
  name!: string;
  @Field(() => SecurityLevel)
  securityLevel!: SecurityLevel;
  @Field(() => Boolean, { description: '按审批策略须保卫部审批' })
  needsSecurity!: boolean;
  @Field(() => Boolean, { description: '须由被访人陪同进入' })
  escortRequired!: boolean;
  @Field(() => Boolean, { description: '未选区域时默认申请' })
  isDefault!: boolean;
}

@ObjectType({ description: '来访人员（访客本人或同行人）' })
export class VisitParticipant {
  @Field(() => ID)
  personId!: string;
  @Field(() => String)
  name!: string;
  @Field(() => String)
  idNumberMasked!: string;
  @Field(() => Boolean)
  companion!: boolean;
}

@ObjectType({ description: '回访访客的预填信息，取自其唯一的人员档案' })
export class VisitorProfile {
  @Field(() => String)
  name!: string;
  @Field(() => String, { nullable: true })
  idNumberMasked!: string | null;
  @Field(() => String, { nullable: true })
  phone!: string | null;
  @Field(() => String, { nullable: true, description: '上次来访填写的单位' })
  company!: string | null;
  @Field(() => String, { nullable: true, description: '上次来访填写的车牌' })
  plate!: string | null;
  @Field(() => Boolean)
  hasPhoto!: boolean;
}

@ObjectType({ description: '访客轨迹的一条：一次通行或拒绝' })
export class TrailEntry {
  @Field(() => DateTimeScalar)
  at!: Date;
  @Field(() => ID, { nullable: true })
  personId!: string | null;
  @Field(() => String)
  personName!: string;
  @Field(() => String, { nullable: true })
  passagePointName!: string | null;
  @Field(() => String, { nullable: true, description: '进入或离开的区域' })
  areaName!: string | null;
  @Field(() => PassageDirection, { nullable: true })
  direction!: PassageDirection | null;
  @Field(() => AccessResult)
  result!: AccessResult;
  @Field(() => DenyReason, { nullable: true })
  reason!: DenyReason | null;
  @Field(() => String, { nullable: true, description: '拒绝原因的中文说明' })
  message!: string | null;
}

@ObjectType({ description: '一次访问中一个人（访客本人或同行人）的动态通行码' })
export class VisitPass {
  @Field(() => ID)
  personId!: string;
  @Field(() => String)
  name!: string;
  @Field(() => [PassCodeView])
  codes!: PassCodeView[];
}

@ObjectType({ description: '访客预约审核线上化比例（白皮书目标 ≥90%）' })
export class OnlineReviewRatio {
  @Field(() => Float, { nullable: true, description: '无访问时为空' })
  ratio!: number | null;
  @Field(() => Float)
  target!: number;
  @Field(() => Boolean)
  meetsTarget!: boolean;
  @Field(() => Int, { description: '经线上审批（通过或驳回）的访问数' })
  decidedOnline!: number;
  @Field(() => Int, { description: '期间内的访问数（审批前即撤回的不计）' })
  total!: number;
}
