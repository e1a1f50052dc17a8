// Draws a QR matrix as filled rectangles on a canvas 2d node. Only fillStyle and fillRect are used,
// which every canvas (WeChat's type="2d", a test double) has.
import type { QrMatrix } from './encode';

export interface QrContext {
  fillStyle: string | unknown;
  fillRect(x: number, y: number, width: number, height: number): void;
}

export interface QrCanvas {
  width: number;
  height: number;
  getContext(type: '2d'): QrContext | null;
}

/** Light modules around the code; the standard asks for 4, phones' scanners manage with 2. */
export const QUIET_ZONE = 2;

/**
 * Sizes the canvas to `cssSize` × `pixelRatio` device pixels and draws whole-pixel modules, centred,
 * so no module is blurred across two pixels. Dark runs along a row are one rectangle each.
 */
export function drawQr(canvas: QrCanvas, matrix: QrMatrix, cssSize: number, pixelRatio: number): void {
  const pixels = Math.max(1, Math.round(cssSize * pixelRatio));
  canvas.width = pixels;
  canvas.height = pixels;
  const context = canvas.getContext('2d');
  if (!context) return;
  const span = matrix.size + QUIET_ZONE * 2;
  const module = Math.max(1, Math.floor(pixels / span));
  const offset = Math.floor((pixels - module * span) / 2) + QUIET_ZONE * module;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, pixels, pixels);
  context.fillStyle = '#000000';
  matrix.modules.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      context.fillRect(offset + start * module, offset + y * module, (x - start) * module, module);
    }
  });
}
