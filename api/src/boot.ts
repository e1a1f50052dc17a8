import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createLogger, type Logger } from './common/logger.js';
import { type Config, loadConfig } from './config.js';
import { startEmbeddedPostgres } from './db/embedded.js';
import { migrate, openOrm } from './db/orm.js';
import { type RunningApi, startApi } from './server.js';

export interface BootedApp extends RunningApi {
  log: Logger;
  databaseUrl: string;
  orm: MikroORM;
}

/** Config → database (embedded when DATABASE_URL is unset) → migrations → server. */
export async function boot(config: Config = loadConfig()): Promise<BootedApp> {
  const log = createLogger(config.LOG_LEVEL);
  let databaseUrl = config.DATABASE_URL;
  let stopDb = async () => {};
  if (!databaseUrl) {
    log.info({ dir: config.EMBEDDED_PG_DIR }, 'DATABASE_URL not set: starting embedded PostgreSQL');
    const db = await startEmbeddedPostgres(
      config.EMBEDDED_PG_DIR,
      config.EMBEDDED_PG_PORT,
      (m) => void log.debug({ pg: m }),
    );
    databaseUrl = db.url;
    stopDb = db.stop;
  }
  const orm = await openOrm(databaseUrl, log);
  const applied = await migrate(orm);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const api = await startApi(config, orm, log);
  return {
    ...api,
    log,
    databaseUrl,
    orm,
    stop: async () => {
      await api.stop();
      await orm.close();
      await stopDb();
    },
  };
}
