import { Entity, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../common/base.entity.js';
import { Post } from '../identity/post.entity.js';

/**
 * A post's default grant to an area (岗位默认权限). Areas and schedules arrive with access control;
 * their ids are stored now and get foreign keys in that migration.
 */
@Entity()
@Unique({ properties: ['post', 'areaId'] })
export class PostAreaGrant extends BaseEntity {
  @ManyToOne(() => Post, { ref: true, deleteRule: 'cascade' })
  post!: Ref<Post>;

  @Property({ type: 'uuid' })
  areaId!: string;

  @Property({ type: 'uuid', nullable: true })
  scheduleId?: string | null;
}
