import type { WalkInInput } from '../gql/graphql';
import { isoToLocalInput, localInputToIso } from './grant-window';
import { isValidIdNumber, isValidMobile } from './validators';

export interface CompanionValues {
  name: string;
  idNumber: string;
  phone: string;
}

export interface WalkInValues {
  name: string;
  idNumber: string;
  phone: string;
  company: string;
  hostId: string | null;
  purpose: string;
  /** `<input type="datetime-local">` wall-clock time. */
  validUntil: string;
  areaIds: string[];
  plate: string;
  companions: CompanionValues[];
}

export type WalkInProblem =
  | 'walkIn.nameRequired'
  | 'walkIn.idNumberRequired'
  | 'walkIn.idNumberInvalid'
  | 'walkIn.phoneInvalid'
  | 'walkIn.hostRequired'
  | 'walkIn.purposeRequired'
  | 'walkIn.untilRequired'
  | 'walkIn.untilInvalid'
  | 'walkIn.untilPast';

/** Keyed by field, companions as `companions.0.idNumber`, so each message lands beside its input. */
export type WalkInProblems = Record<string, WalkInProblem>;

/** Office hours end here in the demo plant's 行政办公时间; a visit registered later gets two hours. */
const OFFICE_END = { hours: 17, minutes: 30 };
const MIN_LEFT_MS = 30 * 60_000;
const LATE_LENGTH_MS = 2 * 3600_000;
const STEP_MS = 15 * 60_000;

export function emptyCompanion(): CompanionValues {
  return { name: '', idNumber: '', phone: '' };
}

/** Until the end of today's office hours; after hours (or nearly), two hours from now. */
export function defaultWalkInUntil(now = Date.now()): string {
  const end = new Date(now);
  end.setHours(OFFICE_END.hours, OFFICE_END.minutes, 0, 0);
  const until =
    end.getTime() - now >= MIN_LEFT_MS
      ? end.getTime()
      : Math.ceil((now + LATE_LENGTH_MS) / STEP_MS) * STEP_MS;
  return isoToLocalInput(new Date(until).toISOString());
}

export function emptyWalkIn(now = Date.now()): WalkInValues {
  return {
    name: '',
    idNumber: '',
    phone: '',
    company: '',
    hostId: null,
    purpose: '',
    validUntil: defaultWalkInUntil(now),
    areaIds: [],
    plate: '',
    companions: [],
  };
}

function idProblem(value: string): WalkInProblem | undefined {
  if (!value.trim()) return 'walkIn.idNumberRequired';
  return isValidIdNumber(value) ? undefined : 'walkIn.idNumberInvalid';
}

/**
 * What the guard must fix before the server is asked. The server checks all of it again (and more: the
 * host is active, the areas may be requested, the watchlist), but a mistyped ID number is caught here.
 */
export function walkInProblems(values: WalkInValues, now = Date.now()): WalkInProblems {
  const problems: WalkInProblems = {};
  const put = (field: string, problem: WalkInProblem | undefined): void => {
    if (problem) problems[field] = problem;
  };
  put('name', values.name.trim() ? undefined : 'walkIn.nameRequired');
  put('idNumber', idProblem(values.idNumber));
  put('phone', values.phone.trim() && !isValidMobile(values.phone) ? 'walkIn.phoneInvalid' : undefined);
  put('hostId', values.hostId ? undefined : 'walkIn.hostRequired');
  put('purpose', values.purpose.trim() ? undefined : 'walkIn.purposeRequired');
  if (!values.validUntil.trim()) put('validUntil', 'walkIn.untilRequired');
  else {
    const until = Date.parse(localInputToIso(values.validUntil) ?? '');
    if (Number.isNaN(until)) put('validUntil', 'walkIn.untilInvalid');
    else if (until <= now) put('validUntil', 'walkIn.untilPast');
  }
  values.companions.forEach((companion, i) => {
    put(`companions.${i}.name`, companion.name.trim() ? undefined : 'walkIn.nameRequired');
    put(`companions.${i}.idNumber`, idProblem(companion.idNumber));
    put(
      `companions.${i}.phone`,
      companion.phone.trim() && !isValidMobile(companion.phone) ? 'walkIn.phoneInvalid' : undefined,
    );
  });
  return problems;
}

const orNull = (value: string): string | null => value.trim() || null;

/** Only call with values that have no problems. */
export function toWalkInInput(values: WalkInValues): WalkInInput {
  return {
    name: values.name.trim(),
    idNumber: values.idNumber.trim().toUpperCase(),
    phone: orNull(values.phone),
    company: orNull(values.company),
    hostId: values.hostId as string,
    purpose: values.purpose.trim(),
    validUntil: localInputToIso(values.validUntil) as string,
    // None chosen: the server applies the default (office) areas.
    areaIds: values.areaIds.length ? [...values.areaIds] : null,
    plate: orNull(values.plate.replace(/\s+/g, '').toUpperCase()),
    companions: values.companions.length
      ? values.companions.map((c) => ({
          name: c.name.trim(),
          idNumber: c.idNumber.trim().toUpperCase(),
          phone: orNull(c.phone),
        }))
      : null,
  };
}
