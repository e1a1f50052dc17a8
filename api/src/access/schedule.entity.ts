import { Entity, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';

/** One interval of a weekly schedule, local time in the schedule's zone. Crossing midnight is allowed. */
@ObjectType({ description: '时段', simpleResolvers: true })
export class ScheduleInterval {
  @Field(() => Int, { description: '星期：1=周一 … 7=周日' })
  weekday!: number;

  @Field(() => String, { description: '开始，HH:mm' })
  start!: string;

  @Field(() => String, { description: '结束，HH:mm；早于开始表示跨零点' })
  end!: string;
}

/** A weekly schedule (时间段) that grants and doors refer to, with the day kinds it applies on. */
@ObjectType({ description: '周计划时段', simpleResolvers: true })
@Entity()
export class Schedule extends BaseEntity<'timeZone' | 'dayKinds'> {
  @Field(() => String)
  @Property({ type: 'string', unique: true })
  name!: string;

  @Field(() => String, { description: 'IANA 时区' })
  @Property({ type: 'string' })
  timeZone: string = 'Asia/Shanghai';

  @Field(() => [String], { description: '适用的日期类型：WORKDAY（含调休上班日）、WEEKEND、HOLIDAY' })
  @Property({ type: 'text[]' })
  dayKinds: string[] = ['WORKDAY', 'WEEKEND', 'HOLIDAY'];

  @Field(() => [ScheduleInterval])
  @Property({ type: 'json' })
  intervals!: ScheduleInterval[];
}
