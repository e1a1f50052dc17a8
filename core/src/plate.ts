// Chinese motor-vehicle plates (GA 36): province abbreviation + issuing-authority letter + serial.
// New-energy plates (since 2016, letters widened in 2021) carry 6 serial characters: small vehicles
// put the energy letter first (京AD12345), large ones last (京A12345D).
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const LETTER = 'A-HJ-NP-Z'; // I and O are never used: they read as 1 and 0
const ENERGY = 'DABCEFGHJK';

const REGULAR = new RegExp(`^[${PROVINCES}][${LETTER}][${LETTER}0-9]{4}[${LETTER}0-9挂学警港澳]$`);
const NEV_SMALL = new RegExp(`^[${PROVINCES}][${LETTER}][${ENERGY}][${LETTER}0-9]\\d{4}$`);
const NEV_LARGE = new RegExp(`^[${PROVINCES}][${LETTER}]\\d{5}[${ENERGY}]$`);
const EMBASSY = /^使\d{6}$|^\d{6}使$/;
const CONSULATE = new RegExp(`^[${PROVINCES}][${LETTER}]\\d{4}领$`);

export interface PlateInfo {
  plate: string;
  newEnergy: boolean;
}

export function normalizePlate(raw: string): string {
  return raw.replace(/[\s·.\-•]/g, '').toUpperCase();
}

/** Returns the normalised plate, or null when it is not a valid Chinese plate. */
export function parsePlate(raw: string): PlateInfo | null {
  const plate = normalizePlate(raw);
  if (NEV_SMALL.test(plate) || NEV_LARGE.test(plate)) return { plate, newEnergy: true };
  if (REGULAR.test(plate) || EMBASSY.test(plate) || CONSULATE.test(plate)) return { plate, newEnergy: false };
  return null;
}
