import { Entity, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';

/** A contractor company (外协单位). Basic record now; qualification and safety loop come later. */
@ObjectType({ description: '外协单位' })
@Entity()
export class ContractorCompany extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', unique: true })
  name!: string;

  /** 统一社会信用代码 */
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true, unique: true })
  creditCode?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  contactName?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  contactPhone?: string | null;
}
