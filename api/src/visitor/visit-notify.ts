import type { EntityManager } from '@mikro-orm/postgresql';
import { type SendOutcome, sendSubscribeMessage } from '../auth/wechat-message.client.js';
import type { Config } from '../config.js';
import { localDateTime } from './time-format.js';
import type { VisitChanged } from './visitor.events.js';

// thing* keywords take at most 20 characters, phrase* at most 5.
const thing = (s: string) => (s.length > 20 ? `${s.slice(0, 19)}…` : s);

const WORDING: Partial<
  Record<VisitChanged['change'], { result: string; note: (reason: string | null) => string }>
> = {
  APPROVED: { result: '已通过', note: () => '请按时到访，凭小程序通行码入场' },
  REJECTED: { result: '未通过', note: (reason) => reason ?? '请联系被访人' },
  OVERSTAY: { result: '已超时', note: () => '访问时段已结束，请尽快离场' },
};

/**
 * Tells a visitor through a WeChat subscribe message that their visit was approved or rejected (with
 * the reason they may see), or that their time is up while they are still inside. Only visitors who
 * logged in through WeChat have an openid; a walk-in without one is told at the gate.
 */
export async function notifyVisitor(
  config: Config,
  em: EntityManager,
  e: VisitChanged,
): Promise<SendOutcome> {
  const wording = WORDING[e.change];
  if (!wording || !config.WECHAT_API_BASE || !config.WECHAT_VISIT_TEMPLATE_ID) return 'not-configured';
  const [row] = await em
    .getConnection()
    .execute<{ openid: string | null; name: string; valid_from: string; rejection_reason: string | null }[]>(
      `select b.openid, p.name, v.valid_from, v.rejection_reason from visit v join person p on p.id = v.visitor_id
       left join wechat_binding b on b.person_id = p.id and b.unbound_at is null
      where v.id = ? order by b.created_at desc limit 1`,
      [e.audience.visitId],
    );
  if (!row?.openid) return 'not-configured';
  const values = {
    name: thing(row.name),
    time: localDateTime(new Date(row.valid_from)),
    result: wording.result,
    note: thing(wording.note(row.rejection_reason)),
  };
  const fields = config.WECHAT_VISIT_TEMPLATE_FIELDS;
  const data: Record<string, string> = {};
  for (const [key, keyword] of Object.entries(fields))
    if (keyword) data[keyword] = values[key as keyof typeof values];
  return sendSubscribeMessage(config, {
    touser: row.openid,
    templateId: config.WECHAT_VISIT_TEMPLATE_ID,
    page: `${config.WECHAT_VISIT_PAGE}?id=${e.audience.visitId}`,
    data,
  });
}
