import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../common/context.js';
import { Permission } from '../common/permission.js';
import { WatchlistInput } from './book-visit.input.js';
import { addToWatchlist, removeFromWatchlist, watchlist } from './watchlist.service.js';
import { WatchlistEntry } from './watchlist-entry.entity.js';

/** 观察名单: 保卫部 keeps it; a booking or walk-in naming someone on it is refused (see visit-booking). */
@Resolver()
export class WatchlistResolver {
  @Authorized(Permission.WATCHLIST_MANAGE)
  @Query(() => [WatchlistEntry], { description: '观察名单，最新在前；默认只列生效中的' })
  watchlist(
    @Ctx() ctx: RequestContext,
    @Arg('includeInactive', () => Boolean, { nullable: true, defaultValue: false })
    includeInactive: boolean | null,
  ): Promise<WatchlistEntry[]> {
    return watchlist(ctx, includeInactive ?? false);
  }

  @Authorized(Permission.WATCHLIST_MANAGE)
  @Mutation(() => WatchlistEntry, { description: '加入观察名单（身份证号只存哈希与脱敏形式）' })
  addToWatchlist(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => WatchlistInput) input: WatchlistInput,
  ): Promise<WatchlistEntry> {
    return addToWatchlist(ctx, input);
  }

  @Authorized(Permission.WATCHLIST_MANAGE)
  @Mutation(() => WatchlistEntry, { description: '移出观察名单' })
  removeFromWatchlist(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<WatchlistEntry> {
    return removeFromWatchlist(ctx, id);
  }
}
