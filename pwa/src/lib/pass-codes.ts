// Picking the code to show from a pre-issued batch. Codes are issued 30 s apart and each is valid for
// 60 s, so at any moment two overlap; the newer one is shown and the older still opens the gate.

/** One code, times as epoch milliseconds (server clock). */
export interface PassCodeEntry {
  token: string;
  nbf: number;
  exp: number;
}

export interface PassBatch {
  /** The person the codes were issued to: another user on the same phone must never see them. */
  personId: string;
  kid: string;
  /** Server clock minus phone clock when the batch arrived: phones with a wrong clock still pick right. */
  skewMs: number;
  codes: PassCodeEntry[];
}

/** Refill while at least this much supply is left, so a walk into a dead zone never starts empty. */
export const REFILL_BELOW_MS = 4 * 60_000;

/** The newest code whose nbf ≤ now < exp, or null when none is valid. */
export function currentCode(codes: readonly PassCodeEntry[], now: number): PassCodeEntry | null {
  let best: PassCodeEntry | null = null;
  for (const code of codes) {
    if (code.nbf <= now && now < code.exp && (!best || code.nbf > best.nbf)) best = code;
  }
  return best;
}

/** When the shown code changes: the next code's nbf, or the current code's exp when none follows. */
export function nextChangeAt(codes: readonly PassCodeEntry[], now: number): number | null {
  const current = currentCode(codes, now);
  if (!current) return null;
  let next: number | null = null;
  for (const code of codes) {
    if (code.nbf > now && (next === null || code.nbf < next)) next = code.nbf;
  }
  return next !== null && next < current.exp ? next : current.exp;
}

/** Whole seconds until the code changes (0 when none is valid), as a countdown shows them. */
export function secondsUntilChange(codes: readonly PassCodeEntry[], now: number): number {
  const at = nextChangeAt(codes, now);
  return at === null ? 0 : Math.ceil((at - now) / 1000);
}

/** Milliseconds of supply left: until the last code expires. */
export function supplyLeftMs(codes: readonly PassCodeEntry[], now: number): number {
  const end = codes.reduce((latest, code) => Math.max(latest, code.exp), 0);
  return Math.max(0, end - now);
}

export function needsRefill(batch: PassBatch | null, now: number): boolean {
  return !batch || supplyLeftMs(batch.codes, now) < REFILL_BELOW_MS;
}

export interface ServerPassBatch {
  kid: string;
  issuedAt: string;
  codes: ReadonlyArray<{ token: string; nbf: string; exp: string }>;
}

/**
 * Converts the server's answer for storage. issuedAt is whole server seconds and the answer took a
 * moment to arrive, so the skew errs towards the past: codes switch a little late, never early,
 * which the overlap absorbs.
 */
export function toPassBatch(personId: string, batch: ServerPassBatch, receivedAt: number): PassBatch {
  return {
    personId,
    kid: batch.kid,
    skewMs: Date.parse(batch.issuedAt) - receivedAt,
    codes: batch.codes.map((code) => ({
      token: code.token,
      nbf: Date.parse(code.nbf),
      exp: Date.parse(code.exp),
    })),
  };
}
