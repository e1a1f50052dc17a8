// Finding the page's <canvas type="2d"> node, the only way to draw on it in the new canvas API.
import type { QrCanvas } from './qr/draw';

export interface CanvasNode {
  node: QrCanvas;
  /** CSS pixels, as laid out. */
  width: number;
}

export function queryCanvas(component: WechatMiniprogram.Component.TrivialInstance, selector: string) {
  return new Promise<CanvasNode | null>((resolve) => {
    wx.createSelectorQuery()
      .in(component)
      .select(selector)
      .fields({ node: true, size: true })
      .exec((results: ({ node?: QrCanvas; width?: number } | null)[]) => {
        const found = results[0];
        resolve(found?.node && found.width ? { node: found.node, width: found.width } : null);
      });
  });
}

/** Device pixels per CSS pixel; getWindowInfo is 2.20.1+, older base libraries have only the sync info. */
export function pixelRatio(): number {
  const info = typeof wx.getWindowInfo === 'function' ? wx.getWindowInfo() : wx.getSystemInfoSync();
  return info.pixelRatio || 2;
}
