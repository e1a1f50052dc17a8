import { Field, ObjectType } from 'type-graphql';
import { Role } from '../common/permission.js';
import { DateTimeScalar } from '../common/scalars.js';
import { Person } from '../identity/person.entity.js';

@ObjectType({ description: '当前登录用户' })
export class Me {
  @Field(() => String)
  username!: string;

  @Field(() => [Role])
  roles!: Role[];

  @Field(() => [String])
  permissions!: string[];

  @Field(() => Boolean, { description: '首次登录须修改初始密码' })
  mustChangePassword!: boolean;

  @Field(() => Person, { nullable: true })
  person!: Person | null;
}

@ObjectType()
export class AuthPayload {
  @Field(() => String)
  accessToken!: string;

  @Field(() => String)
  refreshToken!: string;

  @Field(() => DateTimeScalar)
  accessTokenExpiresAt!: Date;

  @Field(() => Me)
  me!: Me;
}
