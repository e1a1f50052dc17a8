import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppServices } from '../common/context.js';
import { ApprovalStepOpened } from './approval.events.js';
import { type ApprovalHandler, registerApprovalHandlers } from './approval-handlers.js';
import { remindStaleSteps } from './approval-reminders.js';

/**
 * Wires the engine into a running API: the kinds' handlers, committed step openings out to the
 * approvalRequested subscription, and the periodic reminder of stale steps. Returns its stop.
 */
export function startApprovals(
  services: AppServices,
  orm: MikroORM,
  handlers: readonly ApprovalHandler[],
): () => void {
  registerApprovalHandlers(handlers);
  // One topic per approver: a notice costs one delivery per candidate, not one filter per connected person.
  const unsubscribe = services.bus.subscribe(ApprovalStepOpened, (e) => {
    for (const personId of e.payload.candidateIds) {
      services.pubsub.publish('APPROVAL_REQUESTED', personId, e.payload);
    }
  });
  const remind = () =>
    remindStaleSteps({ ...services, em: orm.em.fork(), principal: null, requestId: 'system' })
      .then(({ reminded }) => reminded && services.log.info({ reminded }, 'approval reminders sent'))
      .catch((err: unknown) => services.log.error({ err }, 'approval reminders failed'));
  const timer = setInterval(remind, services.config.APPROVAL_REMIND_EVERY_MINUTES * 60_000);
  timer.unref();
  return () => {
    clearInterval(timer);
    unsubscribe();
  };
}
