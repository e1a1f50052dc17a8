import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../common/base.entity.js';
import { Person } from '../identity/person.entity.js';
import { GrantSource } from './access.enums.js';

/**
 * A grant of one area to one person, with an optional window. Whether it holds is decided at
 * decision time from validFrom/validUntil/revokedAt, never by a job flipping a flag.
 */
@Entity()
@Index({ properties: ['person', 'revokedAt'] })
export class AccessGrant extends BaseEntity {
  @ManyToOne(() => Person, { ref: true })
  person!: Ref<Person>;

  @Property({ type: 'uuid' })
  areaId!: string;

  @Enum({ items: () => GrantSource, type: 'string' })
  source!: GrantSource;

  @Property({ type: 'uuid', nullable: true })
  scheduleId?: string | null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  validFrom?: Date | null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  validUntil?: Date | null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  revokedAt?: Date | null;

  @Property({ type: 'string', nullable: true })
  revokedReason?: string | null;
}
