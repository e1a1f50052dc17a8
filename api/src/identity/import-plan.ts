import { genderFromIdNumber, parsePlate } from '@park/core';
import { UserAccount } from '../auth/user-account.entity.js';
import type { RequestContext } from '../common/context.js';
import { Card } from './card.entity.js';
import { NUMBER_TAKEN } from './card.service.js';
import { ContractorCompany } from './contractor-company.entity.js';
import { Gender, PersonType } from './identity.enums.js';
import type { ColumnKey, RawRow } from './import-file.js';
import { OrgUnit } from './org-unit.entity.js';
import { Person } from './person.entity.js';
import { CARD_NUMBER, checkPersonFields } from './person-rules.js';
import { Post } from './post.entity.js';
import { Vehicle } from './vehicle.entity.js';

export interface RowError {
  row: number;
  column: string | null;
  code: string;
  message: string;
}

/** A row that passed every check, with everything resolved to ids. */
export interface PlannedRow {
  row: number;
  name: string;
  gender: Gender;
  idNumber: string | null;
  phone: string | null;
  employeeNo: string | null;
  photoUrl: string | null;
  type: PersonType;
  orgUnitId: string | null;
  postId: string | null;
  companyId: string | null;
  entryDate: string | null;
  cardNumber: string | null;
  plate: { plate: string; newEnergy: boolean } | null;
  username: string | null;
}

const TYPES: Record<string, PersonType> = {
  职工: PersonType.EMPLOYEE,
  员工: PersonType.EMPLOYEE,
  EMPLOYEE: PersonType.EMPLOYEE,
  外协: PersonType.CONTRACTOR,
  外协人员: PersonType.CONTRACTOR,
  CONTRACTOR: PersonType.CONTRACTOR,
  访客: PersonType.VISITOR,
  VISITOR: PersonType.VISITOR,
  其他: PersonType.OTHER,
  OTHER: PersonType.OTHER,
};
const GENDERS: Record<string, Gender> = {
  男: Gender.MALE,
  女: Gender.FEMALE,
  MALE: Gender.MALE,
  FEMALE: Gender.FEMALE,
};
const HEADER: Record<ColumnKey, string> = {
  name: '姓名',
  gender: '性别',
  idNumber: '身份证号',
  phone: '手机号',
  employeeNo: '工号',
  type: '人员类型',
  orgUnit: '组织',
  post: '岗位',
  company: '外协单位',
  cardNumber: '卡号',
  plate: '车牌',
  entryDate: '入职日期',
  photoUrl: '照片',
};

/** Reference data and what is already taken, loaded in a handful of queries for the whole file. */
async function loadLookups(ctx: RequestContext, rows: RawRow[]) {
  const em = ctx.em;
  const units = await em.find(OrgUnit, {});
  const posts = await em.find(Post, {});
  const companies = await em.find(ContractorCompany, {});
  const values = (k: ColumnKey, f: (s: string) => string = (s) => s) => [
    ...new Set(
      rows
        .map((r) => r[k])
        .filter((v): v is string => !!v)
        .map(f),
    ),
  ];
  const taken = async <T extends object>(
    entity: new () => T,
    field: string,
    list: string[],
    extra: object = {},
  ) => {
    const out = new Set<string>();
    for (let i = 0; i < list.length; i += 5000) {
      const found = await em.find(entity, { [field]: { $in: list.slice(i, i + 5000) }, ...extra } as never, {
        fields: [field] as never,
      });
      for (const f of found) out.add((f as Record<string, string>)[field]!);
    }
    return out;
  };
  return {
    unitsByName: new Map(
      units.flatMap(
        (u) =>
          [
            [u.fullName, u],
            [u.code, u],
          ] as const,
      ),
    ),
    units: new Map(units.map((u) => [u.id, u])),
    posts,
    companies: new Map(
      companies.flatMap((c) => [[c.name, c], ...(c.creditCode ? [[c.creditCode, c] as const] : [])]),
    ),
    idNumbers: await taken(
      Person,
      'idNumber',
      values('idNumber', (s) => s.toUpperCase()),
    ),
    employeeNos: await taken(Person, 'employeeNo', values('employeeNo')),
    usernames: await taken(UserAccount, 'username', [...values('employeeNo'), ...values('phone')]),
    cards: await taken(
      Card,
      'number',
      values('cardNumber', (s) => s.toUpperCase()),
      NUMBER_TAKEN,
    ),
    plates: await taken(
      Vehicle,
      'plate',
      values('plate', (s) => parsePlate(s)?.plate ?? s),
      { active: true },
    ),
  };
}

/** Checks every row against the rules, the database and the rest of the file; reports every problem. */
export async function planImport(ctx: RequestContext, rows: RawRow[], onProgress: (n: number) => void) {
  const L = await loadLookups(ctx, rows);
  const errors: RowError[] = [];
  const planned: PlannedRow[] = [];
  const seen = {
    idNumber: new Map<string, number>(),
    employeeNo: new Map<string, number>(),
    card: new Map<string, number>(),
    plate: new Map<string, number>(),
    username: new Map<string, number>(),
  };
  for (const [i, r] of rows.entries()) {
    if (i % 500 === 0) onProgress(i);
    const errs: RowError[] = [];
    const err = (col: ColumnKey | null, code: string, message: string) =>
      errs.push({ row: r.row, column: col ? HEADER[col] : null, code, message });
    const once = (kind: keyof typeof seen, value: string, col: ColumnKey, what: string) => {
      const first = seen[kind].get(value);
      if (first !== undefined) err(col, 'DUPLICATE_IN_FILE', `${what}与第 ${first} 行重复`);
      else seen[kind].set(value, r.row);
    };
    if (!r.name) err('name', 'BAD_NAME', '姓名不能为空');
    const { values, problems } = checkPersonFields({
      name: r.name ?? '',
      idNumber: r.idNumber ?? null,
      phone: r.phone ?? null,
      employeeNo: r.employeeNo ?? null,
      photoUrl: r.photoUrl ?? null,
    });
    for (const p of problems) if (p.field !== 'name' || r.name) err(p.field as ColumnKey, p.code, p.message);
    const type = r.type ? (TYPES[r.type.toUpperCase()] ?? TYPES[r.type]) : PersonType.EMPLOYEE;
    if (!type) err('type', 'BAD_TYPE', '人员类型应为 职工、外协、访客 或 其他');
    const gender = r.gender ? (GENDERS[r.gender.toUpperCase()] ?? GENDERS[r.gender]) : undefined;
    if (r.gender && !gender) err('gender', 'BAD_GENDER', '性别应为 男 或 女');
    if (values.idNumber) {
      if (L.idNumbers.has(values.idNumber)) err('idNumber', 'DUPLICATE_ID_NUMBER', '该身份证号已登记');
      once('idNumber', values.idNumber, 'idNumber', '身份证号');
    }
    if (values.employeeNo) {
      if (L.employeeNos.has(values.employeeNo)) err('employeeNo', 'DUPLICATE_EMPLOYEE_NO', '该工号已被使用');
      once('employeeNo', values.employeeNo, 'employeeNo', '工号');
    }
    const unit = r.orgUnit ? L.unitsByName.get(r.orgUnit) : undefined;
    if (r.orgUnit && !unit)
      err('orgUnit', 'UNKNOWN_ORG_UNIT', `未知组织「${r.orgUnit}」，请填写完整路径，如「公司/部门/班组」`);
    let postId: string | null = null;
    if (r.post) {
      const candidates = L.posts.filter((p) => p.name === r.post || p.code === r.post);
      const own = unit ? candidates.find((p) => p.company.id === unit.companyId) : undefined;
      if (!candidates.length) err('post', 'UNKNOWN_POST', `未知岗位「${r.post}」`);
      else if (!unit) err('post', 'POST_WITHOUT_ORG_UNIT', '填写岗位时须同时填写组织');
      else if (!own) err('post', 'POST_OTHER_COMPANY', `岗位「${r.post}」不属于该组织所在公司`);
      else postId = own.id;
    }
    const company = r.company ? L.companies.get(r.company) : undefined;
    if (r.company && !company) err('company', 'UNKNOWN_COMPANY', `未登记的外协单位「${r.company}」`);
    const cardNumber = r.cardNumber?.toUpperCase() ?? null;
    if (cardNumber) {
      if (!CARD_NUMBER.test(cardNumber)) err('cardNumber', 'BAD_CARD_NUMBER', '卡号应为 4–32 位字母或数字');
      else if (L.cards.has(cardNumber)) err('cardNumber', 'DUPLICATE_CARD', `卡号 ${cardNumber} 已被使用`);
      once('card', cardNumber, 'cardNumber', '卡号');
    }
    const plate = r.plate ? parsePlate(r.plate) : null;
    if (r.plate && !plate) err('plate', 'BAD_PLATE', '车牌号格式不正确');
    if (plate) {
      if (L.plates.has(plate.plate)) err('plate', 'DUPLICATE_PLATE', `车牌 ${plate.plate} 已登记`);
      once('plate', plate.plate, 'plate', '车牌');
    }
    if (r.entryDate && !/^\d{4}-\d{2}-\d{2}$/.test(r.entryDate))
      err('entryDate', 'BAD_DATE', '日期格式应为 YYYY-MM-DD');
    const wantsLogin = values.idNumber && (type === PersonType.EMPLOYEE || type === PersonType.CONTRACTOR);
    const username = wantsLogin ? (values.employeeNo ?? values.phone ?? null) : null;
    if (username) {
      if (L.usernames.has(username))
        err(values.employeeNo ? 'employeeNo' : 'phone', 'DUPLICATE_USERNAME', `登录名 ${username} 已被使用`);
      once('username', username, values.employeeNo ? 'employeeNo' : 'phone', '登录名');
    }
    if (errs.length) {
      errors.push(...errs);
      continue;
    }
    planned.push({
      row: r.row,
      name: values.name!,
      gender: gender ?? (values.idNumber ? (genderFromIdNumber(values.idNumber) as Gender) : Gender.UNKNOWN),
      idNumber: values.idNumber ?? null,
      phone: values.phone ?? null,
      employeeNo: values.employeeNo ?? null,
      photoUrl: values.photoUrl ?? null,
      type: type!,
      orgUnitId: unit?.id ?? null,
      postId,
      companyId: company?.id ?? null,
      entryDate: r.entryDate ?? null,
      cardNumber,
      plate,
      username,
    });
  }
  onProgress(rows.length);
  return { errors, planned };
}
