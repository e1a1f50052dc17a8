import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../common/base.entity.js';
import { UserAccount } from './user-account.entity.js';

/**
 * One link of a refresh-token rotation chain. Only the SHA-256 of the token is stored. Presenting a
 * token that was already used means it was stolen or replayed: the whole family is revoked.
 */
@Entity()
export class RefreshToken extends BaseEntity {
  @Property({ type: 'string', unique: true })
  tokenHash!: string;

  @Index()
  @Property({ type: 'uuid' })
  familyId!: string;

  @ManyToOne(() => UserAccount, { ref: true })
  account!: Ref<UserAccount>;

  @Property({ type: 'datetime', length: 3 })
  expiresAt!: Date;

  @Property({ type: 'datetime', length: 3, nullable: true })
  usedAt?: Date | null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  revokedAt?: Date | null;
}
