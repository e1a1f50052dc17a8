import { maskIdNumber } from '@park/core';
import type { Person } from './person.entity.js';

/** What the audit log keeps of a person: no full ID number, no biometrics. */
export function personSnapshot(p: Person): Record<string, unknown> {
  return {
    name: p.name,
    gender: p.gender,
    idNumber: p.idNumber ? maskIdNumber(p.idNumber) : null,
    phone: p.phone ?? null,
    employeeNo: p.employeeNo ?? null,
    photoUrl: p.photoUrl ?? null,
    type: p.type,
    status: p.status,
    orgUnitId: p.orgUnit?.id ?? null,
    postId: p.post?.id ?? null,
    companyId: p.company?.id ?? null,
    entryDate: p.entryDate ?? null,
    exitDate: p.exitDate ?? null,
  };
}
