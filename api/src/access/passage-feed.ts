import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppServices } from '../common/context.js';
import { PassagesIngested } from './access.events.js';
import type { AccessEventView } from './access-event.types.js';

/**
 * The security console's live passage feed: every newly stored passage, with the person's name, on
 * the PASSAGE_RECORDED topic. Repeats of stored events never reach it (ingest filters them out).
 */
export function startPassageFeed(
  services: Omit<AppServices, 'deviceSync'>,
  fork: () => EntityManager,
): () => void {
  return services.bus.subscribe(PassagesIngested, async ({ stored }) => {
    const ids = [...new Set(stored.map((e) => e.personId).filter((id): id is string => id !== null))];
    const names = new Map<string, string>();
    if (ids.length) {
      const rows = await fork().execute<{ id: string; name: string }[]>(
        `select id, name from person where id = any(string_to_array(?, ',')::uuid[])`,
        [ids.join(',')],
      );
      for (const r of rows) names.set(r.id, r.name);
    }
    for (const e of stored) {
      const view: AccessEventView = {
        id: e.id,
        occurredAt: e.occurredAt,
        deviceId: e.deviceId,
        seq: e.seq,
        passagePointId: e.passagePointId,
        direction: e.direction,
        personId: e.personId,
        personName: e.personId ? (names.get(e.personId) ?? null) : null,
        result: e.result,
        reason: e.reason,
        decidedOffline: e.decidedOffline,
      };
      services.pubsub.publish('PASSAGE_RECORDED', view);
    }
  });
}
