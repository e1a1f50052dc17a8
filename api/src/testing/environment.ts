import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestContext } from '../common/context.js';
import { createLogger } from '../common/logger.js';
import { loadConfig } from '../config.js';
import { migrate, openOrm } from '../db/orm.js';
import { seedDemoPlant } from '../seed/demo-plant.js';
import { type RunningApi, startApi } from '../server.js';
import { createScratchDatabase } from './database.js';

// biome-ignore lint/suspicious/noExplicitAny: tests assert on results rather than type them
export interface GqlResult<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
}

export interface TestEnvironment {
  api: RunningApi;
  orm: MikroORM;
  url: string;
  databaseUrl: string;
  /** POST a GraphQL document, optionally as a bearer token holder. */
  // biome-ignore lint/suspicious/noExplicitAny: as above
  gql<T = Record<string, any>>(
    query: string | String,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResult<T>>;
  login(username: string, password: string): Promise<string>;
  /** A system context on a fresh EntityManager, for arranging data behind the API. */
  context(): RequestContext;
  /** Stops the HTTP/WebSocket server only (the database stays): clients see the API go away. */
  stopApi(): Promise<void>;
  /** Starts it again on the same port, as after a redeploy. */
  startApi(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real stack on a fresh database: migrations, optionally the demo plant, the HTTP and WebSocket
 * server on a free port. What a test does through `gql` is exactly what a client would do.
 */
export async function createTestEnvironment(
  opts: { seed?: boolean; env?: Record<string, string> } = {},
): Promise<TestEnvironment> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is not set: run tests through vitest (globalSetup) or set it');
  const db = await createScratchDatabase(base);
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: db.url,
    ARGON2_MEMORY_KIB: '8192',
    ARGON2_TIME_COST: '1',
    ...opts.env,
  });
  const log = createLogger(config.LOG_LEVEL);
  const orm = await openOrm(db.url, log);
  await migrate(orm);
  let api = await startApi(config, orm, log);
  let running = true;
  const port = api.port;
  const context = (): RequestContext => ({
    ...api.services,
    em: orm.em.fork(),
    principal: null,
    requestId: 'system',
  });
  if (opts.seed) await seedDemoPlant(context());
  const gql = async <T>(query: string | String, variables?: Record<string, unknown>, token?: string) => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: String(query), variables }),
    });
    return (await res.json()) as GqlResult<T>;
  };
  return {
    get api() {
      return api;
    },
    orm,
    url: api.url,
    databaseUrl: db.url,
    gql,
    context,
    login: async (username, password) => {
      const r = await gql<{ login: { accessToken: string } }>(
        'mutation($u:String!,$p:String!){login(username:$u,password:$p){accessToken}}',
        { u: username, p: password },
      );
      if (!r.data) throw new Error(`login ${username} failed: ${JSON.stringify(r.errors)}`);
      return r.data.login.accessToken;
    },
    stopApi: async () => {
      if (!running) return;
      running = false;
      await api.stop();
    },
    startApi: async () => {
      if (running) return;
      api = await startApi({ ...config, PORT: port }, orm, log);
      running = true;
    },
    stop: async () => {
      if (running) await api.stop();
      await orm.close();
      await db.drop();
    },
  };
}
