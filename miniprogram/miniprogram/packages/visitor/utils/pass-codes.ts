// Which code of a pre-issued batch to show. Codes are issued 30 s apart and each is valid for 60 s,
// so at any moment two overlap; the newer one is shown and the older still opens the gate.
import type { VisitPassesQuery } from '../../../gql/graphql';

/** One code, times as epoch milliseconds (server clock). */
export interface PassCode {
  token: string;
  nbf: number;
  exp: number;
}

export interface PersonPass {
  personId: string;
  name: string;
  codes: PassCode[];
}

/** What the pass page keeps in storage for one visit, so it works without signal at the gate. */
export interface VisitPassBatch {
  visitId: string;
  validFrom: number;
  validUntil: number;
  /** Estimated server clock minus phone clock when the batch arrived (see estimateSkew). */
  skewMs: number;
  passes: PersonPass[];
}

/** Refill while at least this much supply is left, so a walk into a dead zone never starts empty. */
export const REFILL_BELOW_MS = 4 * 60_000;

/** The newest code whose nbf ≤ now < exp, or null when none is valid. */
export function currentCode(codes: readonly PassCode[], now: number): PassCode | null {
  let best: PassCode | null = null;
  for (const code of codes) {
    if (code.nbf <= now && now < code.exp && (!best || code.nbf > best.nbf)) best = code;
  }
  return best;
}

/** When the shown code changes: the next code's nbf, or the current code's exp when none follows. */
export function nextChangeAt(codes: readonly PassCode[], now: number): number | null {
  const current = currentCode(codes, now);
  if (!current) return null;
  let next: number | null = null;
  for (const code of codes) {
    if (code.nbf > now && (next === null || code.nbf < next)) next = code.nbf;
  }
  return next !== null && next < current.exp ? next : current.exp;
}

/** Whole seconds until the code changes (0 when none is valid), as the countdown shows them. */
export function secondsUntilChange(codes: readonly PassCode[], now: number): number {
  const at = nextChangeAt(codes, now);
  return at === null ? 0 : Math.ceil((at - now) / 1000);
}

export const lastExp = (codes: readonly PassCode[]): number =>
  codes.reduce((latest, code) => Math.max(latest, code.exp), 0);

export const firstNbf = (codes: readonly PassCode[]): number =>
  codes.reduce((earliest, code) => Math.min(earliest, code.nbf), Number.POSITIVE_INFINITY);

export function needsRefill(batch: VisitPassBatch | null, now: number): boolean {
  if (!batch) return true;
  const serverNow = now + batch.skewMs;
  if (serverNow >= batch.validUntil) return false; // nothing more will be issued
  return batch.passes.some((pass) => lastExp(pass.codes) - serverNow < REFILL_BELOW_MS);
}

/**
 * visitPasses carries no server time, but the server starts a batch at its own "now" (or at the window
 * start, for a visit that has not begun). A phone clock outside the first code's validity is therefore
 * off by about the distance to that code's nbf; inside it, the clock is taken as right.
 */
export function estimateSkew(codes: readonly PassCode[], validFrom: number, receivedAt: number): number {
  if (codes.length === 0) return 0;
  const first = codes.reduce((a, b) => (b.nbf < a.nbf ? b : a));
  if (receivedAt >= first.exp) return first.nbf - receivedAt; // phone clock ahead
  // Behind: only when the batch did not simply start at a window still in the future.
  if (receivedAt < first.nbf && Math.abs(first.nbf - validFrom) > 1000) return first.nbf - receivedAt;
  return 0;
}

export function toVisitPassBatch(
  visitId: string,
  data: VisitPassesQuery,
  receivedAt: number,
): VisitPassBatch {
  const validFrom = Date.parse(data.visit.validFrom);
  const passes = data.visitPasses.map((pass) => ({
    personId: pass.personId,
    name: pass.name,
    codes: pass.codes.map((code) => ({
      token: code.token,
      nbf: Date.parse(code.nbf),
      exp: Date.parse(code.exp),
    })),
  }));
  return {
    visitId,
    validFrom,
    validUntil: Date.parse(data.visit.validUntil),
    skewMs: estimateSkew(passes[0]?.codes ?? [], validFrom, receivedAt),
    passes,
  };
}

export type PassState =
  /** A code to show now. */
  | { kind: 'valid'; token: string; secondsLeft: number }
  /** The window (or the first code) lies ahead; startsAt is phone time. */
  | { kind: 'upcoming'; startsAt: number }
  /** Window over, or every stored code used up (then `windowOver` is false: new codes would help). */
  | { kind: 'expired'; windowOver: boolean };

/** What the pass page shows for one person at phone time `now`. */
export function passState(batch: VisitPassBatch, pass: PersonPass, now: number): PassState {
  const serverNow = now + batch.skewMs;
  if (serverNow >= batch.validUntil) return { kind: 'expired', windowOver: true };
  // Codes are issued from the moment they are asked for, but the gates open only inside the window.
  if (serverNow < batch.validFrom) return { kind: 'upcoming', startsAt: batch.validFrom - batch.skewMs };
  const code = currentCode(pass.codes, serverNow);
  if (code)
    return { kind: 'valid', token: code.token, secondsLeft: secondsUntilChange(pass.codes, serverNow) };
  const start = firstNbf(pass.codes);
  if (start > serverNow && Number.isFinite(start))
    return { kind: 'upcoming', startsAt: start - batch.skewMs };
  return { kind: 'expired', windowOver: false };
}
