// Writes a new migration from the difference between entities and a scratch database that has all
// existing migrations applied. Usage: pnpm --filter @park/api migration:create <name>
// Partial unique indexes (live card numbers, active plates, bound openids) are written by hand in
// migrations; the generator does not see them and proposes to drop them: delete those lines.
import 'reflect-metadata';
import pg from 'pg';
import { migrate, openOrm } from '../db/orm.js';

const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const scratch = `park_migration_${Date.now()}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`CREATE DATABASE ${scratch}`);
const url = new URL(base);
url.pathname = `/${scratch}`;
const orm = await openOrm(url.toString());
try {
  await migrate(orm);
  const result = await orm.getMigrator().createMigration('src/migrations', false, false, process.argv[2]);
  console.log(result.fileName ? `created ${result.fileName}` : 'no changes');
  if (result.fileName) console.log(result.code);
} finally {
  await orm.close();
  await admin.query(`DROP DATABASE ${scratch}`);
  await admin.end();
}
