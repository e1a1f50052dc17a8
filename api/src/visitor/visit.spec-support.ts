import { AccessGrant } from '../access/access-grant.entity.js';
import { ApprovalRequest } from '../approval/approval-request.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { Person } from '../identity/person.entity.js';
import { PersonPhoto } from '../identity/person-photo.entity.js';
import { Vehicle } from '../identity/vehicle.entity.js';
import { demoPlant, ok } from '../testing/helpers.js';
import { createTestEnvironment, type TestEnvironment } from '../testing/index.js';
import {
  createVisitSite,
  type FakeWechat,
  fakeWechat,
  VISIT_FIELDS,
  type VisitSite,
  wechatVisitor,
} from '../testing/visitor-fixtures.js';
import { Visit } from './visit.entity.js';
import { VisitPerson } from './visit-person.entity.js';

// What the visitor specs share: one environment per spec file with the demo plant, a fake WeChat,
// the visit site, and the people who book, host and guard.

export const BOOK = `mutation($i:BookVisitInput!){bookVisit(input:$i){${VISIT_FIELDS}}}`;
export const DECIDE = `mutation($i:DecideApprovalInput!){decideApproval(input:$i){id status outcome}}`;
const DECIDE_ACCESS = `query($i:DecideAccessInput!){decideAccess(input:$i){
  __typename ... on AccessGranted{personId grantId} ... on AccessDenied{code message}}}`;
const INGEST = `mutation($e:[DeviceEventInput!]!){ingestDeviceEvents(events:$e){accepted}}`;
export const HOUR = 3_600_000;
export const fromNow = (ms: number) => new Date(Date.now() + ms).toISOString();
// The smallest JPEG header WeChat's camera would never produce, but enough to be sniffed as one.
export const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]).toString(
  'base64',
);

/** An office booking 1–3 h from now by 王访客 with this ID number, visiting `hostId`; `over` changes any field. */
export const visitBooking = (hostId: string, idNumber: string, over: Record<string, unknown> = {}) => ({
  hostId,
  purpose: '商务洽谈',
  validFrom: fromNow(HOUR),
  validUntil: fromNow(3 * HOUR),
  name: '王访客',
  idNumber,
  phone: '13900001111',
  ...over,
});

export interface VisitWorld {
  env: TestEnvironment;
  wx: FakeWechat;
  site: VisitSite;
  security: string;
  zhangsan: string;
  zhangsanId: string;
  alice: { token: string; personId: string };
}

export async function openVisitWorld(
  opts: { env?: Record<string, string>; escortSeconds?: number } = {},
): Promise<VisitWorld> {
  const wx = await fakeWechat();
  const env = await createTestEnvironment({
    seed: true,
    env: { WECHAT_API_BASE: wx.url, WECHAT_APPID: 'wxapp', WECHAT_SECRET: 'sekret', ...opts.env },
  });
  const security = await env.login('security', 'security123');
  return {
    env,
    wx,
    security,
    zhangsan: await env.login('zhangsan', 'zhangsan123'),
    site: await createVisitSite(env, security, opts.escortSeconds),
    zhangsanId: await (await demoPlant(env)).personOf('zhangsan'),
    alice: await wechatVisitor(env, 'alice'),
  };
}

export async function closeVisitWorld(world: VisitWorld | undefined): Promise<void> {
  await world?.env.stop();
  world?.wx.close();
}

/** Rows of every table a booking or a decision may write: bad input must leave all of them alone. */
export async function visitRowCounts(env: TestEnvironment): Promise<Record<string, number>> {
  const em = env.context().em;
  const out: Record<string, number> = {};
  for (const [name, entity] of Object.entries({
    Visit,
    VisitPerson,
    Person,
    PersonPhoto,
    ApprovalRequest,
    AccessGrant,
    Vehicle,
    AuditEntry,
  }))
    out[name] = await em.count(entity, {});
  return out;
}

export const decideAs = (
  env: TestEnvironment,
  who: string,
  requestId: string,
  decision: 'APPROVE' | 'REJECT',
  comment?: string,
) => env.gql(DECIDE, { i: { requestId, decision, comment } }, who);

/** The server's gate answer (decideAccess, asked as security) for one entry at `at`. */
export async function accessAt(
  world: VisitWorld,
  passagePointId: string,
  who: { personId?: string; qrToken?: string },
  at = new Date(),
) {
  const r = await world.env.gql(
    DECIDE_ACCESS,
    { i: { passagePointId, direction: 'IN', ...who, at: at.toISOString() } },
    world.security,
  );
  return ok(r).decideAccess;
}

/**
 * Passages as a gate reports them: `ingestDeviceEvents` as a DEVICE account, each call the next seq of
 * `deviceId`. Granted unless `denied` names the reason.
 */
export function passageReporter(
  env: TestEnvironment,
  device: string,
  deviceId: string,
  credentialKind = 'CARD',
) {
  let seq = 0;
  return (personId: string, passagePointId: string, at: Date, direction = 'IN', denied?: string) =>
    env.gql(
      INGEST,
      {
        e: [
          {
            deviceId,
            seq: ++seq,
            occurredAt: at.toISOString(),
            passagePointId,
            direction,
            personId,
            credentialKind,
            result: denied ? 'DENIED' : 'GRANTED',
            reason: denied ?? null,
          },
        ],
      },
      device,
    );
}
