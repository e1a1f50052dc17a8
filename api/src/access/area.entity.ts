import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { AntiPassbackMode, SecurityLevel } from './access.enums.js';

/**
 * An area of the site, in a tree (厂区 → 生产区 → 集控室). Its policy says how strictly it is guarded.
 * Key areas take no post defaults unless marked, so only approved, time-boxed grants open them.
 */
@ObjectType({ description: '区域', simpleResolvers: true })
@Entity()
export class Area extends BaseEntity<
  'postDefaultsApply' | 'antiPassback' | 'requiredQualifications' | 'parentId' | 'escortRequired'
> {
  @Field(() => String)
  @Property({ type: 'string' })
  name!: string;

  @Field(() => String)
  @Property({ type: 'string', unique: true })
  code!: string;

  @ManyToOne(() => Area, { nullable: true, ref: true })
  parent?: Ref<Area> | null;

  /** "/rootId/.../ownId/": a subtree is one prefix match. */
  @Index()
  @Property({ type: 'string' })
  path!: string;

  @Field(() => SecurityLevel)
  @Enum({ items: () => SecurityLevel, type: 'string' })
  securityLevel!: SecurityLevel;

  @Field(() => Boolean, { description: '岗位默认权限是否适用（重点区域默认否）' })
  @Property({ type: 'boolean' })
  postDefaultsApply: boolean = true;

  @Field(() => Int, { nullable: true, description: '最大在场人数' })
  @Property({ type: 'integer', nullable: true })
  maxOccupancy?: number | null;

  @Field(() => AntiPassbackMode)
  @Enum({ items: () => AntiPassbackMode, type: 'string' })
  antiPassback: AntiPassbackMode = AntiPassbackMode.OFF;

  @Field(() => Int, { nullable: true, description: '双人规则：第二名授权人员须在多少秒内刷卡' })
  @Property({ type: 'integer', nullable: true })
  twoPersonWithinSeconds?: number | null;

  @Field(() => [String], { description: '进入所需资质（外协人员的证书、培训），如 ELECTRICIAN、HAZCHEM' })
  @Property({ type: 'text[]' })
  requiredQualifications: string[] = [];

  /** 陪同: set, visitors enter (this area and those inside it) only right behind their escort. */
  @Field(() => Int, { nullable: true, description: '须陪同：被访人须在多少秒内先于访客通过同一通行点' })
  @Property({ type: 'integer', nullable: true })
  escortWithinSeconds?: number | null;

  @Field(() => Boolean, { description: '访客须由被访人陪同进入' })
  get escortRequired(): boolean {
    return this.escortWithinSeconds != null;
  }

  @Field(() => ID, { nullable: true })
  get parentId(): string | null {
    return this.parent?.id ?? null;
  }
}
