// Resident identity number (居民身份证号码), GB 11643-1999. Ported from core/src/id-number.ts because
// the mini-program cannot load workspace packages (ESM, outside its root); test/visitor-validators.test.ts
// keeps the two in step.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem = 'FORMAT' | 'BIRTH_DATE' | 'CHECK_DIGIT';

export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Returns null when valid, else what is wrong. */
export function checkIdNumber(raw: string, today: Date = new Date()): IdNumberProblem | null {
  const id = normalizeIdNumber(raw);
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return 'FORMAT';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (
    y < 1900 ||
    birth.getUTCMonth() !== m - 1 ||
    birth.getUTCDate() !== d ||
    birth.getTime() > today.getTime()
  ) {
    return 'BIRTH_DATE';
  }
  return idNumberCheckChar(id) === id[17] ? null : 'CHECK_DIGIT';
}

const PROBLEM_TEXT: Record<IdNumberProblem, string> = {
  FORMAT: '身份证号码应为 18 位',
  BIRTH_DATE: '身份证号码中的出生日期无效',
  CHECK_DIGIT: '身份证号码校验位不正确，请核对',
};

/** A Chinese sentence for the form, or '' when the number is valid. */
export function idNumberError(raw: string, today?: Date): string {
  const problem = checkIdNumber(raw, today);
  return problem ? PROBLEM_TEXT[problem] : '';
}
