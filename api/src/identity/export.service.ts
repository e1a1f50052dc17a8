import { maskIdNumber } from '@park/core';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type RequestContext } from '../common/context.js';
import { Permission } from '../common/permission.js';
import { Card } from './card.entity.js';
import { ContractorCompany } from './contractor-company.entity.js';
import { CardStatus } from './identity.enums.js';
import { writeXlsx } from './import-file.js';
import { selectPeople } from './people.query.js';
import type { PeopleFilter } from './person.input.js';
import { Vehicle } from './vehicle.entity.js';

const TYPE_NAMES: Record<string, string> = {
  EMPLOYEE: '职工',
  CONTRACTOR: '外协',
  VISITOR: '访客',
  OTHER: '其他',
};
const GENDER_NAMES: Record<string, string> = { MALE: '男', FEMALE: '女', UNKNOWN: '' };

/** The caller's people in the import columns, so an export can be edited and imported elsewhere. */
export async function exportPeople(ctx: RequestContext, filter?: PeopleFilter) {
  const { items: people } = await selectPeople(ctx, filter, 0, 100_000);
  // Personal data leaving the system in bulk: who took which slice, and how many people (PIPL).
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, {
      action: 'PEOPLE_EXPORT',
      entityType: 'Person',
      after: { filter: { ...filter }, count: people.length },
    }),
  );
  const org = await ctx.org.ready(ctx.em);
  const ids = people.map((p) => p.id);
  const cards = new Map(
    (await ctx.em.find(Card, { person: { $in: ids }, status: CardStatus.ACTIVE })).map((c) => [
      c.person.id,
      c.number,
    ]),
  );
  const plates = new Map(
    (await ctx.em.find(Vehicle, { person: { $in: ids }, active: true })).map((v) => [v.person.id, v.plate]),
  );
  const companies = new Map((await ctx.em.find(ContractorCompany, {})).map((c) => [c.id, c.name]));
  const sensitive = ctx.principal?.permissions.has(Permission.PERSON_READ_SENSITIVE);
  const rows = people.map((p) => ({
    name: p.name,
    gender: GENDER_NAMES[p.gender] ?? '',
    idNumber: p.idNumber ? (sensitive ? p.idNumber : maskIdNumber(p.idNumber)) : '',
    phone: p.phone ?? '',
    employeeNo: p.employeeNo ?? '',
    type: TYPE_NAMES[p.type] ?? p.type,
    orgUnit: org.unit(p.orgUnit?.id)?.fullName ?? '',
    post: org.post(p.post?.id)?.name ?? '',
    company: p.company ? (companies.get(p.company.id) ?? '') : '',
    cardNumber: cards.get(p.id) ?? '',
    plate: plates.get(p.id) ?? '',
    entryDate: p.entryDate ?? '',
    photoUrl: p.photoUrl ?? '',
  }));
  const stamp = new Date().toISOString().slice(0, 10);
  return {
    filename: `人员档案-${stamp}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: (await writeXlsx(rows)).toString('base64'),
    count: rows.length,
  };
}
