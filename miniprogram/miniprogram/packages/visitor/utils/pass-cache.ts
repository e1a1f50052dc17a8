// Pass batches in storage, one per visit, under a single key that logging out removes
// (utils/session.ts): the codes open gates for the person they were issued to, nobody else.
import { VISIT_PASSES_STORAGE_KEY } from '../../../utils/session';
import { lastExp, type VisitPassBatch } from './pass-codes';

type Stored = Record<string, VisitPassBatch>;

function isBatch(value: unknown): value is VisitPassBatch {
  const batch = value as Partial<VisitPassBatch> | null;
  return (
    typeof batch?.visitId === 'string' &&
    Number.isFinite(batch.validFrom) &&
    Number.isFinite(batch.validUntil) &&
    Number.isFinite(batch.skewMs) &&
    Array.isArray(batch.passes) &&
    batch.passes.every(
      (pass) =>
        typeof pass?.personId === 'string' &&
        typeof pass.name === 'string' &&
        Array.isArray(pass.codes) &&
        pass.codes.every(
          (code) => typeof code?.token === 'string' && Number.isFinite(code.nbf) && Number.isFinite(code.exp),
        ),
    )
  );
}

function readAll(): Stored {
  const stored: unknown = wx.getStorageSync(VISIT_PASSES_STORAGE_KEY);
  if (typeof stored !== 'object' || stored === null) return {};
  const result: Stored = {};
  for (const [visitId, batch] of Object.entries(stored)) if (isBatch(batch)) result[visitId] = batch;
  return result;
}

/** Still of use: inside its window and with a code not yet expired. */
function isLive(batch: VisitPassBatch, now: number): boolean {
  const serverNow = now + batch.skewMs;
  return serverNow < batch.validUntil && batch.passes.some((pass) => lastExp(pass.codes) > serverNow);
}

export function readVisitPasses(visitId: string): VisitPassBatch | null {
  return readAll()[visitId] ?? null;
}

/** Stores this visit's batch and drops batches of other visits that can no longer open anything. */
export function writeVisitPasses(batch: VisitPassBatch, now: number = Date.now()): void {
  const all = readAll();
  const kept: Stored = { [batch.visitId]: batch };
  for (const [visitId, other] of Object.entries(all))
    if (visitId !== batch.visitId && isLive(other, now)) kept[visitId] = other;
  wx.setStorageSync(VISIT_PASSES_STORAGE_KEY, kept);
}

export function removeVisitPasses(visitId: string): void {
  const all = readAll();
  if (!(visitId in all)) return;
  delete all[visitId];
  wx.setStorageSync(VISIT_PASSES_STORAGE_KEY, all);
}
