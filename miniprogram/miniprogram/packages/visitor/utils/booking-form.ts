// The booking form's rules, kept out of the page so they read (and are tested) as plain functions.
// The API checks all of this again; checking here saves a round trip and points at the field.
import type { BookVisitInput } from '../../../gql/graphql';
import { idNumberError, normalizeIdNumber } from './id-number';
import { isValidPhone, normalizePhone } from './phone';
import { parsePlate } from './plate';
import { siteTime } from './site-time';

export interface CompanionDraft {
  /** Stable key for wx:for, so removing one companion does not shift the others' inputs. */
  key: string;
  name: string;
  idNumber: string;
  error: string;
}

export interface AreaChoice {
  id: string;
  name: string;
  needsSecurity: boolean;
  escortRequired: boolean;
  selected: boolean;
}

export interface BookingDraft {
  hostId: string | null;
  purpose: string;
  date: string;
  startTime: string;
  endTime: string;
  areas: AreaChoice[];
  name: string;
  idNumber: string;
  phone: string;
  company: string;
  plate: string;
  companions: CompanionDraft[];
  photoPath: string;
  photoConsent: boolean;
}

/** In the order the form shows them, so the first error named is the topmost one. */
export const BOOKING_FIELDS = [
  'host',
  'purpose',
  'window',
  'areas',
  'name',
  'idNumber',
  'phone',
  'company',
  'plate',
  'companions',
  'photo',
] as const;
export type BookingField = (typeof BOOKING_FIELDS)[number];
export type BookingErrors = Partial<Record<BookingField, string>>;

/** Everything but the photo, which the page reads from disk only once the rest is valid. */
export type BookingInput = Omit<BookVisitInput, 'photoBase64' | 'photoConsent'>;

export interface CheckedBooking {
  input: BookingInput | null;
  errors: BookingErrors;
  /** One message per companion, '' when that companion is fine. */
  companionErrors: string[];
  firstError: string;
}

const PURPOSE_MAX = 200;
const NAME_MAX = 50;
const COMPANY_MAX = 100;

function checkWindow(draft: BookingDraft, now: number): { error: string; from: number; until: number } {
  const from = siteTime(draft.date, draft.startTime);
  const until = siteTime(draft.date, draft.endTime);
  if (!Number.isFinite(from) || !Number.isFinite(until))
    return { error: '请选择来访日期和时间', from, until };
  if (until <= from) return { error: '结束时间须晚于开始时间', from, until };
  // Whole minutes: the pickers have no seconds, so "now" is allowed for the current minute.
  if (from < Math.floor(now / 60_000) * 60_000) return { error: '开始时间不能早于当前时间', from, until };
  return { error: '', from, until };
}

function companionError(companion: CompanionDraft, seen: Set<string>): string {
  if (!companion.name.trim()) return '请填写姓名';
  const problem = idNumberError(companion.idNumber);
  if (problem) return problem;
  const id = normalizeIdNumber(companion.idNumber);
  if (seen.has(id)) return '身份证号码与其他来访人重复';
  seen.add(id);
  return '';
}

export function checkBooking(draft: BookingDraft, now: number): CheckedBooking {
  const errors: BookingErrors = {};
  if (!draft.hostId) errors.host = '请选择被访人';
  const purpose = draft.purpose.trim();
  if (!purpose) errors.purpose = '请填写来访事由';
  else if (purpose.length > PURPOSE_MAX) errors.purpose = `来访事由不超过 ${PURPOSE_MAX} 字`;
  const window = checkWindow(draft, now);
  if (window.error) errors.window = window.error;
  const areaIds = draft.areas.filter((area) => area.selected).map((area) => area.id);
  if (draft.areas.length > 0 && areaIds.length === 0) errors.areas = '请至少选择一个到访区域';
  const name = draft.name.trim();
  if (!name) errors.name = '请填写姓名';
  else if (name.length > NAME_MAX) errors.name = `姓名不超过 ${NAME_MAX} 字`;
  const idProblem = idNumberError(draft.idNumber);
  if (idProblem) errors.idNumber = idProblem;
  if (!isValidPhone(draft.phone)) errors.phone = '请填写正确的手机号码';
  const company = draft.company.trim();
  if (company.length > COMPANY_MAX) errors.company = `来访单位不超过 ${COMPANY_MAX} 字`;
  const plate = draft.plate.trim() ? parsePlate(draft.plate) : null;
  if (draft.plate.trim() && !plate) errors.plate = '车牌号格式不正确，例如 京A12345';

  const seen = new Set<string>(idProblem ? [] : [normalizeIdNumber(draft.idNumber)]);
  const companionErrors = draft.companions.map((companion) => companionError(companion, seen));
  const firstBad = companionErrors.findIndex((error) => error !== '');
  if (firstBad >= 0) errors.companions = `同行人 ${firstBad + 1}：${companionErrors[firstBad]}`;
  if (draft.photoPath && !draft.photoConsent) errors.photo = '上传照片须先勾选同意照片采集说明';

  const first = BOOKING_FIELDS.find((field) => errors[field]);
  if (first) return { input: null, errors, companionErrors, firstError: errors[first]! };
  return {
    input: {
      hostId: draft.hostId!,
      purpose,
      validFrom: new Date(window.from).toISOString(),
      validUntil: new Date(window.until).toISOString(),
      areaIds,
      name,
      idNumber: normalizeIdNumber(draft.idNumber),
      phone: normalizePhone(draft.phone),
      company: company || null,
      plate,
      companions: draft.companions.map((companion) => ({
        name: companion.name.trim(),
        idNumber: normalizeIdNumber(companion.idNumber),
      })),
    },
    errors,
    companionErrors,
    firstError: '',
  };
}

/** Maps the API's extensions.field to the form field that shows it. */
export function fieldOfServerError(field: string | undefined): BookingField | null {
  if (!field) return null;
  const name = field.replace(/^input\./, '').split(/[.[]/)[0]!;
  const map: Record<string, BookingField> = {
    hostId: 'host',
    purpose: 'purpose',
    validFrom: 'window',
    validUntil: 'window',
    areaIds: 'areas',
    name: 'name',
    idNumber: 'idNumber',
    phone: 'phone',
    company: 'company',
    plate: 'plate',
    companions: 'companions',
    photoBase64: 'photo',
    photoConsent: 'photo',
  };
  return map[name] ?? null;
}
