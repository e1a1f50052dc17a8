import { hashPassword } from '../auth/password.js';
import { UserAccount } from '../auth/user-account.entity.js';
import { Role } from '../common/permission.js';
import type { TestEnvironment } from './environment.js';
import { ok } from './helpers.js';

export interface TestSite {
  site: string;
  prod: string;
  ccr: string;
  /** Turnstile from the site into production. */
  gate: string;
  /** Door from production into the 集控室 key area. */
  ccrDoor: string;
}

/** 厂区 → 生产区 → 集控室 (key area) with a turnstile and a door, made through the API as security. */
export async function createTestSite(env: TestEnvironment, security: string): Promise<TestSite> {
  const area = async (code: string, securityLevel: string, parentId?: string) =>
    ok(
      await env.gql(
        `mutation($i:AreaInput!){createArea(input:$i){id}}`,
        { i: { name: code, code, securityLevel, parentId } },
        security,
      ),
    ).createArea.id as string;
  const point = async (code: string, from: string, to: string) =>
    ok(
      await env.gql(
        `mutation($i:PassagePointInput!){createPassagePoint(input:$i){id}}`,
        { i: { name: code, code, kind: 'DOOR', fromAreaId: from, toAreaId: to } },
        security,
      ),
    ).createPassagePoint.id as string;
  const site = await area('SITE', 'PUBLIC');
  const prod = await area('PROD', 'PRODUCTION', site);
  const ccr = await area('CCR', 'KEY', prod);
  return {
    site,
    prod,
    ccr,
    gate: await point('T-PROD', site, prod),
    ccrDoor: await point('D-CCR', prod, ccr),
  };
}

export const BRIDGE_PASSWORD = 'bridge-secret-1';

/** A bridge's DEVICE account, made behind the API, for a bridge that logs in by itself. */
export async function createBridgeAccount(env: TestEnvironment, username = 'bridge-test'): Promise<void> {
  const em = env.context().em;
  em.create(UserAccount, {
    username,
    passwordHash: await hashPassword(BRIDGE_PASSWORD, { memoryKib: 8192, timeCost: 1 }),
    roles: [Role.DEVICE],
  });
  await em.flush();
}

/** The same account, logged in: a token for calling the API as a bridge. */
export async function deviceToken(env: TestEnvironment, username = 'bridge-test'): Promise<string> {
  await createBridgeAccount(env, username);
  return env.login(username, BRIDGE_PASSWORD);
}
