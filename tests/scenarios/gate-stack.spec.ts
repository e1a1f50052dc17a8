import { createTestEnvironment, type TestEnvironment } from '@park/api/testing';
import type { DeviceConfig } from '@park/device-bridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GateStack, startGateStack } from '../support/gate-stack';

const PASS_CODES = `query($i:String!){passCodes(installationId:$i,count:4){codes{token nbf exp}}}`;

let env: TestEnvironment;
let stack: GateStack;
let security: string;
let hr: string;
const ids: Record<string, string> = {};
let zhangCard: string;

// biome-ignore lint/suspicious/noExplicitAny: scenario steps assert on results rather than type them
const ok = (r: { data?: unknown; errors?: unknown }): any => {
  if (!r.data || r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data;
};
const sql = async <T>(text: string, params: unknown[] = []) =>
  (await env.context().em.getConnection().execute(text, params)) as T[];

beforeAll(async () => {
  env = await createTestEnvironment({ seed: true });
  security = await env.login('security', 'security123');
  hr = await env.login('hr', 'hr123456');
  const area = async (code: string, securityLevel: string, parentId?: string) =>
    ok(
      await env.gql(
        `mutation($i:AreaInput!){createArea(input:$i){id}}`,
        { i: { name: code, code, securityLevel, parentId, antiPassback: 'OFF' } },
        security,
      ),
    ).createArea.id as string;
  const point = async (code: string, kind: string, from: string, to: string) =>
    ok(
      await env.gql(
        `mutation($i:PassagePointInput!){createPassagePoint(input:$i){id}}`,
        { i: { name: code, code, kind, fromAreaId: from, toAreaId: to } },
        security,
      ),
    ).createPassagePoint.id as string;
  ids.site = await area('SITE', 'PUBLIC');
  ids.office = await area('OFFICE', 'OFFICE', ids.site);
  ids.officeGate = await point('T-OFFICE', 'TURNSTILE', ids.site, ids.office);
  ids.prod = await area('PROD', 'PRODUCTION', ids.site);
  ids.ccr = await area('CCR', 'KEY', ids.prod);
  ids.ccrDoor = await point('D-CCR', 'DOOR', ids.prod, ids.ccr);
  const [zhang] = await sql<{ id: string; number: string }>(
    `select p.id, c.number from person p join card c on c.person_id = p.id and c.status = 'ACTIVE' where p.name = '张三'`,
  );
  ids.zhang = zhang!.id;
  zhangCard = zhang!.number;
  ok(
    await env.gql(
      `mutation($i:GrantInput!){grantAccess(input:$i){id}}`,
      { i: { personId: ids.zhang, areaId: ids.office } },
      security,
    ),
  );
  const lane = (id: string, direction: 'IN' | 'OUT'): DeviceConfig => ({
    id,
    kind: 'turnstile',
    passagePointId: ids.officeGate!,
    direction,
    driver: 'generic-json',
    pulseMs: undefined,
    floors: undefined,
  });
  const door: DeviceConfig = { ...lane('door-ccr', 'IN'), kind: 'door', passagePointId: ids.ccrDoor! };
  stack = await startGateStack(env, [
    lane('lane-1', 'IN'),
    lane('lane-2', 'IN'),
    lane('lane-out', 'OUT'),
    door,
  ]);
  for (const code of ['lane-1', 'lane-2', 'lane-out']) {
    ok(
      await env.gql(
        `mutation($i:RegisterDeviceInput!){registerDevice(input:$i){id}}`,
        {
          i: {
            code,
            name: `办公楼 ${code}`,
            kind: 'TURNSTILE',
            driver: 'generic-json',
            siteId: stack.config.siteId,
            passagePointId: ids.officeGate,
          },
        },
        security,
      ),
    );
  }
  await stack.synced();
});

afterAll(async () => {
  await stack?.stop();
  await env?.stop();
});

describe('the gate, the bridge and the API together', () => {
  it('opens a turnstile for a QR pass through MQTT → bridge → unlock, and refuses the same code on another lane', async () => {
    const zhang = await env.login('zhangsan', 'zhangsan123');
    const { codes } = ok(await env.gql(PASS_CODES, { i: 'it-phone-installation-01' }, zhang)).passCodes;
    const now = Date.now();
    const token = codes.find(
      (c: { nbf: string; exp: string }) => Date.parse(c.nbf) <= now && now < Date.parse(c.exp),
    )!.token;

    const opened = await stack.sim.device('lane-1').scan({ kind: 'QR', token });
    expect(opened).toMatchObject({ kind: 'unlock', payload: { allow: true } });

    const replayed = await stack.sim.device('lane-2').scan({ kind: 'QR', token });
    expect(replayed).toMatchObject({ kind: 'deny', payload: { reason: 'QR_REPLAYED' } });
  });

  it('opens a key-area door on a temporary grant approved on the phone, until its window closes', async () => {
    const zhang = await env.login('zhangsan', 'zhangsan123');
    const door = stack.sim.device('door-ccr');
    expect(await door.scan({ kind: 'CARD', number: zhangCard })).toMatchObject({
      kind: 'deny',
      payload: { reason: 'NO_GRANT' },
    });
    const from = new Date(Date.now() + 300);
    const until = new Date(from.getTime() + 5_000);
    const request = ok(
      await env.gql(
        `mutation($i:TemporaryAccessInput!){requestTemporaryAccess(input:$i){id status}}`,
        { i: { areaId: ids.ccr, validFrom: from, validUntil: until, reason: '集控室 DCS 机柜巡检' } },
        zhang,
      ),
    ).requestTemporaryAccess;
    // The department head, then 保卫部 (a key area), each from their phone.
    for (const [user, password] of [
      ['yunxing', 'yunxing123'],
      ['security', 'security123'],
    ] as const) {
      const approver = await env.login(user, password);
      ok(
        await env.gql(
          `mutation($i:DecideApprovalInput!){decideApproval(input:$i){status}}`,
          { i: { requestId: request.id, decision: 'APPROVE', comment: '同意' } },
          approver,
        ),
      );
    }
    await stack.synced();
    while (Date.now() < from.getTime()) await new Promise((r) => setTimeout(r, 20));
    expect((await door.scan({ kind: 'CARD', number: zhangCard })).kind).toBe('unlock');

    while (Date.now() < until.getTime() + 1_000) await new Promise((r) => setTimeout(r, 50));
    expect(await door.scan({ kind: 'CARD', number: zhangCard })).toMatchObject({
      kind: 'deny',
      payload: { reason: 'GRANT_EXPIRED' },
    });
  });

  it('refuses a card at the device within a second of it being reported lost', async () => {
    expect((await stack.sim.device('lane-1').scan({ kind: 'CARD', number: zhangCard })).kind).toBe('unlock');
    const [card] = await sql<{ id: string }>('select id from card where number = ?', [zhangCard]);

    const reported = Date.now();
    ok(await env.gql(`mutation($c:ID!){reportCardLost(cardId:$c){id}}`, { c: card!.id }, hr));
    await stack.synced();
    const elapsed = Date.now() - reported;

    const refused = await stack.sim.device('lane-1').scan({ kind: 'CARD', number: zhangCard });
    expect(refused).toMatchObject({
      kind: 'deny',
      payload: { reason: 'CARD_LOST', message: '此卡已挂失，禁止通行' },
    });
    expect(elapsed).toBeLessThan(1_000);
  });

  it('keeps deciding while the API is down and delivers every event exactly once when it is back', async () => {
    // A second person with a live card and the office grant.
    const [li] = await sql<{ person_id: string; number: string }>(
      `select c.person_id, c.number from card c join person p on p.id = c.person_id
        where c.status = 'ACTIVE' and p.type = 'EMPLOYEE' and p.status = 'ACTIVE' and p.name <> '张三' limit 1`,
    );
    ok(
      await env.gql(
        `mutation($i:GrantInput!){grantAccess(input:$i){id}}`,
        { i: { personId: li!.person_id, areaId: ids.office } },
        security,
      ),
    );
    await stack.synced();
    const before = await sql<{ n: string }>(
      `select count(*) as n from access_event where device_id like 'lane-%'`,
    );

    await env.stopApi();
    const lane = stack.sim.device('lane-1');
    const out = stack.sim.device('lane-out');
    const answers = [
      await lane.scan({ kind: 'CARD', number: li!.number }),
      await out.scan({ kind: 'CARD', number: li!.number }),
      await lane.scan({ kind: 'CARD', number: zhangCard }),
      await lane.scan({ kind: 'CARD', number: 'NOSUCHCARD1' }),
    ];
    expect(answers.map((a) => a.kind)).toEqual(['unlock', 'unlock', 'deny', 'deny']);

    // A restart while offline: the bridge decides from its disk cache and keeps its journal.
    await stack.restart();
    expect((await lane.scan({ kind: 'CARD', number: li!.number })).kind).toBe('unlock');

    await env.startApi();
    const count = async () =>
      Number(
        (await sql<{ n: string }>(`select count(*) as n from access_event where device_id like 'lane-%'`))[0]!
          .n,
      );
    const expected = Number(before[0]!.n) + 5;
    await expect.poll(count, { timeout: 15_000, interval: 100 }).toBe(expected);

    // Once more after another restart: the watermark holds, and nothing is counted twice.
    await stack.restart();
    await stack.synced();
    await new Promise((r) => setTimeout(r, 500));
    expect(await count()).toBe(expected);
    const twice = await sql(
      `select device_id, device_seq from access_event group by device_id, device_seq having count(*) > 1`,
    );
    expect(twice).toEqual([]);
    const offline = await sql<{ decided_offline: boolean }>(
      `select decided_offline from access_event where device_id like 'lane-%' order by received_at desc limit 5`,
    );
    expect(offline.every((e) => e.decided_offline)).toBe(true);
  });

  it('reports a forced door to the security console as an alarm, once', async () => {
    const lane = stack.sim.device('lane-out');
    const frame = JSON.stringify({
      seq: 9001,
      at: new Date().toISOString(),
      open: true,
      alarm: 'FORCED_OPEN',
    });
    await lane.sendRaw('door', frame);
    await lane.sendRaw('door', frame);
    // The bridge restarts above may have reported the lane offline meanwhile: that is another alarm.
    const forced = async () =>
      sql<{ kind: string; device_code: string }>(
        `select kind, device_code from alarm where device_code = 'lane-out' and kind <> 'DEVICE_OFFLINE'`,
      );
    await expect.poll(forced, { timeout: 5_000 }).toEqual([{ kind: 'FORCED_OPEN', device_code: 'lane-out' }]);
  });

  it('opens a lane remotely with a reason, and the command is acknowledged by id', async () => {
    const [device] = await sql<{ id: string }>(`select id from device where code = 'lane-2'`);
    const lane = stack.sim.device('lane-2');
    // After the bridge restarts above, the lane reconnects to the broker in its own time; a scan
    // answered proves it is back (a command sent while it is away is lost with an embedded broker).
    expect((await lane.scan({ kind: 'CARD', number: 'NOSUCHCARD2' })).kind).toBe('deny');
    const from = performance.now();
    const command = ok(
      await env.gql(
        `mutation($i:SendDeviceCommandInput!){sendDeviceCommand(input:$i){id}}`,
        { i: { deviceId: device!.id, kind: 'OPEN', reason: '访客轮椅通行' } },
        security,
      ),
    ).sendDeviceCommand;
    const unlock = await lane.waitFor((c) => c.kind === 'unlock' && c.payload.id === command.id, from);
    expect(unlock.payload).toMatchObject({ allow: true, message: '远程开门：访客轮椅通行' });
    expect(unlock.payload.seq).toBeUndefined();
    const outcome = async (id: string) =>
      (
        await sql<{ status: string; result: string }>(
          'select status, result from device_command where id = ?',
          [id],
        )
      )[0]!;
    // Done only once the lane itself confirmed it on evt/ack.
    await expect.poll(async () => (await outcome(command.id)).status).toBe('SUCCEEDED');
    expect((await outcome(command.id)).result).toMatch(/device confirmed/);

    // A controller that refuses: the console is told it failed, and why.
    lane.refuseCommands = '电磁锁故障';
    try {
      const refused = ok(
        await env.gql(
          `mutation($i:SendDeviceCommandInput!){sendDeviceCommand(input:$i){id}}`,
          { i: { deviceId: device!.id, kind: 'OPEN', reason: '消防通道检查' } },
          security,
        ),
      ).sendDeviceCommand;
      await expect.poll(async () => (await outcome(refused.id)).status).toBe('FAILED');
      expect((await outcome(refused.id)).result).toBe('device refused: 电磁锁故障');
    } finally {
      lane.refuseCommands = null;
    }
  });
});
