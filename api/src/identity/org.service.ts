import { Field, ID, InputType } from 'type-graphql';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type RequestContext } from '../common/context.js';
import { DomainError, notFound, validation } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { ContractorCompany } from './contractor-company.entity.js';
import { OrgUnitKind, PersonStatus } from './identity.enums.js';
import { OrgChanged } from './org-directory.js';
import { OrgUnit } from './org-unit.entity.js';
import { Person } from './person.entity.js';
import { Post } from './post.entity.js';

@InputType()
export class OrgUnitInput {
  @Field(() => String)
  name!: string;
  @Field(() => String, { description: '全厂唯一编码' })
  code!: string;
  @Field(() => OrgUnitKind)
  kind!: OrgUnitKind;
  @Field(() => ID, { nullable: true, description: '公司不填；部门填公司；班组填部门' })
  parentId?: string | null;
}

@InputType()
export class PostInput {
  @Field(() => String)
  name!: string;
  @Field(() => String)
  code!: string;
  @Field(() => ID)
  companyId!: string;
}

@InputType()
export class ContractorCompanyInput {
  @Field(() => String)
  name!: string;
  @Field(() => String, { nullable: true, description: '统一社会信用代码（18 位）' })
  creditCode?: string | null;
  @Field(() => String, { nullable: true })
  contactName?: string | null;
  @Field(() => String, { nullable: true })
  contactPhone?: string | null;
}

// Which kind of unit may sit under which: company → department → team.
const PARENT_KIND: Record<OrgUnitKind, OrgUnitKind | null> = {
  [OrgUnitKind.COMPANY]: null,
  [OrgUnitKind.DEPARTMENT]: OrgUnitKind.COMPANY,
  [OrgUnitKind.TEAM]: OrgUnitKind.DEPARTMENT,
};

const duplicate = (what: string) => new DomainError('DUPLICATE', `${what}已存在`);

export async function createOrgUnit(ctx: RequestContext, input: OrgUnitInput): Promise<OrgUnit> {
  const name = input.name.trim();
  const code = input.code.trim();
  if (!name || name.includes('/') || !/^[A-Za-z0-9_-]{1,32}$/.test(code)) {
    throw validation('名称不能为空且不能含“/”，编码为 1–32 位字母、数字、下划线或连字符');
  }
  return inTransaction(ctx, async (tx) => {
    const parent = isUuid(input.parentId) ? await tx.em.findOne(OrgUnit, input.parentId) : null;
    if (input.parentId && !parent) throw new DomainError('UNKNOWN_ORG_UNIT', '上级组织不存在');
    if ((parent?.kind ?? null) !== PARENT_KIND[input.kind]) {
      throw new DomainError('BAD_ORG_LEVEL', '组织层级应为：公司 → 部门 → 班组');
    }
    const fullName = parent ? `${parent.fullName}/${name}` : name;
    if (await tx.em.count(OrgUnit, { $or: [{ code }, { fullName }] })) throw duplicate('同名或同编码的组织');
    const unit = tx.em.create(OrgUnit, { name, code, kind: input.kind, parent, path: '', fullName });
    unit.path = `${parent?.path ?? '/'}${unit.id}/`;
    tx.emit?.(new OrgChanged());
    await recordAudit(tx, {
      action: 'ORG_UNIT_CREATE',
      entityType: 'OrgUnit',
      entityId: unit.id,
      after: { name, code, kind: input.kind, parentId: parent?.id ?? null },
    });
    return unit;
  });
}

/** The head of a unit is its approver and sees the unit's people (scope). */
export async function setOrgUnitHead(
  ctx: RequestContext,
  orgUnitId: string,
  personId: string | null,
): Promise<OrgUnit> {
  return inTransaction(ctx, async (tx) => {
    const unit = isUuid(orgUnitId) ? await tx.em.findOne(OrgUnit, orgUnitId) : null;
    if (!unit) throw notFound('组织');
    if (personId && !isUuid(personId)) throw notFound('人员');
    if (personId && !(await tx.em.count(Person, { id: personId, status: PersonStatus.ACTIVE })))
      throw notFound('人员');
    const before = { headPersonId: unit.headPersonId ?? null };
    unit.headPersonId = personId;
    tx.emit?.(new OrgChanged());
    await recordAudit(tx, {
      action: 'ORG_UNIT_HEAD_SET',
      entityType: 'OrgUnit',
      entityId: unit.id,
      before,
      after: { headPersonId: personId },
    });
    return unit;
  });
}

export async function createPost(ctx: RequestContext, input: PostInput): Promise<Post> {
  const name = input.name.trim();
  const code = input.code.trim();
  if (!name || !code) throw validation('岗位名称和编码不能为空');
  return inTransaction(ctx, async (tx) => {
    const company = isUuid(input.companyId) ? await tx.em.findOne(OrgUnit, input.companyId) : null;
    if (!company || company.kind !== OrgUnitKind.COMPANY)
      throw new DomainError('UNKNOWN_ORG_UNIT', '岗位须属于一个公司');
    if (await tx.em.count(Post, { company: company.id, code })) throw duplicate('同编码的岗位');
    const post = tx.em.create(Post, { name, code, company });
    tx.emit?.(new OrgChanged());
    await recordAudit(tx, {
      action: 'POST_CREATE',
      entityType: 'Post',
      entityId: post.id,
      after: { name, code, companyId: company.id },
    });
    return post;
  });
}

export async function createContractorCompany(
  ctx: RequestContext,
  input: ContractorCompanyInput,
): Promise<ContractorCompany> {
  const name = input.name.trim();
  const creditCode = input.creditCode?.trim().toUpperCase() || null;
  if (!name) throw validation('单位名称不能为空', 'name');
  if (creditCode && !/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(creditCode)) {
    throw new DomainError('BAD_CREDIT_CODE', '统一社会信用代码格式不正确', { field: 'creditCode' });
  }
  return inTransaction(ctx, async (tx) => {
    if (await tx.em.count(ContractorCompany, { $or: [{ name }, ...(creditCode ? [{ creditCode }] : [])] }))
      throw duplicate('同名或同信用代码的单位');
    const c = tx.em.create(ContractorCompany, {
      name,
      creditCode,
      contactName: input.contactName ?? null,
      contactPhone: input.contactPhone ?? null,
    });
    await recordAudit(tx, {
      action: 'CONTRACTOR_COMPANY_CREATE',
      entityType: 'ContractorCompany',
      entityId: c.id,
      after: { name, creditCode },
    });
    return c;
  });
}
