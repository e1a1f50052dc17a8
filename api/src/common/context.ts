import type { EntityManager } from '@mikro-orm/postgresql';
import type { PassVerifier } from '@park/core';
import type { EventPartitions } from '../access/event-partitions.js';
import type { SiteDirectory } from '../access/site-directory.js';
import type { KeyStore } from '../auth/key-store.js';
import type { Config } from '../config.js';
import type { DeviceSyncHub } from '../devices/sync-hub.js';
import type { OrgDirectory } from '../identity/org-directory.js';
import type { DomainEvent, EventBus } from './events.js';
import type { Logger } from './logger.js';
import { type Permission, permissionsOf, type Role } from './permission.js';
import type { PubSub } from './pubsub.js';

export interface Principal {
  accountId: string;
  username: string;
  personId: string | null;
  roles: Role[];
  permissions: Set<Permission>;
  /** Still on the initial password: only SELF_READ operations (me, changePassword) are allowed. */
  mustChangePassword?: boolean;
}

/** Process-wide parts every request shares. */
export interface AppServices {
  config: Config;
  log: Logger;
  bus: EventBus;
  pubsub: PubSub;
  keys: KeyStore;
  /** Keys that sign QR passes; published separately so gates trust them for passes only. */
  passKeys: KeyStore;
  /** The server's gate-side QR verifier, with the site-wide replay window of this API copy. */
  passVerifier: { current(): PassVerifier };
  org: OrgDirectory;
  site: SiteDirectory;
  partitions: EventPartitions;
  /** Feeds the site bridges' `deviceSync` streams. */
  deviceSync: DeviceSyncHub;
}

/** Everything a service needs about the current request. Services take it as their first argument. */
export interface RequestContext extends AppServices {
  em: EntityManager;
  principal: Principal | null;
  requestId: string;
  ip?: string;
  /** Set inside `inTransaction`: queues an event to publish after commit. */
  emit?: (event: DomainEvent) => void;
  /**
   * Set inside `inTransaction`: runs `work` once the transaction's own work is done, just before its
   * last flush and commit (used to append the audit chain as late as possible: see recordAudit).
   */
  beforeCommit?: (work: () => Promise<void>) => void;
}

export function principalFrom(p: Omit<Principal, 'permissions'>): Principal {
  return { ...p, permissions: permissionsOf(p.roles) };
}

export function can(ctx: RequestContext, permission: Permission): boolean {
  return ctx.principal?.permissions.has(permission) ?? false;
}

/** One mutation, one transaction; its events go out only once the transaction committed. */
export async function inTransaction<T>(
  ctx: RequestContext,
  work: (tx: RequestContext) => Promise<T>,
): Promise<T> {
  // Already inside one (a service composing another, e.g. an approval creating a grant): join it,
  // so the inner events wait for the outer commit and audit entries continue the same chain tail.
  if (ctx.emit && ctx.em.isInTransaction()) return work(ctx);
  const events: DomainEvent[] = [];
  const finishers: (() => Promise<void>)[] = [];
  const result = await ctx.em.transactional(async (em) => {
    const out = await work({
      ...ctx,
      em: em as EntityManager,
      emit: (e) => events.push(e),
      beforeCommit: (w) => finishers.push(w),
    });
    for (const finish of finishers) await finish();
    return out;
  });
  for (const e of events) ctx.bus.publish(e);
  return result;
}
