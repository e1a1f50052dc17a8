import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../common/base.entity.js';
import type { Role } from '../common/permission.js';
import { Person } from '../identity/person.entity.js';

/**
 * A login. Most belong to a person; device and system accounts do not. An account created by HR
 * has no password hash yet: its first password is the last six characters of the person's ID
 * number and must be changed at first login (so import never pays argon2 per row).
 */
@Entity()
export class UserAccount extends BaseEntity<'mustChangePassword' | 'roles' | 'disabled' | 'failedLogins'> {
  @Property({ type: 'string', unique: true })
  username!: string;

  @Property({ type: 'string', nullable: true, hidden: true, lazy: true })
  passwordHash?: string | null;

  @Property({ type: 'boolean' })
  mustChangePassword: boolean = false;

  @Property({ type: 'text[]' })
  roles: Role[] = [];

  @ManyToOne(() => Person, { ref: true, nullable: true, index: true })
  person?: Ref<Person> | null;

  @Property({ type: 'boolean' })
  disabled: boolean = false;

  @Property({ type: 'integer' })
  failedLogins: number = 0;

  @Property({ type: 'datetime', length: 3, nullable: true })
  lockedUntil?: Date | null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  lastLoginAt?: Date | null;
}
