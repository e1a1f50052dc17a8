import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { DateTimeScalar } from '../common/scalars.js';
import { Person } from '../identity/person.entity.js';
import { ApprovalKind, ApprovalStatus } from './approval.enums.js';

/**
 * One request for approval (作业审批临时权限, a visit, a contractor, a vehicle …) and where it stands.
 * Its ordered steps are ApprovalStep rows; `subject` is the kind's own payload, read by its handler.
 */
@ObjectType({ description: '审批申请', simpleResolvers: true })
@Entity()
@Index({ properties: ['requester', 'createdAt'] })
export class ApprovalRequest extends BaseEntity<'status'> {
  @Field(() => ApprovalKind)
  @Property({ type: 'string', length: 32 })
  kind!: ApprovalKind;

  @Field(() => ApprovalStatus)
  @Enum({ items: () => ApprovalStatus, type: 'string' })
  status: ApprovalStatus = ApprovalStatus.PENDING;

  @ManyToOne(() => Person, { ref: true })
  requester!: Ref<Person>;

  @Field(() => GraphQLJSONObject, { description: '申请内容（随类型而定）' })
  @Property({ type: 'json' })
  subject!: Record<string, unknown>;

  @Field(() => String, { description: '待办列表标题' })
  @Property({ type: 'string' })
  title!: string;

  @Field(() => String, { description: '待办列表摘要' })
  @Property({ type: 'text' })
  summary!: string;

  @Field(() => Int, { nullable: true, description: '当前步骤序号（从 1 起）；结束后为空' })
  @Property({ type: 'integer', nullable: true })
  currentStep?: number | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', length: 3, nullable: true })
  finishedAt?: Date | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: '通过后产生的结果，如 { grantId }' })
  @Property({ type: 'json', nullable: true })
  outcome?: Record<string, unknown> | null;
}
