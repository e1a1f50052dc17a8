import { inTransaction, type RequestContext } from '../common/context.js';
import { Person } from '../identity/person.entity.js';
import { ApprovalStepOpened } from './approval.events.js';
import { notice } from './approval.service.js';
import { ApprovalRequest } from './approval-request.entity.js';
import { ApprovalStep } from './approval-step.entity.js';

/**
 * Nudges the candidates of every current step that has waited longer than
 * APPROVAL_REMIND_AFTER_MINUTES since it opened or was last reminded, at most APPROVAL_MAX_REMINDERS
 * times. Rows are taken FOR UPDATE SKIP LOCKED, so several API copies never remind twice.
 * `now` is a parameter so a test can move the clock.
 */
export async function remindStaleSteps(ctx: RequestContext, now = new Date()): Promise<{ reminded: number }> {
  const { APPROVAL_REMIND_AFTER_MINUTES: after, APPROVAL_MAX_REMINDERS: max } = ctx.config;
  if (max === 0) return { reminded: 0 };
  return inTransaction(ctx, async (tx) => {
    const due = new Date(now.getTime() - after * 60_000);
    const rows = await tx.em.execute<{ id: string }[]>(
      `select id from approval_step
        where status = 'PENDING' and coalesce(reminded_at, activated_at) <= ? and reminder_count < ?
        order by activated_at limit 500 for update skip locked`,
      [due, max],
    );
    if (!rows.length) return { reminded: 0 };
    const steps = await tx.em.find(ApprovalStep, { id: { $in: rows.map((r) => r.id) } });
    const requests = await tx.em.find(ApprovalRequest, { id: { $in: steps.map((s) => s.request.id) } });
    const people = await tx.em.find(Person, { id: { $in: requests.map((r) => r.requester.id) } });
    const byId = new Map(requests.map((r) => [r.id, r]));
    const names = new Map(people.map((p) => [p.id, p.name]));
    for (const step of steps) {
      const request = byId.get(step.request.id)!;
      step.remindedAt = now;
      step.reminderCount += 1;
      tx.emit?.(new ApprovalStepOpened(notice(request, step, names.get(request.requester.id) ?? '', true)));
    }
    return { reminded: steps.length };
  });
}
