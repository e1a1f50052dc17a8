import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface GqlResult<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface Api {
  url: string;
  databaseUrl: string;
  /** The demo plant's logins (DEMO_LOGINS), as the server reported them. */
  logins: { username: string; password: string }[];
  /** POSTs a document; throws on HTTP or GraphQL errors. */
  gql<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  login(username: string, password: string): Promise<string>;
  stop(): Promise<void>;
}

export const log = (...parts: unknown[]): void => void process.stderr.write(`${parts.join(' ')}\n`);

/** One figure on stdout, the only thing a bench writes there: `name: value unit`. */
export function figure(name: string, value: number, unit: string, digits = 1): void {
  process.stdout.write(`${name}: ${value.toFixed(digits)} ${unit}\n`);
}

export const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** mulberry32: the same request mix and people on every run. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function post<T>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as GqlResult<T> };
}

/**
 * createTestEnvironment() in a child process (lib/api-server.ts): its own scratch database on
 * DATABASE_URL, optionally the demo plant (other options: api-server.ts). BENCH_API_NODE_OPTIONS adds
 * node flags to that process, e.g. "--cpu-prof --cpu-prof-dir=bench/.out" to profile the server while
 * the bench drives it.
 */
export async function startApi(
  opts: { seed?: boolean; env?: Record<string, string>; bridge?: string; commitStamps?: string } = {},
): Promise<Api> {
  // The heap flag `pnpm --filter @park/api start` runs the API with (api/package.json): measure what runs.
  const flags = [
    '--initial-old-space-size=512',
    ...(process.env.BENCH_API_NODE_OPTIONS ?? '').split(/\s+/).filter(Boolean),
  ];
  const script = fileURLToPath(new URL('./api-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', ...flags, script], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, BENCH_API_OPTS: JSON.stringify(opts) },
  });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout! });
  const ready = await Promise.race([
    once(lines, 'line').then(([line]) => line as string),
    exited.then(([code]) => {
      throw new Error(`api server exited (${code}) before it was ready`);
    }),
  ]);
  lines.on('line', (l) => log(`[api] ${l}`));
  const info = JSON.parse(ready) as Pick<Api, 'url' | 'databaseUrl' | 'logins'>;
  const gql = async <T>(query: string, variables?: Record<string, unknown>, token?: string) => {
    const { status, body } = await post<T>(info.url, query, variables, token);
    if (status !== 200 || body.errors || !body.data)
      throw new Error(`HTTP ${status}: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  return {
    ...info,
    gql,
    login: async (username, password) => {
      const m = 'mutation($u:String!,$p:String!){login(username:$u,password:$p){accessToken}}';
      return (await gql<{ login: { accessToken: string } }>(m, { u: username, p: password })).login
        .accessToken;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      child.stdin!.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs a bench body against a fresh API and always stops it, also when the body throws. */
export async function withApi(opts: Parameters<typeof startApi>[0], body: (api: Api) => Promise<void>) {
  const api = await startApi(opts);
  try {
    await body(api);
  } finally {
    await api.stop();
  }
}
