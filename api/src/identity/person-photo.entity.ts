import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../common/base.entity.js';
import { Person } from './person.entity.js';

/**
 * A person's photo taken by themself (a visitor in the mini-program), for the guard to compare with
 * the face at the gate. A face image is sensitive personal information (PIPL): stored AES-256-GCM
 * encrypted, lazy, no GraphQL field, with the consent given for it. One per person, the latest.
 */
@Entity()
export class PersonPhoto extends BaseEntity {
  @ManyToOne(() => Person, { ref: true, unique: true, deleteRule: 'cascade' })
  person!: Ref<Person>;

  /** image/jpeg or image/png, checked from the bytes, not taken from the client. */
  @Property({ type: 'string', length: 32 })
  mimeType!: string;

  @Property({ type: 'blob', lazy: true, hidden: true })
  imageEncrypted!: Buffer;

  @Property({ type: 'datetime', length: 3 })
  consentAt!: Date;

  @Property({ type: 'string' })
  consentText!: string;
}
