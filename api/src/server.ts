import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import cors from 'cors';
import express from 'express';
import { NoSchemaIntrospectionCustomRule, specifiedRules, validate } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { EventPartitions } from './access/event-partitions.js';
import { serverPassVerifier } from './access/pass.service.js';
import { startPassageFeed } from './access/passage-feed.js';
import { SiteDirectory } from './access/site-directory.js';
import { temporaryAccessHandler } from './access/temporary-access.handler.js';
import { startApprovals } from './approval/approval.module.js';
import { KeyStore } from './auth/key-store.js';
import { resolvePrincipal } from './auth/principal.js';
import type { AppServices, RequestContext } from './common/context.js';
import { EventBus } from './common/events.js';
import type { Logger } from './common/logger.js';
import { createTopics } from './common/pubsub.js';
import type { Config } from './config.js';
import { createDeviceCentre } from './devices/device-centre.js';
import { errorScopePlugin, formatError, formatWsResult } from './graphql/errors.js';
import { graphqlHttp } from './graphql/http.js';
import { queryLimitsRule } from './graphql/limits.js';
import { buildApiSchema } from './graphql/schema.js';
import { OrgDirectory } from './identity/org-directory.js';
import { startVisitors, visitorApprovalHandlers } from './visitor/visitor.module.js';

export interface RunningApi {
  url: string;
  port: number;
  services: AppServices;
  httpServer: Server;
  stop(): Promise<void>;
}

/** Builds the whole HTTP + WebSocket server on an open ORM. Start-up and tests both come through here. */
export async function startApi(config: Config, orm: MikroORM, log: Logger): Promise<RunningApi> {
  const keys = new KeyStore(orm.em.fork(), config.dataKey);
  const passKeys = new KeyStore(orm.em.fork(), config.dataKey, 'pass');
  await keys.init();
  await passKeys.init();
  const bus = new EventBus(log);
  const shared: Omit<AppServices, 'deviceSync'> = {
    config,
    log,
    bus,
    pubsub: createTopics(),
    keys,
    passKeys,
    passVerifier: serverPassVerifier(passKeys),
    org: new OrgDirectory(bus),
    site: new SiteDirectory(bus),
    partitions: new EventPartitions(),
  };
  const devices = createDeviceCentre(shared, () => orm.em.fork());
  const services: AppServices = { ...shared, deviceSync: devices.hub };
  const stopKeyRefresh = keys.refreshEvery(60_000, (err) => log.warn({ err }, 'signing key reload failed'));
  const stopPassKeyRefresh = passKeys.refreshEvery(60_000, (err) =>
    log.warn({ err }, 'pass key reload failed'),
  );
  const maintain = () =>
    services.partitions
      .maintain(orm.em.fork(), new Date(), config.ACCESS_EVENT_RETENTION_MONTHS)
      .then(
        ({ dropped }) =>
          dropped.length && log.info({ dropped }, 'access event partitions past retention dropped'),
      )
      .catch((err: unknown) => log.error({ err }, 'access event partition maintenance failed'));
  await maintain();
  const maintenance = setInterval(maintain, 6 * 3_600_000);
  maintenance.unref();
  // Every kind of approval plugs its handler in here; the engine knows none of them.
  const stopApprovals = startApprovals(services, orm, [temporaryAccessHandler, ...visitorApprovalHandlers]);
  await devices.start();
  const stopPassageFeed = startPassageFeed(shared, () => orm.em.fork());
  const stopVisitors = startVisitors(services, () => orm.em.fork());
  const schema = await buildApiSchema(services.pubsub);

  const makeContext = async (authorization: string | undefined, ip?: string): Promise<RequestContext> => {
    const em = orm.em.fork();
    const base: RequestContext = { ...services, em, principal: null, requestId: randomUUID(), ip };
    return { ...base, principal: await resolvePrincipal(base, authorization) };
  };

  const app = express();
  let graphqlFast: ((req: IncomingMessage, res: ServerResponse) => boolean) | null = null;
  const httpServer = createServer((req, res) => {
    if (!graphqlFast?.(req, res)) app(req, res);
  });
  const wsRules = [
    ...specifiedRules,
    queryLimitsRule(limits(config)),
    ...(config.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
  ];
  const formatWs = formatWsResult(log);
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer(
    {
      schema,
      // graphql-ws does not go through Apollo, so its rules must say again what Apollo's config says.
      validate: (s, doc) => validate(s, doc, wsRules),
      onNext: (_ctx, _id, _payload, args, result) => formatWs(args, result),
      context: (c) => {
        const auth = c.connectionParams?.authorization;
        return makeContext(typeof auth === 'string' ? auth : undefined);
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: config.introspection,
    csrfPrevention: true,
    validationRules: [queryLimitsRule(limits(config))],
    formatError: formatError(log),
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // No HTTP caching of GraphQL answers here, and its per-field hook costs on every list.
      ApolloServerPluginCacheControlDisabled(),
      errorScopePlugin(),
      { serverWillStart: async () => ({ drainServer: async () => void (await wsCleanup.dispose()) }) },
      ...(config.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();
  graphqlFast = graphqlHttp(apollo, {
    limitBytes: config.BODY_LIMIT,
    corsOrigins: config.CORS_ORIGINS,
    context: (req) => makeContext(req.headers.authorization, req.socket.remoteAddress),
  });

  app.disable('x-powered-by');
  app.get('/health', async (_req, res) => {
    const started = Date.now();
    const db = await orm.em
      .getConnection()
      .execute('select 1')
      .then(() => 'up' as const)
      .catch(() => 'down' as const);
    res
      .status(db === 'up' ? 200 : 503)
      .json({ status: db === 'up' ? 'ok' : 'degraded', db, dbLatencyMs: Date.now() - started });
  });
  app.get('/.well-known/jwks.json', (_req, res) => {
    res.set('cache-control', 'public, max-age=300').json(keys.jwks());
  });
  // QR pass keys, apart from token keys: a gate trusts these for passes and nothing else.
  app.get('/.well-known/pass-jwks.json', (_req, res) => {
    res.set('cache-control', 'public, max-age=300').json(passKeys.jwks());
  });
  app.use(
    '/graphql',
    cors<cors.CorsRequest>({ origin: config.CORS_ORIGINS.length ? config.CORS_ORIGINS : false }),
    express.json({ limit: config.BODY_LIMIT }),
    expressMiddleware(apollo, { context: async ({ req }) => makeContext(req.headers.authorization, req.ip) }),
  );
  servePwa(app, config);

  await new Promise<void>((ok) => httpServer.listen(config.PORT, config.HOST, ok));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://127.0.0.1:${port}`;
  log.info({ url }, 'api listening');
  return {
    url,
    port,
    services,
    httpServer,
    stop: async () => {
      clearInterval(maintenance);
      stopApprovals();
      devices.stop();
      stopPassageFeed();
      stopVisitors();
      stopKeyRefresh();
      stopPassKeyRefresh();
      await apollo.stop();
    },
  };
}

function limits(config: Config) {
  return {
    maxDepth: config.GRAPHQL_MAX_DEPTH,
    maxAliases: config.GRAPHQL_MAX_ALIASES,
    maxCost: config.GRAPHQL_MAX_COST,
  };
}

/** The built PWA on the same origin: one URL for people, and the service worker's scope is "/". */
function servePwa(app: express.Express, config: Config): void {
  const dist = resolve(config.PWA_DIST ?? new URL('../../pwa/dist', import.meta.url).pathname);
  if (!existsSync(`${dist}/index.html`)) return;
  app.use(
    express.static(dist, {
      setHeaders: (res, path) => {
        if (path.endsWith('sw.js') || path.endsWith('index.html')) res.setHeader('cache-control', 'no-cache');
      },
    }),
  );
  app.get(/^\/(?!graphql|health|\.well-known).*/, (_req, res) => res.sendFile(`${dist}/index.html`));
}
