// The signature rectangle between the page preview (CSS pixels from the top-left of the canvas)
// and the PDF (points from the bottom-left of the page, [x1, y1, x2, y2]), which is what
// `signing.placement` answers and `signing.sign` takes.

export type PdfRect = readonly [number, number, number, number];

export interface PageSize {
  readonly width: number;
  readonly height: number;
}

export interface BoxPx {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export function rectToBox(rect: PdfRect, page: PageSize, scale: number): BoxPx {
  const [x1, y1, x2, y2] = rect;
  return {
    left: Math.min(x1, x2) * scale,
    top: (page.height - Math.max(y1, y2)) * scale,
    width: Math.abs(x2 - x1) * scale,
    height: Math.abs(y2 - y1) * scale,
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

// Moves the rectangle by (dx, dy) points, kept whole inside the page: the appearance never hangs
// off the paper, whatever the drag or the arrow keys asked for.
export function moveRect(rect: PdfRect, dx: number, dy: number, page: PageSize): PdfRect {
  const x = Math.min(rect[0], rect[2]);
  const y = Math.min(rect[1], rect[3]);
  const w = Math.abs(rect[2] - rect[0]);
  const h = Math.abs(rect[3] - rect[1]);
  const nx = round(Math.min(Math.max(x + dx, 0), Math.max(page.width - w, 0)));
  const ny = round(Math.min(Math.max(y + dy, 0), Math.max(page.height - h, 0)));
  return [nx, ny, round(nx + w), round(ny + h)];
}

// A drag on screen, in CSS pixels (y down), as a move in points (y up).
export function dragToPoints(dxPx: number, dyPx: number, scale: number): { dx: number; dy: number } {
  return { dx: dxPx / scale, dy: -dyPx / scale };
}

// The arrow keys move by 1 point, by 10 with Shift; other keys are not a move.
export function keyToPoints(key: string, shift: boolean): { dx: number; dy: number } | null {
  const step = shift ? 10 : 1;
  switch (key) {
    case 'ArrowLeft':
      return { dx: -step, dy: 0 };
    case 'ArrowRight':
      return { dx: step, dy: 0 };
    case 'ArrowUp':
      return { dx: 0, dy: step };
    case 'ArrowDown':
      return { dx: 0, dy: -step };
    default:
      return null;
  }
}

// "cách mép trái 370 pt, mép dưới 215 pt": where the rectangle is, for a screen reader and for
// the clerk who moves it with the keys.
export function describeRect(rect: PdfRect): string {
  const mm = (pt: number) => Math.round((pt * 25.4) / 72);
  return `cách mép trái ${mm(Math.min(rect[0], rect[2]))} mm, mép dưới ${mm(Math.min(rect[1], rect[3]))} mm`;
}
