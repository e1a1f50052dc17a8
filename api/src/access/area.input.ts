import { Field, ID, InputType, Int } from 'type-graphql';
import { AntiPassbackMode, FailMode, PassageKind, SecurityLevel } from './access.enums.js';

@InputType()
export class AreaInput {
  @Field(() => String)
  name!: string;
  @Field(() => String)
  code!: string;
  @Field(() => SecurityLevel)
  securityLevel!: SecurityLevel;
  @Field(() => ID, { nullable: true })
  parentId?: string | null;
  @Field(() => Boolean, { nullable: true, description: '默认：重点区域否，其余是' })
  postDefaultsApply?: boolean | null;
  @Field(() => Int, { nullable: true })
  maxOccupancy?: number | null;
  @Field(() => AntiPassbackMode, {
    nullable: true,
    description: '默认：重点区域 HARD，生产区 SOFT，其余 OFF',
  })
  antiPassback?: AntiPassbackMode | null;
  @Field(() => Int, { nullable: true })
  twoPersonWithinSeconds?: number | null;
  @Field(() => [String], { nullable: true })
  requiredQualifications?: string[] | null;
  @Field(() => Boolean, {
    nullable: true,
    description: '访客须由被访人陪同进入（默认否）；间隔默认取 VISIT_ESCORT_SECONDS',
  })
  escortRequired?: boolean | null;
  @Field(() => Int, { nullable: true, description: '陪同间隔（秒），覆盖默认值' })
  escortWithinSeconds?: number | null;
}

@InputType()
export class PassagePointInput {
  @Field(() => String)
  name!: string;
  @Field(() => String)
  code!: string;
  @Field(() => PassageKind)
  kind!: PassageKind;
  @Field(() => ID)
  fromAreaId!: string;
  @Field(() => ID)
  toAreaId!: string;
  @Field(() => FailMode, { nullable: true, description: '默认：进入重点区域 SECURE，其余 SAFE（消防疏散）' })
  failMode?: FailMode | null;
  @Field(() => String, { nullable: true })
  interlockGroup?: string | null;
  @Field(() => Boolean, { nullable: true })
  firstCardNormalOpen?: boolean | null;
}
