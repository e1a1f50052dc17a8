import { genderFromIdNumber } from '@park/core';
import { recordAudit } from '../audit/audit.service.js';
import { DEFAULT_ROLES } from '../auth/auth.service.js';
import { UserAccount } from '../auth/user-account.entity.js';
import { inTransaction, type RequestContext } from '../common/context.js';
import { validation } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { ContractorCompany } from './contractor-company.entity.js';
import { Gender, PersonType } from './identity.enums.js';
import { type Problem, problem, problemError } from './identity.errors.js';
import { PersonChanged } from './identity.events.js';
import { OrgUnit } from './org-unit.entity.js';
import { Person } from './person.entity.js';
import type { PersonInput } from './person.input.js';
import { personSnapshot } from './person.snapshot.js';
import { checkPersonFields } from './person-rules.js';
import { personInScope } from './person-scope.js';
import { Post } from './post.entity.js';

export async function createPerson(ctx: RequestContext, input: PersonInput): Promise<Person> {
  if (!input.name || !input.type) throw validation('新建人员须填写姓名和人员类型');
  return inTransaction(ctx, async (tx) => {
    const person = new Person();
    person.type = input.type!;
    await applyInput(tx, person, input);
    await assertLoginNameFree(tx, person);
    tx.em.persist(person);
    ensureAccount(tx, person);
    await recordAudit(tx, {
      action: 'PERSON_CREATE',
      entityType: 'Person',
      entityId: person.id,
      after: personSnapshot(person),
    });
    tx.emit?.(new PersonChanged(person.id));
    return person;
  });
}

export async function updatePerson(ctx: RequestContext, id: string, input: PersonInput): Promise<Person> {
  return inTransaction(ctx, async (tx) => {
    const person = await personInScope(tx, id);
    const before = personSnapshot(person);
    if (input.type) person.type = input.type;
    await applyInput(tx, person, input);
    await recordAudit(tx, {
      action: 'PERSON_UPDATE',
      entityType: 'Person',
      entityId: id,
      before,
      after: personSnapshot(person),
    });
    tx.emit?.(new PersonChanged(person.id));
    return person;
  });
}

/** Validates everything first and throws the first problem; nothing is changed on any problem. */
async function applyInput(ctx: RequestContext, person: Person, input: PersonInput): Promise<void> {
  const { values, problems } = checkPersonFields(input);
  const refs = await resolveRefs(ctx, person, input, problems);
  await checkUnique(ctx, person.id, values, problems);
  if (problems.length) throw problemError(problems[0]!);
  Object.assign(person, values);
  if (input.gender) person.gender = input.gender;
  else if (values.idNumber && person.gender === Gender.UNKNOWN)
    person.gender = genderFromIdNumber(values.idNumber) as Gender;
  if (input.entryDate !== undefined) person.entryDate = input.entryDate;
  if (input.orgUnitId !== undefined)
    person.orgUnit = refs.orgUnit ? ctx.em.getReference(OrgUnit, refs.orgUnit.id, { wrapped: true }) : null;
  if (input.postId !== undefined)
    person.post = refs.post ? ctx.em.getReference(Post, refs.post.id, { wrapped: true }) : null;
  if (input.companyId !== undefined) {
    person.company = refs.company
      ? ctx.em.getReference(ContractorCompany, refs.company.id, { wrapped: true })
      : null;
  }
}

async function resolveRefs(ctx: RequestContext, person: Person, input: PersonInput, problems: Problem[]) {
  const orgUnitId = input.orgUnitId !== undefined ? input.orgUnitId : person.orgUnit?.id;
  const postId = input.postId !== undefined ? input.postId : person.post?.id;
  const orgUnit = isUuid(orgUnitId) ? await ctx.em.findOne(OrgUnit, orgUnitId) : null;
  if (orgUnitId && !orgUnit) problems.push(problem('orgUnitId', 'UNKNOWN_ORG_UNIT', '所选组织不存在'));
  const post = isUuid(postId) ? await ctx.em.findOne(Post, postId) : null;
  if (postId && !post) problems.push(problem('postId', 'UNKNOWN_POST', '所选岗位不存在'));
  if (post && orgUnit && post.company.id !== orgUnit.companyId) {
    problems.push(problem('postId', 'POST_OTHER_COMPANY', '岗位不属于该人员所在公司'));
  }
  if (post && !orgUnit)
    problems.push(problem('postId', 'POST_WITHOUT_ORG_UNIT', '设置岗位前须先选择所属组织'));
  const company = isUuid(input.companyId) ? await ctx.em.findOne(ContractorCompany, input.companyId) : null;
  if (input.companyId && !company)
    problems.push(problem('companyId', 'UNKNOWN_COMPANY', '所选外协单位不存在'));
  return { orgUnit, post, company };
}

async function checkUnique(
  ctx: RequestContext,
  selfId: string,
  v: { idNumber?: string | null; employeeNo?: string | null },
  problems: Problem[],
) {
  if (v.idNumber && (await ctx.em.count(Person, { idNumber: v.idNumber, id: { $ne: selfId } }))) {
    problems.push(problem('idNumber', 'DUPLICATE_ID_NUMBER', '该身份证号已登记在其他人员名下'));
  }
  if (v.employeeNo && (await ctx.em.count(Person, { employeeNo: v.employeeNo, id: { $ne: selfId } }))) {
    problems.push(problem('employeeNo', 'DUPLICATE_EMPLOYEE_NO', '该工号已被使用'));
  }
}

/** The login name a new person gets (工号, else phone), or null when they get no login. */
function loginNameOf(person: Person): string | null {
  const username = person.employeeNo ?? person.phone;
  if (!person.idNumber || !username || ![PersonType.EMPLOYEE, PersonType.CONTRACTOR].includes(person.type))
    return null;
  return username;
}

/** A login name another account holds would fail the unique index at commit; say so in Chinese instead. */
async function assertLoginNameFree(ctx: RequestContext, person: Person): Promise<void> {
  const username = loginNameOf(person);
  if (username && (await ctx.em.count(UserAccount, { username }))) {
    const field = person.employeeNo ? 'employeeNo' : 'phone';
    throw problemError(problem(field, 'DUPLICATE_USERNAME', `登录名 ${username} 已被使用`));
  }
}

/**
 * Employees and contractors with an ID number get a login: username = 工号, else phone; the first
 * password is the last six characters of the ID number and must be changed at first login.
 */
export function ensureAccount(ctx: RequestContext, person: Person): UserAccount | null {
  const username = loginNameOf(person);
  if (!username) return null;
  const account = new UserAccount();
  account.username = username;
  account.roles = DEFAULT_ROLES[person.type] ?? [];
  account.person = ctx.em.getReference(Person, person.id, { wrapped: true });
  account.mustChangePassword = true;
  ctx.em.persist(account);
  return account;
}
