import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { idNumberCheckChar } from '@park/core';
import { type Api, log } from './harness.js';

/**
 * A stand-in for api.weixin.qq.com's code2session, in the bench process: code "bench-x" → openid
 * "openid-x". Only visitor logins (setup) call it; bookVisit sends no WeChat message. Pass `env` to
 * startApi so the API child calls it.
 */
export async function fakeWechat(): Promise<{ env: Record<string, string>; close(): void }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const code = url.searchParams.get('js_code') ?? '';
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify(
        url.pathname === '/sns/jscode2session' && code.startsWith('bench-')
          ? { openid: `openid-${code.slice(6)}`, session_key: 'k' }
          : { errcode: 40029, errmsg: 'invalid code' },
      ),
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    env: { WECHAT_API_BASE: base, WECHAT_APPID: 'wxbench', WECHAT_SECRET: 'bench' },
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

export interface Visitor {
  token: string;
  personId: string;
  name: string;
  idNumber: string;
  phone: string;
}

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华'];

/**
 * Visitor `i`'s real name: a GB 11643 ID number of region 110105 (the demo plant and the import use
 * others), one birthday per visitor from 1960 on, so every number is distinct; a distinct phone.
 */
export function visitorIdentity(i: number): Pick<Visitor, 'name' | 'idNumber' | 'phone'> {
  const birth = new Date(Date.UTC(1960, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  const first17 = `110105${birth.replaceAll('-', '')}${String(100 + (i % 900)).padStart(3, '0')}`;
  return {
    name: SURNAMES[i % SURNAMES.length]! + GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]!,
    idNumber: first17 + idNumberCheckChar(first17),
    phone: `137${String(i).padStart(8, '0')}`,
  };
}

/**
 * `count` visitors logged in through wechatLogin (each their own new Person), `concurrency` at a
 * time. `tag` keeps the openids of two groups apart.
 */
export async function wechatVisitors(
  api: Api,
  count: number,
  tag: string,
  concurrency = 8,
): Promise<Visitor[]> {
  const m = 'mutation($c:String!){wechatLogin(code:$c){accessToken me{person{id}}}}';
  const out: Visitor[] = new Array(count);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const r = await api.gql<{ wechatLogin: { accessToken: string; me: { person: { id: string } } } }>(m, {
        c: `bench-${tag}-${i}`,
      });
      out[i] = {
        token: r.wechatLogin.accessToken,
        personId: r.wechatLogin.me.person.id,
        ...visitorIdentity(i),
      };
    }
  };
  const t = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  log(`visitors: ${count} WeChat logins in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return out;
}

/**
 * The visitor side of the plant, made through the API as security: 厂前区 (public) with 办公楼
 * (office) right inside it, which a booking naming no area gets by default and which only the host
 * approves (the VISIT policy adds 保卫部 for production and key areas only).
 */
export async function createVisitOffice(
  api: Api,
  security: string,
): Promise<{ site: string; office: string }> {
  const area = async (code: string, name: string, securityLevel: string, parentId?: string) =>
    (
      await api.gql<{ createArea: { id: string } }>(
        'mutation($i:AreaInput!){createArea(input:$i){id}}',
        { i: { name, code, securityLevel, parentId } },
        security,
      )
    ).createArea.id;
  const site = await area('B-SITE', '厂前区', 'PUBLIC');
  const office = await area('B-OFFICE', '办公楼', 'OFFICE', site);
  return { site, office };
}

/** The mini-program's own BookVisit document (miniprogram/…/gql: VisitDetail). */
export const BOOK_VISIT = `mutation BookVisit($input: BookVisitInput!) {
  bookVisit(input: $input) {
    id status purpose validFrom validUntil createdAt host { id name department }
    source plate rejectionReason checkedInAt checkedOutAt
    visitor { personId name idNumberMasked companion }
    companions { personId name idNumberMasked companion }
    areas { id name securityLevel needsSecurity escortRequired isDefault }
    approvalId
  }
}`;

export interface BookedVisit {
  id: string;
  status: string;
  approvalId: string | null;
  host: { id: string };
}

/** One booking's variables: the visitor's own details, a 30-minute window `from` ms from now. */
export function bookingInput(
  v: Pick<Visitor, 'name' | 'idNumber' | 'phone'>,
  hostId: string,
  fromMs: number,
) {
  const from = Date.now() + fromMs;
  return {
    hostId,
    purpose: '商务洽谈',
    validFrom: new Date(from).toISOString(),
    validUntil: new Date(from + 30 * 60_000).toISOString(),
    name: v.name,
    idNumber: v.idNumber,
    phone: v.phone,
    company: '华能检修公司',
  };
}
