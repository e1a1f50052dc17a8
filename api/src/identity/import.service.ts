import { randomUUID } from 'node:crypto';
import { maskIdNumber } from '@park/core';
import { recordAudit } from '../audit/audit.service.js';
import { DEFAULT_ROLES } from '../auth/auth.service.js';
import { UserAccount } from '../auth/user-account.entity.js';
import { inTransaction, type RequestContext } from '../common/context.js';
import { Card } from './card.entity.js';
import { CardStatus, PersonStatus } from './identity.enums.js';
import { PersonChanged } from './identity.events.js';
import { readRows } from './import-file.js';
import { type PlannedRow, planImport, type RowError } from './import-plan.js';
import { Person } from './person.entity.js';
import { Vehicle } from './vehicle.entity.js';

export interface ImportOutcome {
  jobId: string;
  dryRun: boolean;
  ok: boolean;
  totalRows: number;
  created: number;
  errors: RowError[];
}

const CHUNK = 1000;
// Real imports run one at a time, each checked and written under this advisory lock.
const IMPORT_LOCK = 7_310_002;

/**
 * 基础档案导入. A dry run reports every row's problems and writes nothing. A real run re-checks
 * everything and, only if the whole file is clean, writes it in one transaction: all or nothing.
 * Checking inside the lock means a second submission of the same file (a double click) finds every
 * row taken and says so row by row, instead of failing on a unique index halfway through.
 */
export async function importPeople(
  ctx: RequestContext,
  input: { filename: string; contentBase64: string; dryRun: boolean; jobId?: string | null },
): Promise<ImportOutcome> {
  const jobId = input.jobId || randomUUID();
  const progress = (phase: string, processed: number, total: number) =>
    ctx.pubsub.publish('IMPORT_PROGRESS', jobId, {
      jobId,
      ownerId: ctx.principal?.accountId ?? null,
      phase,
      processed,
      total,
    });
  const rows = await readRows(input.filename, Buffer.from(input.contentBase64, 'base64'));
  const check = (c: RequestContext) => planImport(c, rows, (n) => progress('validate', n, rows.length));
  const checked = (errors: RowError[]): ImportOutcome => {
    progress('done', rows.length, rows.length);
    return {
      jobId,
      dryRun: input.dryRun,
      totalRows: rows.length,
      errors,
      ok: errors.length === 0,
      created: 0,
    };
  };
  if (input.dryRun) return checked((await check(ctx)).errors);
  const written = await inTransaction(ctx, async (tx) => {
    await tx.em.execute('select pg_advisory_xact_lock(?)', [IMPORT_LOCK]);
    const { errors, planned } = await check(tx);
    if (errors.length) return { errors, created: 0 };
    for (let i = 0; i < planned.length; i += CHUNK) {
      await writeChunk(tx, planned.slice(i, i + CHUNK));
      progress('commit', Math.min(i + CHUNK, planned.length), planned.length);
    }
    await recordAudit(tx, {
      action: 'PEOPLE_IMPORT',
      entityType: 'Import',
      entityId: jobId,
      after: { filename: input.filename, rows: rows.length, created: planned.length },
    });
    return { errors, created: planned.length };
  });
  if (written.errors.length) return checked(written.errors);
  // A bulk import changes the tables more than autovacuum notices at once; fresh statistics keep
  // the people page on its indexes right after a big import rather than minutes later.
  if (written.created >= 500)
    await ctx.em.getConnection().execute('analyze person, card, vehicle, user_account');
  progress('done', written.created, written.created);
  return { jobId, dryRun: false, totalRows: rows.length, errors: [], ok: true, created: written.created };
}

async function writeChunk(ctx: RequestContext, rows: PlannedRow[]): Promise<void> {
  const now = new Date();
  const stamp = { createdAt: now, updatedAt: now };
  const people = rows.map((r) => ({ ...r, id: randomUUID() }));
  await ctx.em.insertMany(
    Person,
    people.map((p) => ({
      ...stamp,
      id: p.id,
      name: p.name,
      gender: p.gender,
      idNumber: p.idNumber,
      phone: p.phone,
      employeeNo: p.employeeNo,
      photoUrl: p.photoUrl,
      type: p.type,
      status: PersonStatus.ACTIVE,
      orgUnit: p.orgUnitId,
      post: p.postId,
      company: p.companyId,
      entryDate: p.entryDate,
    })),
  );
  const cards = people.filter((p) => p.cardNumber);
  if (cards.length) {
    await ctx.em.insertMany(
      Card,
      cards.map((p) => ({
        ...stamp,
        id: randomUUID(),
        number: p.cardNumber!,
        status: CardStatus.ACTIVE,
        person: p.id,
        issuedAt: now,
      })),
    );
  }
  const vehicles = people.filter((p) => p.plate);
  if (vehicles.length) {
    await ctx.em.insertMany(
      Vehicle,
      vehicles.map((p) => ({
        ...stamp,
        id: randomUUID(),
        plate: p.plate!.plate,
        newEnergy: p.plate!.newEnergy,
        active: true,
        person: p.id,
      })),
    );
  }
  const logins = people.filter((p) => p.username);
  if (logins.length) {
    await ctx.em.insertMany(
      UserAccount,
      logins.map((p) => ({
        ...stamp,
        id: randomUUID(),
        username: p.username!,
        roles: DEFAULT_ROLES[p.type] ?? [],
        person: p.id,
        mustChangePassword: true,
        disabled: false,
        failedLogins: 0,
      })),
    );
  }
  await recordAudit(
    ctx,
    ...people.map((p) => ({
      action: 'PERSON_CREATE',
      entityType: 'Person',
      entityId: p.id,
      after: {
        name: p.name,
        type: p.type,
        idNumber: p.idNumber ? maskIdNumber(p.idNumber) : null,
        orgUnitId: p.orgUnitId,
        postId: p.postId,
        card: p.cardNumber,
        plate: p.plate?.plate ?? null,
        via: 'import',
        row: p.row,
      },
    })),
  );
  await ctx.em.flush();
  for (const p of people) ctx.emit?.(new PersonChanged(p.id));
}
