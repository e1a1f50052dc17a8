import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startEmbeddedPostgres } from '../db/embedded.js';

/**
 * The server tests run against: DATABASE_URL when set (CI's PostgreSQL), else one embedded
 * PostgreSQL shared by the whole run. Each test environment gets its own fresh database on it.
 */
export async function serverUrl(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const db = await startEmbeddedPostgres(
    process.env.EMBEDDED_PG_DIR ?? '.data/test-postgres',
    Number(process.env.EMBEDDED_PG_PORT ?? 54330),
  );
  return { url: db.url, stop: db.stop };
}

export async function createScratchDatabase(
  baseUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `park_t_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
