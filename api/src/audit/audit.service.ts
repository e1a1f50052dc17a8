import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../common/context.js';
import { AuditAppended } from './audit.events.js';
import { AuditEntry } from './audit-entry.entity.js';
import { canonicalJson, entryHash, GENESIS_HASH } from './canonical.js';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

// One constant advisory-lock key: appending to the chain is serialised across every API copy.
const CHAIN_LOCK = 7_310_001;
const tails = new WeakMap<EntityManager, { seq: number; hash: string }>();

/**
 * Appends entries to the chain inside the caller's transaction: they commit or vanish with the
 * change they describe. Must be called with a transactional EntityManager (see inTransaction).
 */
export async function recordAudit(ctx: RequestContext, ...records: AuditRecord[]): Promise<AuditEntry[]> {
  const em = ctx.em;
  if (!em.isInTransaction()) throw new Error('recordAudit needs a transaction');
  let tail = tails.get(em);
  if (!tail) {
    // em.execute, not em.getConnection().execute: the latter runs on another pooled connection,
    // outside this transaction, so the lock would end at once (and can starve the pool).
    await em.execute('select pg_advisory_xact_lock(?)', [CHAIN_LOCK]);
    const [last] = await em.execute<{ seq: string; hash: string }[]>(
      'select seq, hash from audit_entry order by seq desc limit 1',
    );
    tail = last ? { seq: Number(last.seq), hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
  }
  const actorName = ctx.principal?.username ?? (ctx.requestId === 'system' ? 'system' : null);
  const entries = records.map((r) => {
    const e = new AuditEntry();
    e.id = randomUUID();
    e.seq = ++tail!.seq;
    e.at = new Date();
    e.actorId = ctx.principal?.accountId ?? null;
    e.actorName = actorName;
    e.action = r.action;
    e.entityType = r.entityType;
    e.entityId = r.entityId ?? null;
    // Round-trip through JSON so what is hashed is exactly what jsonb will hand back.
    e.before = r.before ? JSON.parse(canonicalJson(r.before)) : null;
    e.after = r.after ? JSON.parse(canonicalJson(r.after)) : null;
    e.prevHash = tail!.hash;
    e.hash = entryHash(e);
    tail!.hash = e.hash;
    em.persist(e);
    return e;
  });
  tails.set(em, tail);
  ctx.emit?.(new AuditAppended(tail.seq));
  return entries;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  firstBrokenId: string | null;
  reason: string | null;
}

/** Walks the whole chain in seq order, in pages, and names the first entry that does not hold. */
export async function verifyChain(em: EntityManager, pageSize = 5000): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const page = await em.find(
      AuditEntry,
      { seq: { $gte: expectedSeq } },
      { orderBy: { seq: 'asc' }, limit: pageSize, disableIdentityMap: true },
    );
    for (const e of page) {
      const broken = (reason: string): ChainVerification => ({
        ok: false,
        checked,
        firstBrokenSeq: e.seq,
        firstBrokenId: e.id,
        reason,
      });
      if (e.seq !== expectedSeq) return broken(`缺少序号 ${expectedSeq} 的条目`);
      if (e.prevHash !== prevHash) return broken('前序哈希不匹配：之前的条目被改动或删除');
      if (entryHash(e) !== e.hash) return broken('条目内容与其哈希不符：该条目被篡改');
      prevHash = e.hash;
      expectedSeq++;
      checked++;
    }
    if (page.length < pageSize)
      return { ok: true, checked, firstBrokenSeq: null, firstBrokenId: null, reason: null };
  }
}
