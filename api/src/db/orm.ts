import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type Options, PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Logger } from '../common/logger.js';
import { entities } from '../entities.js';
import { migrationsList } from '../migrations/index.js';

export function ormOptions(clientUrl: string, log?: Logger): Options {
  return {
    driver: PostgreSqlDriver,
    clientUrl,
    entities,
    extensions: [Migrator],
    // Decorators carry explicit types; no reflection, no folder discovery.
    discovery: { requireEntitiesArray: true },
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false },
    pool: { min: 1, max: 10 },
    forceUtcTimezone: true,
    debug: false,
    allowGlobalContext: false,
    logger: (message) => log?.debug({ orm: message }),
  };
}

export async function openOrm(clientUrl: string, log?: Logger): Promise<MikroORM> {
  return MikroORM.init(ormOptions(clientUrl, log));
}

/** Versioned migrations only: the schema is never synchronised from entities at start-up. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const done = await orm.getMigrator().up();
  return done.map((m) => m.name);
}
