import { AccessResult, CredentialKind } from '../access/access-event.types.js';
import { Area } from '../access/area.entity.js';
import { PassageDirection } from '../access/decide-access.types.js';
import { storeDeviceEvents } from '../access/event-ingest.service.js';
import { PassagePoint } from '../access/passage-point.entity.js';
import { ApprovalDecision } from '../approval/approval.enums.js';
import { decideApproval } from '../approval/approval.service.js';
import { UserAccount } from '../auth/user-account.entity.js';
import { principalFrom, type RequestContext } from '../common/context.js';
import { PersonStatus, PersonType } from '../identity/identity.enums.js';
import { Person } from '../identity/person.entity.js';
import { Visit } from '../visitor/visit.entity.js';
import { bookVisit, registerWalkIn } from '../visitor/visit-booking.service.js';
import { applyPassages } from '../visitor/visit-presence.js';
import { addToWatchlist } from '../visitor/watchlist.service.js';
import { idNumber, prng } from './demo-data.js';

export interface DemoVisits {
  created: boolean;
  visits: number;
}

/**
 * Something for the visitor pages to show: today's visits in different states (waiting for the host,
 * waiting for 保卫部 after the host, approved and checked in through the office turnstile, rejected
 * with a reason, a walk-in at the gate) and one watchlist entry. Made through the services, as the
 * people would, so approvals, grants and the audit trail are real. Needs the demo plant and site;
 * idempotent.
 */
export async function seedDemoVisits(ctx: RequestContext): Promise<DemoVisits> {
  if ((await ctx.em.count(Visit, {})) > 0) return { created: false, visits: 0 };
  const [office, prod] = await Promise.all([
    ctx.em.findOne(Area, { code: 'DG-OFFICE' }),
    ctx.em.findOne(Area, { code: 'DG-PROD' }),
  ]);
  const gate = await ctx.em.findOne(PassagePoint, { code: 'T-OFFICE' });
  if (!office || !prod || !gate) return { created: false, visits: 0 };

  const accounts = new Map(
    (await ctx.em.find(UserAccount, { username: { $in: ['security', 'yunxing', 'zhangsan'] } })).map((a) => [
      a.username,
      a,
    ]),
  );
  const as = (username: string): RequestContext => {
    const a = accounts.get(username)!;
    return {
      ...ctx,
      em: ctx.em.fork(),
      principal: principalFrom({ accountId: a.id, username, personId: a.person?.id ?? null, roles: a.roles }),
    };
  };
  const visitor = (p: Person): RequestContext => ({
    ...ctx,
    em: ctx.em.fork(),
    principal: principalFrom({ accountId: p.id, username: `visitor:${p.name}`, personId: p.id, roles: [] }),
  });
  const hostOf = (username: string) => accounts.get(username)!.person!.id;
  const visitors = await ctx.em.find(
    Person,
    { type: PersonType.VISITOR, status: PersonStatus.ACTIVE, idNumber: { $ne: null } },
    { orderBy: { name: 'asc' }, limit: 5 },
  );
  if (visitors.length < 5 || !hostOf('zhangsan') || !hostOf('yunxing')) return { created: false, visits: 0 };
  const at = (minutes: number) => new Date(Date.now() + minutes * 60_000);
  const book = (p: Person, host: string, purpose: string, from: number, until: number, extra = {}) =>
    bookVisit(visitor(p), {
      hostId: hostOf(host),
      purpose,
      validFrom: at(from),
      validUntil: at(until),
      name: p.name,
      idNumber: p.idNumber!,
      phone: p.phone ?? '13800000000',
      ...extra,
    });
  const decide = (who: string, v: Visit, decision: ApprovalDecision, comment?: string) =>
    decideApproval(as(who), { requestId: v.approval!.id, decision, comment });

  // 1. Waiting for 张三 (the host's approvals inbox).
  await book(visitors[0]!, 'zhangsan', '巡检机器人技术交流', 60, 180, {
    company: '华能技术服务公司',
    plate: '鲁B12345',
  });
  // 2. Approved by the host and already in the office building.
  const inside = await book(visitors[1]!, 'yunxing', '商务洽谈', -30, 150, { company: '东方电气集团' });
  await decide('yunxing', inside, ApprovalDecision.APPROVE, '欢迎');
  const { stored } = await storeDeviceEvents(as('security'), [
    {
      deviceId: 'OFFICE-IN',
      seq: 9_000_001,
      occurredAt: at(-10),
      passagePointId: gate.id,
      direction: PassageDirection.IN,
      personId: visitors[1]!.id,
      credentialKind: CredentialKind.QR,
      result: AccessResult.GRANTED,
      decidedOffline: false,
      antiPassbackViolation: false,
    },
  ]);
  await applyPassages({ ...ctx, em: ctx.em.fork() }, stored);
  // 3. Production: the host agreed, 保卫部 still has to.
  const production = await book(visitors[2]!, 'zhangsan', '锅炉检修方案对接', 90, 240, {
    areaIds: [office.id, prod.id],
    companions: [{ name: visitors[3]!.name, idNumber: visitors[3]!.idNumber!, phone: visitors[3]!.phone }],
  });
  await decide('zhangsan', production, ApprovalDecision.APPROVE, '需进入 1 号锅炉房');
  // 4. Rejected with the reason the visitor reads.
  const rejected = await book(visitors[4]!, 'yunxing', '推销产品', 120, 180);
  await decide('yunxing', rejected, ApprovalDecision.REJECT, '暂无采购计划，请勿来访');
  // 5. A walk-in the guard just registered.
  const r = prng(20261127);
  await registerWalkIn(as('security'), {
    name: '蔡国庆',
    idNumber: idNumber(r, 901),
    phone: '13700001234',
    hostId: hostOf('zhangsan'),
    purpose: '送检验报告',
    validUntil: at(90),
    company: '省电力试验研究院',
  });
  await addToWatchlist(as('security'), {
    idNumber: idNumber(r, 902),
    name: '田某',
    reason: '2026 年 9 月在厂区内违规拍摄生产设施，保卫部列入',
  });
  return { created: true, visits: await ctx.em.count(Visit, {}) };
}
