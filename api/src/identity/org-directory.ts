import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainEvent, type EventBus } from '../common/events.js';
import { OrgUnit } from './org-unit.entity.js';
import { Post } from './post.entity.js';

/** The org tree or posts changed: cached copies must be reloaded. */
export class OrgChanged extends DomainEvent {
  readonly type = 'OrgChanged';
}

/**
 * Org units and posts, held in memory: a plant has tens to hundreds of them, and every person row
 * on every page names one of each. Reloaded after an OrgChanged event in this process, and at most
 * `ttlMs` late for changes made by another API copy.
 */
export class OrgDirectory {
  private units = new Map<string, OrgUnit>();
  private posts = new Map<string, Post>();
  private loadedAt = 0;
  private loading: Promise<void> | null = null;

  constructor(
    bus: EventBus,
    private readonly ttlMs = 30_000,
  ) {
    bus.subscribe(OrgChanged, () => {
      this.loadedAt = 0;
    });
  }

  async ready(em: EntityManager): Promise<this> {
    if (Date.now() - this.loadedAt > this.ttlMs) {
      this.loading ??= this.load(em.fork()).finally(() => {
        this.loading = null;
      });
      await this.loading;
    }
    return this;
  }

  unit(id: string | null | undefined): OrgUnit | null {
    return (id && this.units.get(id)) || null;
  }

  /** Units whose head is this person (department heads see their units' people). */
  headedBy(personId: string): OrgUnit[] {
    return [...this.units.values()].filter((u) => u.headPersonId === personId);
  }

  post(id: string | null | undefined): Post | null {
    return (id && this.posts.get(id)) || null;
  }

  private async load(em: EntityManager): Promise<void> {
    const started = Date.now();
    const [units, posts] = await Promise.all([em.find(OrgUnit, {}), em.find(Post, {})]);
    this.units = new Map(units.map((u) => [u.id, u]));
    this.posts = new Map(posts.map((p) => [p.id, p]));
    this.loadedAt = started;
  }
}
