import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { ApprovalRequest } from '../approval/approval-request.entity.js';
import { BaseEntity } from '../common/base.entity.js';
import { DateTimeScalar } from '../common/scalars.js';
import { Person } from '../identity/person.entity.js';
import { VisitSource, VisitStatus } from './visitor.enums.js';

/**
 * A visit: who comes (the visitor and companions, VisitPerson rows, each their one Person), whom
 * they see, when, where, and where it stands. The pass it gives is ordinary access grants (source
 * VISIT) whose window is the visit's, so gates enforce it by themselves; their ids are kept here to
 * end them early (cancel, check-out). Host, people and areas reach GraphQL through VisitResolver.
 */
@ObjectType({ description: '访客预约/登记', simpleResolvers: true })
@Entity()
@Index({ properties: ['visitor', 'createdAt'] })
@Index({ properties: ['host', 'validFrom'] })
@Index({ properties: ['status', 'validUntil'] })
@Index({ properties: ['validFrom'] })
export class Visit extends BaseEntity<
  'status' | 'areaIds' | 'grantIds' | 'escortIds' | 'approvalId' | 'watchlistHit'
> {
  @Field(() => VisitStatus)
  @Enum({ items: () => VisitStatus, type: 'string' })
  status: VisitStatus = VisitStatus.PENDING;

  @Field(() => VisitSource)
  @Enum({ items: () => VisitSource, type: 'string' })
  source!: VisitSource;

  @Field(() => String, { description: '来访事由' })
  @Property({ type: 'string', length: 200 })
  purpose!: string;

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime', length: 3 })
  validFrom!: Date;

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime', length: 3 })
  validUntil!: Date;

  /** The person who comes (booked in the mini-program, or registered by the guard). */
  @ManyToOne(() => Person, { ref: true })
  visitor!: Ref<Person>;

  @ManyToOne(() => Person, { ref: true })
  host!: Ref<Person>;

  @Property({ type: 'uuid[]', columnType: 'uuid[]' })
  areaIds: string[] = [];

  @Field(() => String, { nullable: true, description: '来访单位' })
  @Property({ type: 'string', length: 100, nullable: true })
  company?: string | null;

  @Field(() => String, { nullable: true, description: '车牌号（停车用，有效期同访问时段）' })
  @Property({ type: 'string', length: 16, nullable: true })
  plate?: string | null;

  @ManyToOne(() => ApprovalRequest, { ref: true, nullable: true })
  approval?: Ref<ApprovalRequest> | null;

  @Field(() => String, { nullable: true, description: '驳回理由（访客可见；观察名单拒绝时为中性说明）' })
  @Property({ type: 'text', nullable: true })
  rejectionReason?: string | null;

  @Field(() => String, { nullable: true, description: '取消原因' })
  @Property({ type: 'string', nullable: true })
  cancelReason?: string | null;

  /** Refused because someone of the visit is on the watchlist; the reason is for 保卫部 (securityNote). */
  @Property({ type: 'boolean' })
  watchlistHit: boolean = false;

  /** What only 保卫部 may read (a watchlist refusal's real reason). */
  @Property({ type: 'text', nullable: true, lazy: true })
  securityNote?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '审批（或拒绝）完成时间' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  decidedAt?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', length: 3, nullable: true })
  checkedInAt?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: 'datetime', length: 3, nullable: true })
  checkedOutAt?: Date | null;

  @Field(() => String, { nullable: true, description: '现场登记的门岗账号' })
  @Property({ type: 'string', nullable: true })
  registeredBy?: string | null;

  /** The pass: one grant per person and area, ended early on cancel or check-out. */
  @Property({ type: 'uuid[]', columnType: 'uuid[]' })
  grantIds: string[] = [];

  /** Staff the host named to escort the visitor besides themself (陪同人); see assignVisitEscorts. */
  @Property({ type: 'uuid[]', columnType: 'uuid[]' })
  escortIds: string[] = [];

  @Field(() => ID, { nullable: true })
  get approvalId(): string | null {
    return this.approval?.id ?? null;
  }
}
