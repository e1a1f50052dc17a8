import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import {
  type ErrorCorrectionLevel,
  encodeQr,
  utf8Bytes,
} from '../miniprogram/packages/visitor/utils/qr/encode';

/** The reference: the `qrcode` package the PWA draws with, forced to the same version and mask. */
function reference(text: string, level: ErrorCorrectionLevel, mask: number) {
  const qr = QRCode.create([{ data: new Uint8Array(utf8Bytes(text)), mode: 'byte' }], {
    errorCorrectionLevel: level,
    maskPattern: mask as QRCode.QRCodeMaskPattern,
  });
  const { size, data } = qr.modules;
  return {
    version: qr.version,
    rows: Array.from({ length: size }, (_, y) =>
      Array.from({ length: size }, (_, x) => data[y * size + x] === 1),
    ),
  };
}

/** Text of a given length from the characters a pass token is made of (base64url and dots). */
const tokenLike = (length: number): string =>
  Array.from({ length }, (_, i) => 'eyJhbGciOi.JFZERTQSIsInR5cC_-0123456789Z'[(i * 7 + length) % 40]).join(
    '',
  );

describe('the QR encoder', () => {
  it.each([
    ['L', 17],
    ['M', 14],
    ['Q', 11],
    ['H', 7],
  ] as const)('fills version 1 at level %s with exactly %i bytes', (level, capacity) => {
    expect(encodeQr(tokenLike(capacity), { level }).version).toBe(1);
    expect(encodeQr(tokenLike(capacity + 1), { level }).version).toBe(2);
  });

  it.each([1, 20, 60, 120, 250, 380, 420, 700, 1200, 2300])(
    'draws %i bytes module for module like the qrcode package, at every level',
    (length) => {
      for (const level of ['L', 'M', 'Q', 'H'] as const) {
        const text = tokenLike(length);
        let mine: ReturnType<typeof encodeQr>;
        try {
          mine = encodeQr(text, { level });
        } catch {
          continue; // too long for this level; the next test covers the refusal
        }
        const expected = reference(text, level, mine.mask);
        expect(mine.version, `${length} bytes at ${level}`).toBe(expected.version);
        expect(mine.modules, `${length} bytes at ${level}`).toEqual(expected.rows);
      }
    },
  );

  it('applies each of the eight masks the way the standard defines them', () => {
    const text = tokenLike(400);
    for (let mask = 0; mask < 8; mask++) {
      expect(encodeQr(text, { mask }).modules, `mask ${mask}`).toEqual(reference(text, 'M', mask).rows);
    }
  });

  it('fits the longest real pass token (about 420 characters) at level M in version 16, 81 modules wide', () => {
    expect(encodeQr(tokenLike(420), { level: 'M' })).toMatchObject({ version: 16, size: 81 });
  });

  it('refuses text longer than the largest version holds', () => {
    expect(() => encodeQr(tokenLike(3000), { level: 'M' })).toThrow(RangeError);
  });

  it('encodes non-ASCII text as UTF-8', () => {
    expect(utf8Bytes('通行A')).toEqual([0xe9, 0x80, 0x9a, 0xe8, 0xa1, 0x8c, 0x41]);
  });
});
