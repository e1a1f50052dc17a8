import type { AntiPassbackMode, AreaInput, SecurityLevel } from '../gql/graphql';
import { DEFAULT_ANTI_PASSBACK } from './area-tree';

export interface AreaFormValues {
  name: string;
  code: string;
  parentId: string | null;
  securityLevel: SecurityLevel;
  postDefaultsApply: boolean;
  maxOccupancy: string;
  antiPassback: AntiPassbackMode;
  twoPerson: boolean;
  twoPersonWithinSeconds: string;
  qualifications: string;
}

/** The server's rule for area and passage-point codes. */
export const CODE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

export function emptyAreaForm(
  parentId: string | null = null,
  level: SecurityLevel = 'OFFICE',
): AreaFormValues {
  return {
    name: '',
    code: '',
    parentId,
    securityLevel: level,
    ...policyDefaults(level),
    maxOccupancy: '',
    twoPerson: false,
    twoPersonWithinSeconds: '30',
    qualifications: '',
  };
}

/** Key areas (集控室, 配电室, 油库 …) are closed to post defaults and strict about passback. */
export function policyDefaults(
  level: SecurityLevel,
): Pick<AreaFormValues, 'postDefaultsApply' | 'antiPassback'> {
  return { postDefaultsApply: level !== 'KEY', antiPassback: DEFAULT_ANTI_PASSBACK[level] };
}

const WHOLE = /^\d+$/;

export function isValidOccupancy(value: string): boolean {
  const text = value.trim();
  return !text || (WHOLE.test(text) && Number(text) >= 1);
}

export function isValidTwoPersonSeconds(value: string): boolean {
  const text = value.trim();
  return WHOLE.test(text) && Number(text) >= 1 && Number(text) <= 600;
}

/** "ELECTRICIAN, HAZCHEM" or one per line; Chinese commas too. Duplicates collapse. */
export function parseQualifications(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,，、;；]+/)
        .map((q) => q.trim())
        .filter(Boolean),
    ),
  ];
}

export function toAreaInput(values: AreaFormValues): AreaInput {
  const occupancy = values.maxOccupancy.trim();
  return {
    name: values.name.trim(),
    code: values.code.trim(),
    parentId: values.parentId,
    securityLevel: values.securityLevel,
    postDefaultsApply: values.postDefaultsApply,
    maxOccupancy: occupancy ? Number(occupancy) : null,
    antiPassback: values.antiPassback,
    twoPersonWithinSeconds: values.twoPerson ? Number(values.twoPersonWithinSeconds.trim()) : null,
    requiredQualifications: parseQualifications(values.qualifications),
  };
}
