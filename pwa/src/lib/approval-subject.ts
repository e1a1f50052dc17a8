import type { ApprovalFieldsFragment } from '../gql/graphql';

/** What requestTemporaryAccess stores as a request's subject; the engine itself never looks inside. */
export interface TemporaryAccessSubject {
  areaId: string;
  areaName: string;
  validFrom: string;
  validUntil: string;
  reason: string;
}

const FIELDS = ['areaId', 'areaName', 'validFrom', 'validUntil', 'reason'] as const;

/** The subject of a temporary-access request, or null for another kind or a shape this app does not know. */
export function temporaryAccessSubject(
  request: Pick<ApprovalFieldsFragment, 'kind' | 'subject'>,
): TemporaryAccessSubject | null {
  if (request.kind !== 'TEMPORARY_ACCESS') return null;
  const subject = request.subject as Record<string, unknown> | null;
  if (!subject || typeof subject !== 'object') return null;
  if (!FIELDS.every((field) => typeof subject[field] === 'string')) return null;
  return subject as unknown as TemporaryAccessSubject;
}

/** The step waiting now, if the request is still running. */
export function currentStep(
  request: Pick<ApprovalFieldsFragment, 'currentStep' | 'steps'>,
): ApprovalFieldsFragment['steps'][number] | undefined {
  return request.currentStep == null
    ? undefined
    : request.steps.find((step) => step.seq === request.currentStep);
}
