import { DateType, Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { DateTimeScalar, LocalDateScalar } from '../common/scalars.js';
import { ContractorCompany } from './contractor-company.entity.js';
import { Gender, PersonStatus, PersonType } from './identity.enums.js';
import { OrgUnit } from './org-unit.entity.js';
import { Post } from './post.entity.js';

/**
 * One record per human, whatever they are to the plant. Cards, biometrics, vehicles and WeChat
 * accounts hang off it. idNumber, orgUnit, post and company reach GraphQL through the resolver
 * (masking and loading), so they carry no @Field here.
 */
@ObjectType({ description: '人员（统一身份）', simpleResolvers: true })
@Entity()
@Index({ properties: ['type', 'status'] })
export class Person extends BaseEntity<'gender' | 'status'> {
  @Field(() => String)
  @Index()
  @Property({ type: 'string' })
  name!: string;

  @Field(() => Gender)
  @Enum({ items: () => Gender, type: 'string' })
  gender: Gender = Gender.UNKNOWN;

  @Property({ type: 'string', nullable: true, unique: true })
  idNumber?: string | null;

  @Field(() => String, { nullable: true })
  @Index()
  @Property({ type: 'string', nullable: true })
  phone?: string | null;

  /** 工号: the login name of employees. */
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true, unique: true })
  employeeNo?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  photoUrl?: string | null;

  @Field(() => PersonType)
  @Enum({ items: () => PersonType, type: 'string' })
  type!: PersonType;

  @Field(() => PersonStatus)
  @Enum({ items: () => PersonStatus, type: 'string' })
  status: PersonStatus = PersonStatus.ACTIVE;

  @ManyToOne(() => OrgUnit, { nullable: true, ref: true, index: true })
  orgUnit?: Ref<OrgUnit> | null;

  @ManyToOne(() => Post, { nullable: true, ref: true })
  post?: Ref<Post> | null;

  @ManyToOne(() => ContractorCompany, { nullable: true, ref: true })
  company?: Ref<ContractorCompany> | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @Property({ type: DateType, nullable: true })
  entryDate?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @Property({ type: DateType, nullable: true })
  exitDate?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', length: 3, nullable: true })
  exitAt?: Date | null;
}
