import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';

// POST /graphql with a JSON body is nearly all of the API's traffic (gates asking decideAccess, phones,
// the bridge uploading events). Through express it also ran the router, cors, body-parser, raw-body and
// an ETag hash, which on a two-core plant server was about a third of what each request allocated, and
// the garbage collection that followed set the p99. This path hands such a request straight to Apollo;
// anything else (GET, OPTIONS preflight, other content types, which Apollo's CSRF check refuses) still
// goes through express, so behaviour at the edges stays what express + cors + Apollo give.

export interface GraphqlHttpOptions<C extends BaseContext> {
  /** Largest body accepted, in bytes; longer gets 413 and the socket's remaining input is dropped. */
  limitBytes: number;
  /** Origins a browser may call from; empty: no CORS headers at all (same origin only). */
  corsOrigins: readonly string[];
  context: (req: IncomingMessage) => Promise<C>;
}

const JSON_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/**
 * A request handler that serves a JSON POST to /graphql and returns true, or returns false and touches
 * nothing, for the caller to pass the request on.
 */
export function graphqlHttp<C extends BaseContext>(apollo: ApolloServer<C>, opts: GraphqlHttpOptions<C>) {
  apollo.assertStarted('graphqlHttp()');
  const origins = new Set(opts.corsOrigins);
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = req.url ?? '';
    const path = url.indexOf('?') === -1 ? url : url.slice(0, url.indexOf('?'));
    if (req.method !== 'POST' || (path !== '/graphql' && path !== '/graphql/')) return false;
    if (!JSON_TYPE.test(req.headers['content-type'] ?? '')) return false;
    if (origins.size) {
      res.setHeader('vary', 'Origin');
      const origin = req.headers.origin;
      if (origin && origins.has(origin)) res.setHeader('access-control-allow-origin', origin);
    }
    serve(apollo, opts, req, res, url.slice(path.length)).catch((err: unknown) => {
      // Apollo answers its own errors; this is a broken socket or a bug in the lines below.
      if (!res.headersSent) reply(res, 500, 'INTERNAL_SERVER_ERROR', '服务器内部错误');
      else res.destroy(err as Error);
    });
    return true;
  };
}

async function serve<C extends BaseContext>(
  apollo: ApolloServer<C>,
  opts: GraphqlHttpOptions<C>,
  req: IncomingMessage,
  res: ServerResponse,
  search: string,
): Promise<void> {
  const raw = await readBody(req, opts.limitBytes);
  if (raw === null) {
    res.setHeader('connection', 'close');
    return reply(res, 413, 'PAYLOAD_TOO_LARGE', '请求体过大');
  }
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return reply(res, 400, 'BAD_REQUEST', '请求体不是合法的 JSON');
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers))
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  const answer = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers, search, body },
    context: () => opts.context(req),
  });
  for (const [key, value] of answer.headers) res.setHeader(key, value);
  res.statusCode = answer.status ?? 200;
  if (answer.body.kind === 'complete') {
    res.setHeader('content-length', Buffer.byteLength(answer.body.string));
    res.end(answer.body.string);
    return;
  }
  for await (const chunk of answer.body.asyncIterator) res.write(chunk);
  res.end();
}

/** The body as text, or null when it is longer than the limit (the rest is read and dropped). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      req.resume();
      return resolve(null);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      req.resume();
      resolve(null);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, size).toString('utf8')));
    req.once('error', reject);
  });
}

function reply(res: ServerResponse, status: number, code: string, message: string): void {
  const text = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
