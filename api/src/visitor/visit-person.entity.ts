import { Entity, Index, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../common/base.entity.js';
import { Person } from '../identity/person.entity.js';
import { Visit } from './visit.entity.js';

/**
 * The people of a visit, the visitor first (seq 0) and each companion after, each their one Person.
 * One table for all of them, so "is this person on a live visit" is one indexed read.
 */
@Entity()
@Unique({ properties: ['visit', 'person'] })
@Index({ properties: ['person'] })
export class VisitPerson extends BaseEntity {
  @ManyToOne(() => Visit, { ref: true, deleteRule: 'cascade' })
  visit!: Ref<Visit>;

  @ManyToOne(() => Person, { ref: true })
  person!: Ref<Person>;

  @Property({ type: 'boolean' })
  companion!: boolean;

  @Property({ type: 'integer' })
  seq!: number;
}
