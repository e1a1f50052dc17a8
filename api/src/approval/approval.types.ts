import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../common/scalars.js';
import { ApprovalDecision, ApprovalKind } from './approval.enums.js';

@InputType()
export class DecideApprovalInput {
  @Field(() => ID)
  requestId!: string;
  @Field(() => ApprovalDecision)
  decision!: ApprovalDecision;
  @Field(() => String, { nullable: true, description: '审批意见；驳回时必填' })
  comment?: string | null;
}

@ObjectType({ description: '审批提醒：有一步待您审批（或催办）' })
export class ApprovalNotice {
  @Field(() => ID)
  requestId!: string;
  @Field(() => ApprovalKind)
  kind!: ApprovalKind;
  @Field(() => String)
  title!: string;
  @Field(() => String)
  summary!: string;
  @Field(() => String)
  requesterName!: string;
  @Field(() => Int)
  stepSeq!: number;
  @Field(() => String)
  stepName!: string;
  @Field(() => DateTimeScalar)
  requestedAt!: Date;
  @Field(() => Boolean, { description: 'true 表示催办（该步骤等待已久），而非新的待办' })
  reminder!: boolean;
}
