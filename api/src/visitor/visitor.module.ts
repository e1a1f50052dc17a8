import type { EntityManager } from '@mikro-orm/postgresql';
import { PassagesIngested } from '../access/access.events.js';
import type { AppServices, RequestContext } from '../common/context.js';
import { VisitorResolver, VisitResolver } from './visit.resolver.js';
import { visitApprovalHandler } from './visit-approval.handler.js';
import { notifyVisitor } from './visit-notify.js';
import { applyPassages } from './visit-presence.js';
import { sweepVisits } from './visit-sweep.service.js';
import { VisitChanged } from './visitor.events.js';
import { WatchlistResolver } from './watchlist.resolver.js';

export const visitorResolvers = [VisitorResolver, VisitResolver, WatchlistResolver] as const;
export const visitorApprovalHandlers = [visitApprovalHandler];

/**
 * The visitor domain's background parts: committed changes out to visitUpdated and to the visitor's
 * WeChat, check-in/out from stored passages (a listener, never part of ingest), and the sweep that
 * closes ended visits and raises overstays. Returns its stop.
 */
export function startVisitors(services: AppServices, fork: () => EntityManager): () => void {
  const system = (): RequestContext => ({ ...services, em: fork(), principal: null, requestId: 'system' });
  const stops = [
    services.bus.subscribe(VisitChanged, async (e) => {
      services.pubsub.publish('VISIT_UPDATED', e.audience);
      const outcome = await notifyVisitor(services.config, fork(), e);
      if (outcome === 'failed')
        services.log.warn({ visitId: e.audience.visitId, change: e.change }, 'wechat notify failed');
    }),
    services.bus.subscribe(PassagesIngested, async (e) => {
      await applyPassages(system(), e.stored);
    }),
  ];
  const sweep = setInterval(() => {
    sweepVisits(system())
      .then((r) => (r.expired || r.checkedOut || r.overstays) && services.log.info(r, 'visits swept'))
      .catch((err: unknown) => services.log.error({ err }, 'visit sweep failed'));
  }, services.config.VISIT_SWEEP_SECONDS * 1000);
  sweep.unref();
  return () => {
    clearInterval(sweep);
    for (const stop of stops) stop();
  };
}
