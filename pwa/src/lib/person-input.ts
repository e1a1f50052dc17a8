import type { Gender, PersonDetailFragment, PersonInput, PersonType } from '../gql/graphql';

export interface PersonFormValues {
  name: string;
  employeeNo: string;
  gender: Gender;
  type: PersonType;
  idNumber: string;
  phone: string;
  orgUnitId: string | null;
  postId: string | null;
  entryDate: string;
}

export function formValuesFrom(person: PersonDetailFragment | null): PersonFormValues {
  return {
    name: person?.name ?? '',
    employeeNo: person?.employeeNo ?? '',
    gender: person?.gender ?? 'UNKNOWN',
    type: person?.type ?? 'EMPLOYEE',
    idNumber: person?.idNumber ?? '',
    phone: person?.phone ?? '',
    orgUnitId: person?.orgUnit?.id ?? null,
    postId: person?.post?.id ?? null,
    entryDate: person?.entryDate ?? '',
  };
}

/**
 * The mutation input: everything filled in for a new person; only what changed for an edit, so the
 * masked ID number the server sent ("110101********1234") is never sent back as if it were real.
 */
export function toPersonInput(values: PersonFormValues, original: PersonDetailFragment | null): PersonInput {
  const before = original ? formValuesFrom(original) : null;
  const input: PersonInput = {};
  const text = (v: string): string | null => v.trim() || null;
  const changed = <K extends keyof PersonFormValues>(key: K): boolean =>
    !before || before[key] !== values[key];
  if (changed('name')) input.name = values.name.trim();
  if (changed('employeeNo') && (before || text(values.employeeNo)))
    input.employeeNo = text(values.employeeNo);
  if (changed('gender')) input.gender = values.gender;
  if (changed('type')) input.type = values.type;
  if (changed('idNumber') && (before || text(values.idNumber)))
    input.idNumber = text(values.idNumber)?.toUpperCase() ?? null;
  if (changed('phone') && (before || text(values.phone))) input.phone = text(values.phone);
  if (changed('orgUnitId') && (before || values.orgUnitId)) input.orgUnitId = values.orgUnitId;
  if (changed('postId') && (before || values.postId)) input.postId = values.postId;
  if (changed('entryDate') && (before || values.entryDate)) input.entryDate = text(values.entryDate);
  return input;
}
