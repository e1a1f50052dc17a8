import type { RequestContext } from '../common/context.js';
import { Permission } from '../common/permission.js';
import { CardStatus } from './identity.enums.js';
import type { Person } from './person.entity.js';
import type { PeopleFilter } from './person.input.js';
import { type Sql, scopeSql } from './person-scope.js';

export const MAX_PAGE = 200;

/** The filter for `people` and `exportPeople` as SQL over person `p`, always narrowed to the caller's scope. */
export async function peopleSql(ctx: RequestContext, filter: PeopleFilter = {}): Promise<Sql> {
  const scope = await scopeSql(ctx);
  const and: string[] = [scope.text];
  const params: unknown[] = [...scope.params];
  const add = (text: string, ...values: unknown[]) => {
    and.push(text);
    params.push(...values);
  };
  if (filter.type) add('p.type = ?', filter.type);
  if (filter.status) add('p.status = ?', filter.status);
  if (filter.orgUnitId) {
    const unit = (await ctx.org.ready(ctx.em)).unit(filter.orgUnitId);
    if (unit)
      add('exists (select 1 from org_unit u where u.id = p.org_unit_id and u.path like ?)', `${unit.path}%`);
    else add('false');
  }
  const s = filter.search?.trim();
  if (s) {
    const like = `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const byCard = 'p.id in (select c.person_id from card c where c.number = ? and c.status in (?, ?))';
    const cardArgs = [s.toUpperCase(), CardStatus.ACTIVE, CardStatus.LOST];
    // Searching by ID number would let a caller probe numbers they may not read.
    if (ctx.principal?.permissions.has(Permission.PERSON_READ_SENSITIVE)) {
      add(
        `(p.name ilike ? escape '\\' or p.phone = ? or p.employee_no = ? or p.id_number = ? or ${byCard})`,
        like,
        s,
        s,
        s.toUpperCase(),
        ...cardArgs,
      );
    } else {
      add(
        `(p.name ilike ? escape '\\' or p.phone = ? or p.employee_no = ? or ${byCard})`,
        like,
        s,
        s,
        ...cardArgs,
      );
    }
  }
  return { text: and.join(' and '), params };
}

interface PersonRow {
  id: string;
  created_at: Date;
  updated_at: Date;
  name: string;
  gender: Person['gender'];
  id_number: string | null;
  phone: string | null;
  employee_no: string | null;
  photo_url: string | null;
  type: Person['type'];
  status: Person['status'];
  org_unit_id: string | null;
  post_id: string | null;
  company_id: string | null;
  entry_date: string | Date | null;
  exit_date: string | Date | null;
  exit_at: Date | null;
  total_count: string;
}

const ref = (id: string | null) => (id ? { id } : null);
const day = (d: string | Date | null) => (d instanceof Date ? d.toISOString().slice(0, 10) : d);

function toPerson(r: PersonRow): Person {
  return {
    id: r.id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    name: r.name,
    gender: r.gender,
    idNumber: r.id_number,
    phone: r.phone,
    employeeNo: r.employee_no,
    photoUrl: r.photo_url,
    type: r.type,
    status: r.status,
    orgUnit: ref(r.org_unit_id),
    post: ref(r.post_id),
    company: ref(r.company_id),
    entryDate: day(r.entry_date),
    exitDate: day(r.exit_date),
    exitAt: r.exit_at,
  } as unknown as Person;
}

/**
 * People matching a filter, in name order, with the total. This is the hottest read in the product
 * (every HR screen, every picker), so it is a read model: one statement for the page and its total
 * (count(*) over ()), rows mapped to plain objects shaped like Person, no ORM hydration. Relations
 * are `{ id }`; org units and posts are resolved from the in-memory OrgDirectory.
 */
export async function selectPeople(
  ctx: RequestContext,
  filter: PeopleFilter | undefined,
  offset: number,
  limit: number,
) {
  const where = await peopleSql(ctx, filter);
  const conn = ctx.em.getConnection();
  const rows = await conn.execute<PersonRow[]>(
    `select p.*, count(*) over () as total_count from person p where ${where.text} order by p.name, p.id limit ? offset ?`,
    [...where.params, limit, offset],
  );
  const total = rows.length
    ? Number(rows[0]!.total_count)
    : offset > 0
      ? Number(
          (await conn.execute(`select count(*) as n from person p where ${where.text}`, where.params))[0].n,
        )
      : 0;
  return { items: rows.map(toPerson), total };
}

export async function listPeople(
  ctx: RequestContext,
  filter: PeopleFilter | undefined,
  offset: number,
  limit: number,
) {
  // The page actually served, so a client paging by `offset += limit` neither skips nor repeats rows.
  const page = { offset: Math.max(0, offset), limit: Math.min(Math.max(1, limit), MAX_PAGE) };
  return { ...(await selectPeople(ctx, filter, page.offset, page.limit)), ...page };
}
