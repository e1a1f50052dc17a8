import { Entity, Property } from '@mikro-orm/core';
import { BaseEntity } from '../common/base.entity.js';

/**
 * An Ed25519 signing key. Public half is published in the JWKS from `publishedAt`; it signs only
 * from `activatesAt`, so verifiers have fetched it before the first token appears. The private
 * half is stored encrypted with the data key, so every API copy shares it without a file.
 */
@Entity()
export class SigningKey extends BaseEntity<'publishedAt' | 'activatesAt'> {
  @Property({ type: 'string', unique: true })
  kid!: string;

  @Property({ type: 'string' })
  use!: 'access' | 'pass';

  @Property({ type: 'json' })
  publicJwk!: Record<string, unknown>;

  @Property({ type: 'text', hidden: true })
  privateJwkEncrypted!: string;

  @Property({ type: 'datetime', length: 3 })
  publishedAt: Date = new Date();

  @Property({ type: 'datetime', length: 3 })
  activatesAt: Date = new Date();

  @Property({ type: 'datetime', length: 3, nullable: true })
  retiredAt?: Date | null;
}
