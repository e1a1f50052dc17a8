import { genderFromIdNumber } from '@park/core';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type RequestContext } from '../common/context.js';
import { DomainError } from '../common/errors.js';
import { Gender, PersonStatus, PersonType } from './identity.enums.js';
import { IdentityErrors, problemError } from './identity.errors.js';
import { PersonChanged } from './identity.events.js';
import { Person } from './person.entity.js';
import { personSnapshot } from './person.snapshot.js';
import { checkPersonFields } from './person-rules.js';

/** A name and a resident ID number that belong together (实名), with an optional phone. */
export interface RealName {
  name: string;
  idNumber: string;
  phone: string | null;
}

/** The name WeChat login gives a person before they say who they are. */
export const UNNAMED = '微信用户';

const at = (prefix: string, field: string) => (prefix ? `${prefix}.${field}` : field);

export const RealNameErrors = {
  idNumberTaken: (field: string) =>
    new DomainError('ID_NUMBER_TAKEN', '该身份证号已登记在其他账号下，请联系被访人或到门岗登记', { field }),
  idNumberMismatch: (field: string) =>
    new DomainError('ID_NUMBER_MISMATCH', '身份证号与您已登记的不一致，如需更正请联系保卫部', { field }),
  nameMismatch: (field: string) => new DomainError('NAME_MISMATCH', '姓名与身份证号登记的不一致', { field }),
  isEmployee: (field: string) =>
    new DomainError('PERSON_IS_EMPLOYEE', '该身份证号属于本厂职工，无需登记为访客', { field }),
};

/**
 * Format checks of a real name before anything is read or written: name, ID number (GB 11643 check
 * character), phone. `prefix` names the input, e.g. "companions[1]", so the client can point at it.
 */
export function checkRealName(
  input: { name: string; idNumber: string; phone?: string | null },
  prefix = '',
): RealName {
  const { values, problems } = checkPersonFields({
    name: input.name,
    idNumber: input.idNumber || null,
    phone: input.phone ?? null,
  });
  if (!values.idNumber)
    problems.unshift({ field: 'idNumber', code: 'BAD_ID_NUMBER', message: '请填写身份证号' });
  const first = problems[0];
  if (first) throw problemError({ ...first, field: at(prefix, first.field) });
  return { name: values.name!, idNumber: values.idNumber!, phone: values.phone ?? null };
}

/**
 * A WeChat user says who they are, on their own one Person record. Identity safety: an ID number
 * already on file for any other person (an employee above all) is never attached to this account —
 * that would hand a stranger someone else's record (and passes) for typing a number. Once the record
 * carries an ID number, it and the name stay; only 保卫部/HR correct them. Joins the caller's transaction.
 */
export async function settleOwnRealName(
  ctx: RequestContext,
  personId: string,
  real: RealName,
  prefix = '',
): Promise<Person> {
  return inTransaction(ctx, async (tx) => {
    const person = await tx.em.findOneOrFail(Person, personId);
    if (person.status !== PersonStatus.ACTIVE) throw IdentityErrors.personInactive();
    const before = personSnapshot(person);
    if (person.idNumber) {
      if (person.idNumber !== real.idNumber) throw RealNameErrors.idNumberMismatch(at(prefix, 'idNumber'));
      if (person.name !== real.name) throw RealNameErrors.nameMismatch(at(prefix, 'name'));
    } else {
      if (await tx.em.count(Person, { idNumber: real.idNumber }))
        throw RealNameErrors.idNumberTaken(at(prefix, 'idNumber'));
      person.idNumber = real.idNumber;
      person.name = real.name;
      if (person.gender === Gender.UNKNOWN) person.gender = genderFromIdNumber(real.idNumber) as Gender;
    }
    if (real.phone) person.phone = real.phone;
    const after = personSnapshot(person);
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      await recordAudit(tx, {
        action: 'PERSON_UPDATE',
        entityType: 'Person',
        entityId: person.id,
        before,
        after,
      });
      tx.emit?.(new PersonChanged(person.id));
    }
    return person;
  });
}

/**
 * The one Person of a real name someone else vouches for (a companion on a booking, a walk-in the
 * guard has seen the ID card of): found by ID number, or made as a visitor without a login. A record
 * on file must carry the same name and be active; an employee is never turned into a visitor. Never
 * overwrites what is on file (a booker must not rename somebody). Joins the caller's transaction.
 */
export async function realNamePerson(
  ctx: RequestContext,
  real: RealName,
  prefix = '',
  via = 'visit',
): Promise<Person> {
  return inTransaction(ctx, async (tx) => {
    const known = await tx.em.findOne(Person, { idNumber: real.idNumber });
    if (known) {
      if (known.type === PersonType.EMPLOYEE) throw RealNameErrors.isEmployee(at(prefix, 'idNumber'));
      if (known.name !== real.name) throw RealNameErrors.nameMismatch(at(prefix, 'name'));
      if (known.status !== PersonStatus.ACTIVE) throw IdentityErrors.personInactive();
      if (!known.phone && real.phone) known.phone = real.phone;
      return known;
    }
    const person = tx.em.create(Person, {
      name: real.name,
      idNumber: real.idNumber,
      phone: real.phone,
      gender: genderFromIdNumber(real.idNumber) as Gender,
      type: PersonType.VISITOR,
    });
    await recordAudit(tx, {
      action: 'PERSON_CREATE',
      entityType: 'Person',
      entityId: person.id,
      after: { ...personSnapshot(person), via },
    });
    tx.emit?.(new PersonChanged(person.id));
    return person;
  });
}
