import { createPubSub } from '@graphql-yoga/subscription';

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
};

export function createTopics() {
  return createPubSub<Topics>();
}

export type PubSub = ReturnType<typeof createTopics>;
