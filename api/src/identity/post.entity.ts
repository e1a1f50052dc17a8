import { Entity, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { OrgUnit } from './org-unit.entity.js';

/** A post (岗位) belongs to one company. Its default area grants live in access/post-area-grant. */
@ObjectType({ description: '岗位', simpleResolvers: true })
@Entity()
@Unique({ properties: ['company', 'code'] })
export class Post extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string' })
  name!: string;

  @Field(() => String)
  @Property({ type: 'string' })
  code!: string;

  @ManyToOne(() => OrgUnit, { ref: true })
  company!: Ref<OrgUnit>;
}
