import type { PassBatch, PassCodeEntry } from './pass-codes';

const STORAGE_KEY = 'park.passes';

function isCode(value: unknown): value is PassCodeEntry {
  const code = value as Partial<PassCodeEntry> | null;
  return typeof code?.token === 'string' && Number.isFinite(code.nbf) && Number.isFinite(code.exp);
}

function parse(raw: string | null): PassBatch | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<PassBatch>;
    if (typeof value.personId !== 'string' || !Array.isArray(value.codes) || !value.codes.every(isCode))
      return null;
    return {
      personId: value.personId,
      kid: String(value.kid ?? ''),
      skewMs: Number.isFinite(value.skewMs) ? Number(value.skewMs) : 0,
      codes: value.codes,
    };
  } catch {
    return null;
  }
}

/**
 * The stored batch if it belongs to this person. Another person's batch is dropped rather than left
 * behind: the codes are that person's way through the gates.
 */
export function readPassBatch(personId: string, storage: Storage = localStorage): PassBatch | null {
  const batch = parse(storage.getItem(STORAGE_KEY));
  if (batch?.personId === personId) return batch;
  storage.removeItem(STORAGE_KEY);
  return null;
}

export function writePassBatch(batch: PassBatch, storage: Storage = localStorage): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(batch));
}

export function clearPassBatch(storage: Storage | undefined = globalThis.localStorage): void {
  storage?.removeItem(STORAGE_KEY);
}
