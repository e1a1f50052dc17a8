import { idNumberCheckChar } from '@park/core';
import { AccessGrant } from '../access/access-grant.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { UserAccount } from '../auth/user-account.entity.js';
import { BiometricTemplate } from '../identity/biometric-template.entity.js';
import { Card } from '../identity/card.entity.js';
import { OrgUnit } from '../identity/org-unit.entity.js';
import { Person } from '../identity/person.entity.js';
import { Post } from '../identity/post.entity.js';
import { Vehicle } from '../identity/vehicle.entity.js';
import type { GqlResult, TestEnvironment } from './environment.js';

/** The data of a result that must have succeeded; otherwise the test fails with the errors. */
export function ok<T>(r: GqlResult<T>): T {
  if (r.errors?.length || !r.data)
    throw new Error(`expected success, got ${JSON.stringify(r.errors)}`.slice(0, 2000));
  return r.data;
}

/** The first error of a result that must have failed. */
export function failure(r: GqlResult): { message: string; code: string | undefined } {
  const e = r.errors?.[0];
  if (!e) throw new Error(`expected an error, got ${JSON.stringify(r.data)}`.slice(0, 2000));
  return { message: e.message, code: e.extensions?.code };
}

export const CHINESE = /[\u4e00-\u9fff]/;

const COUNTED = { Person, Card, Vehicle, UserAccount, BiometricTemplate, AccessGrant, AuditEntry } as const;
export type RowCounts = Record<keyof typeof COUNTED, number>;

/** Rows in the tables a person-related mutation writes to, read behind the API. */
export async function rowCounts(env: TestEnvironment): Promise<RowCounts> {
  const em = env.context().em;
  const out = {} as RowCounts;
  for (const [name, entity] of Object.entries(COUNTED))
    out[name as keyof RowCounts] = await em.count(entity, {});
  return out;
}

let serial = 0;
const unique = () => String(++serial).padStart(5, '0');

/** A valid ID number from a region the demo plant does not use, so it never collides with the seed. */
export function newIdNumber(birth = '19900101'): string {
  const first17 = `110101${birth}${String(++serial % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** The same number with a wrong last character. */
export function withBadCheckDigit(id: string): string {
  const wrong = '10X98765432'.split('').find((c) => c !== id[17])!;
  return id.slice(0, 17) + wrong;
}

export interface PersonFields {
  name: string;
  type: string;
  idNumber?: string | null;
  phone?: string | null;
  employeeNo?: string | null;
  orgUnitId?: string | null;
  postId?: string | null;
  photoUrl?: string | null;
}

/** Input for a new employee whose unique fields are fresh. */
export function newEmployee(overrides: Partial<PersonFields> = {}): PersonFields {
  const n = unique();
  return {
    name: `测试${n}`,
    type: 'EMPLOYEE',
    idNumber: newIdNumber(),
    phone: `139${n.padStart(8, '0')}`,
    employeeNo: `T${n}`,
    ...overrides,
  };
}

export const PERSON_FIELDS =
  'id name type status gender phone employeeNo idNumber orgUnit { id fullName } post { id name }';

export const CREATE_PERSON = `mutation($input: PersonInput!) { createPerson(input: $input) { ${PERSON_FIELDS} } }`;

/** Ids from the seeded demo plant, looked up behind the API. */
export async function demoPlant(env: TestEnvironment) {
  const em = env.context().em;
  const unit = async (fullName: string) => (await em.findOneOrFail(OrgUnit, { fullName })).id;
  const company = await em.findOneOrFail(OrgUnit, { fullName: '东港发电有限公司' });
  const person = async (username: string) => {
    const acc = await em.findOneOrFail(UserAccount, { username });
    return acc.person!.id;
  };
  return {
    companyId: company.id,
    unit,
    postId: async (name: string) => (await em.findOneOrFail(Post, { name, company: company.id })).id,
    personOf: person,
  };
}
