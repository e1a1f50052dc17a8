import { Entity, Enum, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { DateTimeScalar } from '../common/scalars.js';
import { Person } from '../identity/person.entity.js';
import { ApprovalStepStatus } from './approval.enums.js';
import type { ApproverRule } from './approval-policy.js';
import { ApprovalRequest } from './approval-request.entity.js';

export interface StepRule {
  approver: ApproverRule;
  fallback?: ApproverRule;
}

/**
 * One step of a request. Its approvers are resolved when it becomes current and kept as person ids,
 * so "is this caller on the step" is an array test and an inbox is one GIN index read
 * (approval_step_inbox_index, partial on PENDING, in the migration).
 */
@ObjectType({ description: '审批步骤', simpleResolvers: true })
@Entity()
@Unique({ properties: ['request', 'seq'] })
export class ApprovalStep extends BaseEntity<'status' | 'candidateIds' | 'reminderCount'> {
  @ManyToOne(() => ApprovalRequest, { ref: true, deleteRule: 'cascade' })
  request!: Ref<ApprovalRequest>;

  @Field(() => Int, { description: '序号，从 1 起' })
  @Property({ type: 'integer' })
  seq!: number;

  @Field(() => String, { description: '如「部门负责人审批」「保卫部审批」' })
  @Property({ type: 'string' })
  name!: string;

  /** The policy's rule, copied when the request was planned. */
  @Property({ type: 'json' })
  rule!: StepRule;

  @Field(() => ApprovalStepStatus)
  @Enum({ items: () => ApprovalStepStatus, type: 'string' })
  status: ApprovalStepStatus = ApprovalStepStatus.WAITING;

  /** Who may decide this step, resolved when it became current. */
  @Property({ type: 'uuid[]', columnType: 'uuid[]', defaultRaw: `'{}'` })
  candidateIds: string[] = [];

  @Field(() => DateTimeScalar, { nullable: true, description: '成为当前步骤的时间' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  activatedAt?: Date | null;

  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  decidedBy?: Ref<Person> | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', length: 3, nullable: true })
  decidedAt?: Date | null;

  @Field(() => String, { nullable: true, description: '审批意见' })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '最近一次催办时间' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  remindedAt?: Date | null;

  @Field(() => Int, { description: '已催办次数' })
  @Property({ type: 'integer' })
  reminderCount: number = 0;
}
