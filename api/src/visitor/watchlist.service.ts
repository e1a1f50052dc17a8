import { createHmac } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { maskIdNumber } from '@park/core';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type RequestContext } from '../common/context.js';
import { isUuid } from '../common/ids.js';
import { checkRealName } from '../identity/real-name.service.js';
import type { WatchlistInput } from './book-visit.input.js';
import { VisitorErrors } from './visitor.errors.js';
import { WatchlistEntry } from './watchlist-entry.entity.js';

/** A keyed hash of a normalised ID number: matchable, but not reversible without the data key. */
export function watchlistHash(ctx: RequestContext, idNumber: string): string {
  return createHmac('sha256', ctx.config.dataKey).update(`watchlist:${idNumber}`).digest('hex');
}

const snapshot = (e: WatchlistEntry) => ({
  idNumber: e.idNumberMasked,
  name: e.name ?? null,
  reason: e.reason,
  until: e.until ?? null,
  removedAt: e.removedAt ?? null,
});

export async function watchlist(ctx: RequestContext, includeInactive: boolean): Promise<WatchlistEntry[]> {
  const now = new Date();
  return ctx.em.find(
    WatchlistEntry,
    includeInactive ? {} : { removedAt: null, $or: [{ until: null }, { until: { $gt: now } }] },
    { orderBy: { createdAt: 'desc' }, limit: 1000 },
  );
}

export async function addToWatchlist(ctx: RequestContext, input: WatchlistInput): Promise<WatchlistEntry> {
  // The name is optional here; the ID number is what matches, so it alone is checked.
  const { idNumber } = checkRealName({ name: input.name?.trim() || '未知', idNumber: input.idNumber });
  const reason = input.reason.trim();
  if (!reason || reason.length > 200) throw VisitorErrors.watchlistReason();
  if (input.until && input.until.getTime() <= Date.now()) throw VisitorErrors.watchlistUntil();
  const name = input.name?.trim().slice(0, 50) || null;
  const idHash = watchlistHash(ctx, idNumber);
  return inTransaction(ctx, async (tx) => {
    const [live] = await matches(tx, [idHash]);
    if (live) throw VisitorErrors.watchlistDuplicate();
    const entry = tx.em.create(WatchlistEntry, {
      idHash,
      idNumberMasked: maskIdNumber(idNumber),
      name,
      reason,
      until: input.until ?? null,
      createdBy: tx.principal?.username ?? null,
    });
    await recordAudit(tx, {
      action: 'WATCHLIST_ADD',
      entityType: 'WatchlistEntry',
      entityId: entry.id,
      after: snapshot(entry),
    });
    return entry;
  });
}

export async function removeFromWatchlist(ctx: RequestContext, id: string): Promise<WatchlistEntry> {
  if (!isUuid(id)) throw VisitorErrors.watchlistNotFound();
  return inTransaction(ctx, async (tx) => {
    const entry = await tx.em.findOne(
      WatchlistEntry,
      { id, removedAt: null },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!entry) throw VisitorErrors.watchlistNotFound();
    const before = snapshot(entry);
    entry.removedAt = new Date();
    entry.removedBy = tx.principal?.username ?? null;
    await recordAudit(tx, {
      action: 'WATCHLIST_REMOVE',
      entityType: 'WatchlistEntry',
      entityId: entry.id,
      before,
      after: snapshot(entry),
    });
    return entry;
  });
}

/** The live entries among these hashes. */
async function matches(ctx: RequestContext, hashes: readonly string[]): Promise<WatchlistEntry[]> {
  if (hashes.length === 0) return [];
  return ctx.em.find(WatchlistEntry, {
    idHash: { $in: [...hashes] },
    removedAt: null,
    $or: [{ until: null }, { until: { $gt: new Date() } }],
  });
}

/** Which of these ID numbers are on the watchlist now, with the entry that names each. */
export async function watchlistHits(
  ctx: RequestContext,
  idNumbers: readonly string[],
): Promise<{ idNumber: string; entry: WatchlistEntry }[]> {
  const byHash = new Map(idNumbers.map((n) => [watchlistHash(ctx, n), n]));
  return (await matches(ctx, [...byHash.keys()])).map((entry) => ({
    idNumber: byHash.get(entry.idHash)!,
    entry,
  }));
}
