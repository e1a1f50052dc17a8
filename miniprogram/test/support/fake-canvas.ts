/** A canvas 2d node that records what is drawn on it; resizing clears it, as on a real canvas. */
export class FakeCanvas {
  /** The laid-out width in CSS pixels that a selector query reports. */
  cssWidth = 260;
  rects: { x: number; y: number; width: number; height: number; fill: string }[] = [];
  draws = 0;
  private fill = '#000000';
  private size = 0;

  get width(): number {
    return this.size;
  }

  set width(value: number) {
    this.size = value;
    this.rects = [];
    this.draws++;
  }

  height = 0;

  getContext(_type: '2d') {
    const canvas = this;
    return {
      get fillStyle(): string {
        return canvas.fill;
      },
      set fillStyle(value: string) {
        canvas.fill = value;
      },
      fillRect(x: number, y: number, width: number, height: number) {
        canvas.rects.push({ x, y, width, height, fill: canvas.fill });
      },
    };
  }
}
