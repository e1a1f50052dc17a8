import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../common/base.entity.js';
import { BiometricKind } from './identity.enums.js';
import { Person } from './person.entity.js';

/**
 * A face or fingerprint template reference. The template is AES-256-GCM encrypted with the
 * configured data key, lazy (never loaded unless asked for), and has no GraphQL field at all.
 */
@Entity()
export class BiometricTemplate extends BaseEntity {
  @ManyToOne(() => Person, { ref: true, index: true })
  person!: Ref<Person>;

  @Enum({ items: () => BiometricKind, type: 'string' })
  kind!: BiometricKind;

  @Property({ type: 'blob', lazy: true, hidden: true })
  templateEncrypted!: Buffer;

  /** When the person consented to enrolment (PIPL requires separate consent for biometrics). */
  @Property({ type: 'datetime', length: 3 })
  consentAt!: Date;

  @Property({ type: 'string' })
  consentText!: string;
}
