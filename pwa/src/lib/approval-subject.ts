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

/** What a visit's approval shows of it; only `visitId` is certain, the rest is shown when present. */
export interface VisitSubject {
  visitId: string;
  visitorName?: string;
  /** Masked by the server: approvers never see a full ID number. */
  visitorIdNumber?: string;
  company?: string;
  purpose?: string;
  validFrom?: string;
  validUntil?: string;
  areaNames: string[];
  companionNames: string[];
  plate?: string;
  walkIn: boolean;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);
const names = (value: unknown): string[] =>
  Array.isArray(value)
    ? value
        .map((item) => (typeof item === 'string' ? item : text((item as { name?: unknown } | null)?.name)))
        .filter((name): name is string => !!name)
    : [];

/** The subject of a visit's approval (ApprovalKind VISIT), or null for another kind or no visit id. */
export function visitSubject(request: Pick<ApprovalFieldsFragment, 'kind' | 'subject'>): VisitSubject | null {
  if (request.kind !== 'VISIT') return null;
  const subject = request.subject as Record<string, unknown> | null;
  const visitId = text(subject?.visitId);
  if (!subject || !visitId) return null;
  return {
    visitId,
    visitorName: text(subject.visitorName),
    visitorIdNumber: text(subject.visitorIdNumber),
    company: text(subject.company),
    purpose: text(subject.purpose),
    validFrom: text(subject.validFrom),
    validUntil: text(subject.validUntil),
    areaNames: names(subject.areas),
    companionNames: names(subject.companions),
    plate: text(subject.plate),
    walkIn: subject.source === 'WALK_IN',
  };
}

/** The step waiting now, if the request is still running. */
export function currentStep(
  request: Pick<ApprovalFieldsFragment, 'currentStep' | 'steps'>,
): ApprovalFieldsFragment['steps'][number] | undefined {
  return request.currentStep == null
    ? undefined
    : request.steps.find((step) => step.seq === request.currentStep);
}
