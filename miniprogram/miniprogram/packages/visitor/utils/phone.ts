// Mainland mobiles and landlines with area code, ported from core/src/phone.ts (see id-number.ts).
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;

export function normalizePhone(raw: string): string {
  return raw.replace(/[\s()]/g, '').replace(/^\+?86-?/, '');
}

export function isValidPhone(raw: string): boolean {
  const phone = normalizePhone(raw);
  return MOBILE.test(phone) || LANDLINE.test(phone);
}
