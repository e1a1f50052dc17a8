import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '../common/scalars.js';
import { Gender, PersonStatus, PersonType } from './identity.enums.js';

@InputType({ description: '人员信息；新建时姓名与类型必填，修改时只改传入的字段' })
export class PersonInput {
  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => Gender, { nullable: true })
  gender?: Gender;

  @Field(() => String, { nullable: true })
  idNumber?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  employeeNo?: string | null;

  @Field(() => String, { nullable: true })
  photoUrl?: string | null;

  @Field(() => PersonType, { nullable: true })
  type?: PersonType;

  @Field(() => ID, { nullable: true })
  orgUnitId?: string | null;

  @Field(() => ID, { nullable: true })
  postId?: string | null;

  @Field(() => ID, { nullable: true })
  companyId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  entryDate?: string | null;
}

@InputType()
export class PeopleFilter {
  @Field(() => String, { nullable: true, description: '按姓名、手机号、工号、身份证号或卡号搜索' })
  search?: string;

  @Field(() => PersonType, { nullable: true })
  type?: PersonType;

  @Field(() => PersonStatus, { nullable: true })
  status?: PersonStatus;

  @Field(() => ID, { nullable: true, description: '含下级组织' })
  orgUnitId?: string;
}
