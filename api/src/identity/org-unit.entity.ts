import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { OrgUnitKind } from './identity.enums.js';

/** Company → department → team (班组). `path` is "/rootId/.../ownId/" so a subtree is one prefix match. */
@ObjectType({ description: '组织单元', simpleResolvers: true })
@Entity()
export class OrgUnit extends BaseEntity<'parentId' | 'companyId'> {
  @Field(() => String)
  @Property({ type: 'string' })
  name!: string;

  @Field(() => String)
  @Property({ type: 'string', unique: true })
  code!: string;

  @Field(() => OrgUnitKind)
  @Enum({ items: () => OrgUnitKind, type: 'string' })
  kind!: OrgUnitKind;

  @ManyToOne(() => OrgUnit, { nullable: true, ref: true })
  parent?: Ref<OrgUnit>;

  @Index()
  @Property({ type: 'string' })
  path!: string;

  /** Display path "某电厂/运行部/一值", also what import files use. */
  @Field(() => String)
  @Property({ type: 'string', unique: true })
  fullName!: string;

  /** The person who heads this unit; approvers see their units' people. */
  @Property({ type: 'uuid', nullable: true })
  headPersonId?: string | null;

  @Field(() => ID, { nullable: true })
  get parentId(): string | null {
    return this.parent?.id ?? null;
  }

  /** Id of the company this unit belongs to (the first segment of its path). */
  get companyId(): string {
    return this.path.split('/')[1]!;
  }
}
