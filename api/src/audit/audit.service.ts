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
const batches = new WeakMap<EntityManager, Stamped[]>();

interface Stamped {
  action: string;
  entityType: string;
  entityId: string | null;
  /** Canonical JSON taken when recorded: later changes to the caller's objects do not leak in. */
  before: string | null;
  after: string | null;
  at: Date;
  actorId: string | null;
  actorName: string | null;
}

/**
 * Appends entries to the chain inside the caller's transaction: they commit or vanish with the
 * change they describe. Must be called with a transactional EntityManager (see inTransaction).
 *
 * Appending takes the one chain lock until commit, so every auditing transaction of every API copy
 * queues on it. Inside inTransaction the entries are therefore only stamped (time, actor) here and
 * appended when the transaction's work is done and flushed, right before its commit: the lock is
 * held for reading the chain's tail, inserting the entries and committing, not for the whole request.
 */
export async function recordAudit(ctx: RequestContext, ...records: AuditRecord[]): Promise<void> {
  const em = ctx.em;
  if (!em.isInTransaction()) throw new Error('recordAudit needs a transaction');
  const at = new Date();
  const stamped = records.map((r) => ({
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId ?? null,
    before: r.before ? canonicalJson(r.before) : null,
    after: r.after ? canonicalJson(r.after) : null,
    at,
    actorId: ctx.principal?.accountId ?? null,
    actorName: ctx.principal?.username ?? (ctx.requestId === 'system' ? 'system' : null),
  }));
  if (!ctx.beforeCommit) return append(ctx, stamped);
  let batch = batches.get(em);
  if (!batch) {
    const pending: Stamped[] = [];
    batches.set(em, pending);
    ctx.beforeCommit(async () => {
      batches.delete(em);
      // The transaction's own writes first, without the lock; then lock, chain, commit.
      await em.flush();
      await append(ctx, pending);
    });
    batch = pending;
  }
  batch.push(...stamped);
}

async function append(ctx: RequestContext, records: Stamped[]): Promise<void> {
  const em = ctx.em;
  if (records.length === 0) return;
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
  for (const r of records) {
    const e = new AuditEntry();
    e.id = randomUUID();
    e.seq = ++tail.seq;
    e.at = r.at;
    e.actorId = r.actorId;
    e.actorName = r.actorName;
    e.action = r.action;
    e.entityType = r.entityType;
    e.entityId = r.entityId;
    // Parsed back from JSON so what is hashed is exactly what jsonb will hand back.
    e.before = r.before === null ? null : JSON.parse(r.before);
    e.after = r.after === null ? null : JSON.parse(r.after);
    e.prevHash = tail.hash;
    e.hash = entryHash(e);
    tail.hash = e.hash;
    em.persist(e);
  }
  tails.set(em, tail);
  ctx.emit?.(new AuditAppended(tail.seq));
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
