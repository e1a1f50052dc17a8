// A small QR Code encoder (ISO/IEC 18004, byte mode only) for drawing passes on a mini-program
// canvas. Passes must never come from a server image, and npm packages need a separate build step in
// WeChat, so the pass page carries its own encoder: a pass token is plain ASCII, byte mode suffices.
import { penalty } from './penalty';
import { generator, remainder } from './reed-solomon';
import {
  alignmentPositions,
  dataCodewords,
  ECC_BLOCKS,
  ECC_CODEWORDS_PER_BLOCK,
  type ErrorCorrectionLevel,
  FORMAT_BITS,
  rawDataModules,
} from './tables';

export type { ErrorCorrectionLevel } from './tables';

export interface QrOptions {
  level?: ErrorCorrectionLevel;
  /** 0–7; chosen by the standard's penalty rules when left out. */
  mask?: number;
}

export interface QrMatrix {
  version: number;
  size: number;
  mask: number;
  level: ErrorCorrectionLevel;
  /** modules[y][x]: true is a dark module. */
  modules: boolean[][];
}

const MAX_VERSION = 40;

export function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000)
      bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else
      bytes.push(
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 0x3f),
        0x80 | ((code >> 6) & 0x3f),
        0x80 | (code & 0x3f),
      );
  }
  return bytes;
}

const countBits = (version: number): number => (version <= 9 ? 8 : 16);

function smallestVersion(byteCount: number, level: ErrorCorrectionLevel): number {
  for (let version = 1; version <= MAX_VERSION; version++) {
    const bits = 4 + countBits(version) + byteCount * 8;
    if (bits <= dataCodewords(version, level) * 8) return version;
  }
  throw new RangeError(`${byteCount} bytes do not fit in a QR code at level ${level}`);
}

/** Mode, count, data, terminator and padding, as codewords. */
function dataBytes(bytes: readonly number[], version: number, level: ErrorCorrectionLevel): number[] {
  const bits: number[] = [];
  const put = (value: number, length: number): void => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  put(0b0100, 4);
  put(bytes.length, countBits(version));
  for (const byte of bytes) put(byte, 8);
  const capacity = dataCodewords(version, level) * 8;
  put(0, Math.min(4, capacity - bits.length));
  put(0, (8 - (bits.length % 8)) % 8);
  const codewords: number[] = [];
  for (let i = 0; i < bits.length; i += 8)
    codewords.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
  for (let pad = 0xec; codewords.length < capacity / 8; pad ^= 0xec ^ 0x11) codewords.push(pad);
  return codewords;
}

/** Splits the data into blocks, appends each block's error correction and interleaves them. */
function withErrorCorrection(
  data: readonly number[],
  version: number,
  level: ErrorCorrectionLevel,
): number[] {
  const blockCount = ECC_BLOCKS[level][version]!;
  const eccLength = ECC_CODEWORDS_PER_BLOCK[level][version]!;
  const total = Math.floor(rawDataModules(version) / 8);
  const shortBlocks = blockCount - (total % blockCount);
  const shortLength = Math.floor(total / blockCount);
  const divisor = generator(eccLength);
  const blocks: number[][] = [];
  for (let i = 0, offset = 0; i < blockCount; i++) {
    const length = shortLength - eccLength + (i < shortBlocks ? 0 : 1);
    const block = data.slice(offset, offset + length);
    offset += length;
    const ecc = remainder(block, divisor);
    // A placeholder keeps short and long blocks the same length; it is skipped when interleaving.
    if (i < shortBlocks) block.push(-1);
    blocks.push([...block, ...ecc]);
  }
  const result: number[] = [];
  for (let i = 0; i < shortLength + 1; i++) {
    for (const block of blocks) if (block[i]! >= 0) result.push(block[i]!);
  }
  return result;
}

class Grid {
  readonly modules: boolean[][];
  readonly reserved: boolean[][];

  constructor(readonly size: number) {
    this.modules = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
    this.reserved = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  }

  fixed(x: number, y: number, dark: boolean): void {
    this.modules[y]![x] = dark;
    this.reserved[y]![x] = true;
  }
}

function drawFunctionPatterns(grid: Grid, version: number): void {
  const { size } = grid;
  for (let i = 0; i < size; i++) {
    grid.fixed(6, i, i % 2 === 0);
    grid.fixed(i, 6, i % 2 === 0);
  }
  for (const [cx, cy] of [
    [3, 3],
    [size - 4, 3],
    [3, size - 4],
  ] as const) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const x = cx + dx;
        const y = cy + dy;
        const ring = Math.max(Math.abs(dx), Math.abs(dy));
        if (x >= 0 && x < size && y >= 0 && y < size) grid.fixed(x, y, ring !== 2 && ring !== 4);
      }
    }
  }
  const positions = alignmentPositions(version);
  const last = positions.length - 1;
  positions.forEach((cx, i) => {
    positions.forEach((cy, j) => {
      if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return;
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++)
          grid.fixed(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
      }
    });
  });
  drawFormatBits(grid, 'M', 0); // reserves the area; redrawn once the mask is known
  drawVersionBits(grid, version);
}

const bit = (value: number, index: number): boolean => ((value >>> index) & 1) !== 0;

function drawFormatBits(grid: Grid, level: ErrorCorrectionLevel, mask: number): void {
  const data = (FORMAT_BITS[level] << 3) | mask;
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  const bits = ((data << 10) | rem) ^ 0x5412;
  const { size } = grid;
  for (let i = 0; i <= 5; i++) grid.fixed(8, i, bit(bits, i));
  grid.fixed(8, 7, bit(bits, 6));
  grid.fixed(8, 8, bit(bits, 7));
  grid.fixed(7, 8, bit(bits, 8));
  for (let i = 9; i < 15; i++) grid.fixed(14 - i, 8, bit(bits, i));
  for (let i = 0; i < 8; i++) grid.fixed(size - 1 - i, 8, bit(bits, i));
  for (let i = 8; i < 15; i++) grid.fixed(8, size - 15 + i, bit(bits, i));
  grid.fixed(8, size - 8, true); // the dark module
}

function drawVersionBits(grid: Grid, version: number): void {
  if (version < 7) return;
  let rem = version;
  for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
  const bits = (version << 12) | rem;
  for (let i = 0; i < 18; i++) {
    const a = grid.size - 11 + (i % 3);
    const b = Math.floor(i / 3);
    grid.fixed(a, b, bit(bits, i));
    grid.fixed(b, a, bit(bits, i));
  }
}

/** Places the codewords in the two-column zigzag, bottom-right first, skipping the timing column. */
function placeCodewords(grid: Grid, codewords: readonly number[]): void {
  const { size } = grid;
  let i = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    const upward = ((right + 1) & 2) === 0;
    for (let step = 0; step < size; step++) {
      const y = upward ? size - 1 - step : step;
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        if (grid.reserved[y]![x] || i >= codewords.length * 8) continue;
        grid.modules[y]![x] = bit(codewords[i >>> 3]!, 7 - (i & 7));
        i++;
      }
    }
  }
}

const MASKS: readonly ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

/** XOR is its own inverse: applying the same mask twice undoes it. */
function applyMask(grid: Grid, mask: number): void {
  const test = MASKS[mask]!;
  for (let y = 0; y < grid.size; y++) {
    for (let x = 0; x < grid.size; x++) {
      if (!grid.reserved[y]![x] && test(x, y)) grid.modules[y]![x] = !grid.modules[y]![x];
    }
  }
}

/** Encodes text as a QR code, in the smallest version that holds it at the level asked for. */
export function encodeQr(text: string, options: QrOptions = {}): QrMatrix {
  const level = options.level ?? 'M';
  if (
    options.mask !== undefined &&
    !(Number.isInteger(options.mask) && options.mask >= 0 && options.mask <= 7)
  )
    throw new RangeError('mask must be 0–7');
  const bytes = utf8Bytes(text);
  const version = smallestVersion(bytes.length, level);
  const grid = new Grid(version * 4 + 17);
  drawFunctionPatterns(grid, version);
  placeCodewords(grid, withErrorCorrection(dataBytes(bytes, version, level), version, level));

  let mask = options.mask;
  if (mask === undefined) {
    let best = Number.POSITIVE_INFINITY;
    for (let candidate = 0; candidate < 8; candidate++) {
      applyMask(grid, candidate);
      drawFormatBits(grid, level, candidate);
      const score = penalty(grid.modules);
      if (score < best) {
        best = score;
        mask = candidate;
      }
      applyMask(grid, candidate);
    }
  }
  applyMask(grid, mask!);
  drawFormatBits(grid, level, mask!);
  return { version, size: grid.size, mask: mask!, level, modules: grid.modules };
}
