import type { PassBatch, PassCodeEntry } from '../lib/pass-codes';

/** A token shaped like a real pass (compact JWS, ~380 characters) without needing a key. */
export function fakeToken(n: number): string {
  return `eyJhbGciOiJFZERTQSJ9.${String(n).padStart(4, '0')}${'x'.repeat(330)}.sig${n}`;
}

/** `count` codes from `from` (ms): one every 30 s, each valid 60 s, as the server issues them. */
export function codesFrom(from: number, count = 20): PassCodeEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    token: fakeToken(i),
    nbf: from + i * 30_000,
    exp: from + i * 30_000 + 60_000,
  }));
}

export function batchFor(personId: string, from: number, count = 20): PassBatch {
  return { personId, kid: 'k1', skewMs: 0, codes: codesFrom(from, count) };
}

/** The same batch as the API sends it. */
export function serverBatch(from: number, count = 20) {
  return {
    kid: 'k1',
    issuedAt: new Date(from).toISOString(),
    codes: codesFrom(from, count).map((c) => ({
      token: c.token,
      nbf: new Date(c.nbf).toISOString(),
      exp: new Date(c.exp).toISOString(),
    })),
  };
}
