import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { idNumberCheckChar } from '@park/core';
import type { TestEnvironment } from './environment.js';
import { ok } from './helpers.js';

/** Every field of a Visit, for specs and scenarios. */
export const VISIT_FIELDS = `id status source purpose validFrom validUntil plate approvalId rejectionReason
  checkedInAt checkedOutAt createdAt company
  host{id name department} visitor{personId name idNumberMasked companion}
  companions{personId name idNumberMasked companion} areas{id name securityLevel needsSecurity escortRequired isDefault}`;

/** What the fake WeChat server was asked: path, query and (for POSTs) the JSON body. */
export interface WechatCall {
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown> | null;
}

export interface FakeWechat {
  server: Server;
  url: string;
  calls: WechatCall[];
  /** Subscribe messages received, in order. */
  messages(): Record<string, unknown>[];
  /** Makes the next subscribe/send answer this errcode once (e.g. 40001, an expired token). */
  failNextSend(errcode: number): void;
  close(): void;
}

/**
 * A stand-in for api.weixin.qq.com: code2session (code "good-x" → openid "openid-x"), the
 * mini-program access token, and subscribe/send (recorded; errcode 0 unless told otherwise).
 */
export function fakeWechat(): Promise<FakeWechat> {
  const calls: WechatCall[] = [];
  let failNext: number | null = null;
  let tokens = 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    let raw = '';
    req.on('data', (d) => {
      raw += d;
    });
    req.on('end', () => {
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
      calls.push({ path: url.pathname, query: Object.fromEntries(url.searchParams), body });
      const code = url.searchParams.get('js_code') ?? '';
      let answer: Record<string, unknown>;
      if (url.pathname === '/sns/jscode2session')
        answer = code.startsWith('good-')
          ? { openid: `openid-${code.slice(5)}`, session_key: 'k' }
          : { errcode: 40029, errmsg: 'invalid code' };
      else if (url.pathname === '/cgi-bin/token')
        answer = { access_token: `token-${++tokens}`, expires_in: 7200 };
      else if (url.pathname === '/cgi-bin/message/subscribe/send') {
        answer = failNext ? { errcode: failNext, errmsg: 'fail' } : { errcode: 0, errmsg: 'ok' };
        failNext = null;
      } else answer = { errcode: -1 };
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(answer));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        calls,
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        messages: () =>
          calls.filter((c) => c.path === '/cgi-bin/message/subscribe/send').map((c) => c.body ?? {}),
        failNextSend: (errcode) => {
          failNext = errcode;
        },
        close: () => {
          server.closeAllConnections();
          server.close();
        },
      }),
    ),
  );
}

/** A visitor logged in through WeChat: their token and their one Person's id. */
export async function wechatVisitor(
  env: TestEnvironment,
  who: string,
): Promise<{ token: string; personId: string }> {
  const r = ok(
    await env.gql(`mutation($c:String!){wechatLogin(code:$c){accessToken me{person{id}}}}`, {
      c: `good-${who}`,
    }),
  );
  return { token: r.wechatLogin.accessToken, personId: r.wechatLogin.me.person.id };
}

export interface VisitSite {
  site: string;
  office: string;
  prod: string;
  ccr: string;
  /** Turnstile from the public site into the office: a main gate. */
  officeGate: string;
  /** Turnstile from the public site into production (escort required): a main gate. */
  prodGate: string;
  /** Door from production into the 集控室 key area. */
  ccrDoor: string;
}

/**
 * 厂区 (public) → 办公楼 (office), 生产区 (production, escort required within `escortSeconds`) →
 * 集控室 (key), with their turnstiles and door, made through the API as security.
 */
export async function createVisitSite(
  env: TestEnvironment,
  security: string,
  escortSeconds = 30,
): Promise<VisitSite> {
  const area = async (code: string, name: string, securityLevel: string, parentId?: string, extra = {}) =>
    ok(
      await env.gql(
        `mutation($i:AreaInput!){createArea(input:$i){id}}`,
        { i: { name, code, securityLevel, parentId, ...extra } },
        security,
      ),
    ).createArea.id as string;
  const point = async (code: string, name: string, from: string, to: string) =>
    ok(
      await env.gql(
        `mutation($i:PassagePointInput!){createPassagePoint(input:$i){id}}`,
        { i: { name, code, kind: 'TURNSTILE', fromAreaId: from, toAreaId: to } },
        security,
      ),
    ).createPassagePoint.id as string;
  const site = await area('V-SITE', '厂前区', 'PUBLIC');
  const office = await area('V-OFFICE', '办公楼', 'OFFICE', site);
  const prod = await area('V-PROD', '生产区', 'PRODUCTION', site, {
    escortRequired: true,
    escortWithinSeconds: escortSeconds,
    antiPassback: 'OFF',
  });
  const ccr = await area('V-CCR', '集控室', 'KEY', prod);
  return {
    site,
    office,
    prod,
    ccr,
    officeGate: await point('V-T-OFFICE', '办公楼闸机', site, office),
    prodGate: await point('V-T-PROD', '生产区闸机', site, prod),
    ccrDoor: await point('V-D-CCR', '集控室门', prod, ccr),
  };
}

/** A resident ID number that passes the GB 11643 check, distinct per call (region 320102). */
let serial = 500;
export function visitorIdNumber(birth = '19880808'): string {
  const first17 = `320102${birth}${String(++serial % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}
