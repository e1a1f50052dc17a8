import { Field, ID, InputType } from 'type-graphql';
import { DateTimeScalar } from '../common/scalars.js';

@InputType({ description: '同行人：须实名' })
export class CompanionInput {
  @Field(() => String)
  name!: string;
  @Field(() => String)
  idNumber!: string;
  @Field(() => String, { nullable: true })
  phone?: string | null;
}

@InputType({ description: '访客在小程序预约' })
export class BookVisitInput {
  @Field(() => ID)
  hostId!: string;
  @Field(() => String)
  purpose!: string;
  @Field(() => DateTimeScalar)
  validFrom!: Date;
  @Field(() => DateTimeScalar)
  validUntil!: Date;
  @Field(() => [ID], { nullable: true, description: '不填或为空：默认（办公）区域' })
  areaIds?: string[] | null;
  @Field(() => String)
  name!: string;
  @Field(() => String)
  idNumber!: string;
  @Field(() => String)
  phone!: string;
  @Field(() => String, { nullable: true })
  company?: string | null;
  @Field(() => String, { nullable: true })
  plate?: string | null;
  @Field(() => [CompanionInput], { nullable: true })
  companions?: CompanionInput[] | null;
  @Field(() => String, { nullable: true, description: 'JPEG/PNG，base64；须 photoConsent: true' })
  photoBase64?: string | null;
  @Field(() => Boolean, { nullable: true })
  photoConsent?: boolean | null;
}

@InputType({ description: '门岗登记现场来访（从现在起至 validUntil）' })
export class WalkInInput {
  @Field(() => String)
  name!: string;
  @Field(() => String)
  idNumber!: string;
  @Field(() => String, { nullable: true })
  phone?: string | null;
  @Field(() => ID)
  hostId!: string;
  @Field(() => String)
  purpose!: string;
  @Field(() => DateTimeScalar)
  validUntil!: Date;
  @Field(() => [ID], { nullable: true })
  areaIds?: string[] | null;
  @Field(() => String, { nullable: true })
  plate?: string | null;
  @Field(() => [CompanionInput], { nullable: true })
  companions?: CompanionInput[] | null;
  @Field(() => String, { nullable: true, description: '来访单位' })
  company?: string | null;
}

@InputType({ description: '加入观察名单' })
export class WatchlistInput {
  @Field(() => String)
  idNumber!: string;
  @Field(() => String, { nullable: true })
  name?: string | null;
  @Field(() => String)
  reason!: string;
  @Field(() => DateTimeScalar, { nullable: true })
  until?: Date | null;
}

@InputType({ description: '被访人（或保卫部）指定陪同人：进入须陪同的区域时，被访人或陪同人之一须先通过' })
export class AssignVisitEscortsInput {
  @Field(() => ID)
  visitId!: string;
  @Field(() => [ID], { description: '在职员工；为空则只有被访人本人可陪同' })
  escortIds!: string[];
}
