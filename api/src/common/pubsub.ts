import { createPubSub } from '@graphql-yoga/subscription';
import type { AccessEventView } from '../access/access-event.types.js';
import type { ApprovalRequestedPayload } from '../approval/approval.events.js';
import type { Alarm } from '../devices/alarm.entity.js';
import type { VisitAudience } from '../visitor/visitor.events.js';

/**
 * GraphQL subscription topics, typed. In-process today; a Redis or NATS event target plugs in here
 * when the API runs as several copies (DESIGN §10).
 */
export interface ImportProgressPayload {
  jobId: string;
  /** The account that runs the import: only it may watch the progress. */
  ownerId: string | null;
  phase: string;
  processed: number;
  total: number;
}

export type Topics = {
  IMPORT_PROGRESS: [jobId: string, payload: ImportProgressPayload];
  /** A passage just stored (granted or denied), for the security console's live feed. */
  PASSAGE_RECORDED: [payload: AccessEventView];
  /** A new door or device alarm, for the security console. */
  ALARM_RAISED: [payload: Alarm];
  /** A step became current (or is reminded): delivered only to its candidate approvers. */
  APPROVAL_REQUESTED: [personId: string, payload: ApprovalRequestedPayload];
  /** A visit was booked or changed: its visitor, its host and 保卫部 may watch it. */
  VISIT_UPDATED: [payload: VisitAudience];
};

export function createTopics() {
  return createPubSub<Topics>();
}

export type PubSub = ReturnType<typeof createTopics>;
