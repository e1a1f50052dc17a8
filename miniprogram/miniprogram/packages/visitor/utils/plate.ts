// Chinese motor-vehicle plates (GA 36), ported from core/src/plate.ts (see id-number.ts for why).
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const LETTER = 'A-HJ-NP-Z'; // I and O are never used: they read as 1 and 0
const ENERGY = 'DABCEFGHJK';

const REGULAR = new RegExp(`^[${PROVINCES}][${LETTER}][${LETTER}0-9]{4}[${LETTER}0-9挂学警港澳]$`);
const NEV_SMALL = new RegExp(`^[${PROVINCES}][${LETTER}][${ENERGY}][${LETTER}0-9]\\d{4}$`);
const NEV_LARGE = new RegExp(`^[${PROVINCES}][${LETTER}]\\d{5}[${ENERGY}]$`);
const EMBASSY = /^使\d{6}$|^\d{6}使$/;
const CONSULATE = new RegExp(`^[${PROVINCES}][${LETTER}]\\d{4}领$`);

export function normalizePlate(raw: string): string {
  return raw.replace(/[\s·.\-•]/g, '').toUpperCase();
}

/** The normalised plate, or null when it is not a valid Chinese plate. */
export function parsePlate(raw: string): string | null {
  const plate = normalizePlate(raw);
  const valid = [NEV_SMALL, NEV_LARGE, REGULAR, EMBASSY, CONSULATE].some((pattern) => pattern.test(plate));
  return valid ? plate : null;
}
