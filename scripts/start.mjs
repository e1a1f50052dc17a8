// `pnpm start`: the whole platform on one machine — PWA build, API (embedded PostgreSQL unless
// DATABASE_URL is set) with the demo plant seeded, and the device bridge (embedded MQTT broker
// unless MQTT_URL is set). Prints where everything is and how to log in. Ctrl-C stops it all.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const port = process.env.PORT ?? '4000';
const children = [];

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const dist = join(root, 'pwa/dist/index.html');
if (!existsSync(dist) || statSync(dist).mtimeMs < newest(join(root, 'pwa/src'))) {
  console.log('› building the PWA …');
  const r = spawnSync('pnpm', ['--filter', '@park/pwa', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function run(name, cwd, args, env) {
  const child = spawn('pnpm', args, {
    cwd: join(root, cwd),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (line) => `${name.padEnd(6)}| ${line}`;
  for (const stream of [child.stdout, child.stderr]) {
    let buf = '';
    stream.on('data', (d) => {
      buf += d;
      const lines = buf.split('\n');
      buf = lines.pop();
      for (const l of lines)
        if (process.env.VERBOSE || /"level":(4|5|6)0|error|Error/.test(l)) console.log(prefix(l));
    });
  }
  child.on('exit', (code) => {
    console.log(prefix(`exited with ${code}`));
    stop(code ?? 1);
  });
  children.push(child);
  return child;
}

function stop(code = 0) {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

console.log(
  `› starting the API on :${port} (${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL in api/.data'}) …`,
);
run('api', 'api', ['start'], { PORT: port, SEED_DEMO: 'true', LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' });

const base = `http://127.0.0.1:${port}`;
const deadline = Date.now() + 180_000;
for (;;) {
  try {
    const r = await fetch(`${base}/health`);
    if (r.ok) break;
  } catch {}
  if (Date.now() > deadline) {
    console.error('API did not become healthy within 3 minutes');
    stop(1);
  }
  await new Promise((r) => setTimeout(r, 500));
}
// Wait for the demo seed: the demo login works once it is in.
for (;;) {
  const r = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation{login(username:"admin",password:"admin123"){accessToken}}' }),
  })
    .then((x) => x.json())
    .catch(() => ({}));
  if (r.data) break;
  await new Promise((r) => setTimeout(r, 500));
}

// The bridge drives the devices registered for its site in the API (the demo site's 18 readers).
const gql = async (query, token) => {
  const r = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  }).then((x) => x.json());
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data;
};
const siteId = process.env.SITE_ID ?? 'donggang';
const admin = (await gql('mutation{login(username:"admin",password:"admin123"){accessToken}}')).login
  .accessToken;
const KINDS = {
  TURNSTILE: 'turnstile',
  DOOR: 'door',
  BARRIER: 'barrier',
  ELEVATOR: 'elevator',
  READER: 'reader',
};
// The demo site is seeded right after the people; wait for its devices.
let registered = [];
for (let tries = 0; registered.length === 0 && tries < 120; tries++) {
  if (tries) await new Promise((r) => setTimeout(r, 500));
  registered = (await gql(`{devices(siteId:"${siteId}"){code kind driver passagePointId direction}}`, admin))
    .devices;
}
const devices = registered
  .filter((d) => KINDS[d.kind] && d.passagePointId)
  .map((d) => ({
    id: d.code,
    kind: KINDS[d.kind],
    passagePointId: d.passagePointId,
    direction: d.direction ?? 'IN',
    driver: d.driver,
  }));

console.log(`› starting the device bridge (${devices.length} simulated devices) …`);
run('bridge', 'device-bridge', ['start'], {
  API_URL: base,
  SITE_ID: siteId,
  BRIDGE_USERNAME: process.env.BRIDGE_USERNAME ?? 'bridge-donggang',
  BRIDGE_PASSWORD: process.env.BRIDGE_PASSWORD ?? 'bridge-donggang-2026',
  DEVICES: JSON.stringify(devices),
  DATA_DIR: process.env.BRIDGE_DATA_DIR ?? '.data/bridge',
  // Simulated readers produce a believable flow of passages, refusals and door alarms.
  SIM_TRAFFIC_PER_MIN: process.env.SIM_TRAFFIC_PER_MIN ?? '30',
});

console.log(`
智慧园区一卡通 is running — 东港发电有限公司 (demo plant, ~300 people)

  PWA (phone or desktop)   ${base}/
  GraphQL + subscriptions  ${base}/graphql   (Apollo Sandbox in a browser)
  Health                   ${base}/health
  JWKS                     ${base}/.well-known/jwks.json
  MQTT broker (bridge)     ${process.env.MQTT_URL ?? `embedded, mqtt://127.0.0.1:${process.env.MQTT_PORT ?? 1884}`}

  Demo logins (username / password):
    admin     / admin123      系统管理员
    hr        / hr123456      人力资源（人员档案、导入导出、发卡挂失、离职）
    security  / security123   保卫部（门禁、设备、告警、审计、KPI）
    yunxing   / yunxing123    运行部经理（只看本部门）
    zhangsan  / zhangsan123   运行一值巡检员（只看自己）

  Ctrl-C stops everything.
`);
