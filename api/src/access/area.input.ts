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
