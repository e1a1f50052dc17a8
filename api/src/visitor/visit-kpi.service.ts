import type { RequestContext } from '../common/context.js';
import type { OnlineReviewRatio } from './visitor.types.js';

/**
 * 访客预约审核线上化比例: of the visits booked or registered in [from, to), the share decided in the
 * app (approved or rejected through the approval engine, or refused on the watchlist). A booking
 * withdrawn before anyone decided it was never up for review and is left out of both counts; one that
 * nobody decided before its time ran out counts against the ratio. Target: VISIT_ONLINE_REVIEW_TARGET.
 */
export async function visitOnlineReviewRatio(
  ctx: RequestContext,
  from: Date,
  to: Date,
): Promise<OnlineReviewRatio> {
  const [row] = await ctx.em.getConnection().execute<{ decided: string; total: string }[]>(
    `select count(*) filter (where decided_at is not null) as decided,
            count(*) filter (where decided_at is not null or status <> 'CANCELLED') as total
       from visit where created_at >= ? and created_at < ?`,
    [from, to],
  );
  const decidedOnline = Number(row?.decided ?? 0);
  const total = Number(row?.total ?? 0);
  const target = ctx.config.VISIT_ONLINE_REVIEW_TARGET;
  const ratio = total === 0 ? null : decidedOnline / total;
  return { ratio, target, meetsTarget: ratio !== null && ratio >= target, decidedOnline, total };
}
