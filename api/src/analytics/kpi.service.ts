import type { RequestContext } from '../common/context.js';
import { PersonStatus, PersonType } from '../identity/identity.enums.js';
import { Person } from '../identity/person.entity.js';

/** Field name in ARCHIVE_REQUIRED_FIELDS → how to tell it is filled, and its Chinese label. */
const FIELDS: Record<string, { label: string; filled: (p: Person) => boolean }> = {
  name: { label: '姓名', filled: (p) => !!p.name && p.name !== '微信用户' },
  gender: { label: '性别', filled: (p) => p.gender !== 'UNKNOWN' },
  idNumber: { label: '身份证号', filled: (p) => !!p.idNumber },
  phone: { label: '手机号', filled: (p) => !!p.phone },
  employeeNo: { label: '工号', filled: (p) => !!p.employeeNo },
  photo: { label: '照片', filled: (p) => !!p.photoUrl },
  orgUnit: { label: '组织', filled: (p) => !!p.orgUnit },
  post: { label: '岗位', filled: (p) => !!p.post },
  company: { label: '外协单位', filled: (p) => !!p.company },
  entryDate: { label: '入职/入场日期', filled: (p) => !!p.entryDate },
};

export interface IncompleteRow {
  person: Person;
  missing: string[];
}

export interface Completeness {
  ratio: number;
  target: number;
  total: number;
  complete: number;
  requiredFields: string[];
  incomplete: IncompleteRow[];
}

/**
 * 人员档案完整率: among active people of the types configured, the share whose required fields are
 * all filled. Streams people in pages so a big plant does not load every row at once.
 */
export async function archiveCompleteness(ctx: RequestContext): Promise<Completeness> {
  const spec = ctx.config.requiredFields;
  for (const fields of Object.values(spec)) {
    for (const f of fields)
      if (!FIELDS[f]) throw new Error(`ARCHIVE_REQUIRED_FIELDS names unknown field "${f}"`);
  }
  const types = Object.keys(spec).filter((t): t is PersonType => t in PersonType);
  let total = 0;
  const incomplete: IncompleteRow[] = [];
  const page = 2000;
  for (let offset = 0; ; offset += page) {
    const rows = await ctx.em.find(
      Person,
      { status: PersonStatus.ACTIVE, type: { $in: types } },
      { orderBy: { id: 'asc' }, offset, limit: page },
    );
    for (const p of rows) {
      const missing = (spec[p.type] ?? []).filter((f) => !FIELDS[f]!.filled(p)).map((f) => FIELDS[f]!.label);
      if (missing.length) incomplete.push({ person: p, missing });
    }
    total += rows.length;
    if (rows.length < page) break;
  }
  const complete = total - incomplete.length;
  return {
    ratio: total === 0 ? 1 : complete / total,
    target: ctx.config.ARCHIVE_COMPLETENESS_TARGET,
    total,
    complete,
    requiredFields: Object.entries(spec).map(([t, f]) => `${t}:${f.join(',')}`),
    incomplete,
  };
}
