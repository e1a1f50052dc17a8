// Draws the app icons as PNGs with nothing but node:zlib, so the build needs no image tooling and no
// download. Run once after changing the design: `node scripts/make-icons.mjs`; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const TOP = [0x1e, 0x88, 0xe5];
const BOTTOM = [0x0d, 0x47, 0xa1];
const CARD = [0xff, 0xff, 0xff];
const BOLT = [0xff, 0xb3, 0x00];
const BOLT_POLYGON = [
  [0.5, 0.31],
  [0.61, 0.31],
  [0.545, 0.465],
  [0.63, 0.465],
  [0.43, 0.7],
  [0.49, 0.535],
  [0.39, 0.535],
];

function inRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function inPolygon(x, y, points) {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Colour of one sample in unit coordinates, or null where the icon is transparent. */
function sample(x, y, { maskable }) {
  if (!maskable && !inRoundedRect(x, y, 0, 0, 1, 1, 0.22)) return null;
  // Maskable icons may be cropped to a circle of radius 0.4: shrink the artwork into that safe zone.
  const k = maskable ? 0.8 : 1;
  const u = (x - 0.5) / k + 0.5;
  const v = (y - 0.5) / k + 0.5;
  if (inPolygon(u, v, BOLT_POLYGON)) return BOLT;
  if (inRoundedRect(u, v, 0.17, 0.26, 0.83, 0.74, 0.07)) return CARD;
  return TOP.map((c, i) => Math.round(c + (BOTTOM[i] - c) * y));
}

function render(size, options) {
  const SS = 4;
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = sample((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size, options);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = 1 + px * 4;
      if (a > 0) row.set([r / a, g / a, b / a, (255 * a) / (SS * SS)].map(Math.round), o);
    }
    rows.push(row);
  }
  return encodePng(size, size, Buffer.concat(rows));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(width, height, raw) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = new URL('../public/icons/', import.meta.url);
const icons = [
  ['icon-192.png', 192, { maskable: false }],
  ['icon-512.png', 512, { maskable: false }],
  ['maskable-512.png', 512, { maskable: true }],
  ['apple-touch-icon.png', 180, { maskable: true }],
  ['favicon-32.png', 32, { maskable: false }],
];
for (const [name, size, options] of icons) {
  writeFileSync(new URL(name, out), render(size, options));
  console.log(`wrote public/icons/${name}`);
}
