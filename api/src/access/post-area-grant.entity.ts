import { Entity, ManyToOne, type Ref, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../common/base.entity.js';
import { Post } from '../identity/post.entity.js';
import { Area } from './area.entity.js';
import { Schedule } from './schedule.entity.js';

/** A post's default grant to an area (岗位默认权限); applies only where the area's policy allows it. */
@Entity()
@Unique({ properties: ['post', 'area'] })
export class PostAreaGrant extends BaseEntity {
  @ManyToOne(() => Post, { ref: true, deleteRule: 'cascade' })
  post!: Ref<Post>;

  @ManyToOne(() => Area, { ref: true, deleteRule: 'cascade' })
  area!: Ref<Area>;

  @ManyToOne(() => Schedule, { ref: true, nullable: true })
  schedule?: Ref<Schedule> | null;
}
