// A4 landscape in points, with a wider left margin for binding the printed book.
export const PAGE = { width: 841.89, height: 595.28 } as const;
export const MARGIN = { left: 45, right: 28, top: 30, bottom: 40 } as const;
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

// A page and the margins drawn inside it, in points.
export interface PageGeometry {
  readonly page: { readonly width: number; readonly height: number };
  readonly margin: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
}

export const BOOK_GEOMETRY: PageGeometry = { page: PAGE, margin: MARGIN };

const MM = 72 / 25.4;
const A4 = { short: 595.28, long: 841.89 } as const;
// Decree 30 Appendix I Part I II.1–3: A4, portrait (landscape when a table needs the width), left
// 30 mm, right 15 mm, top and bottom 20 mm (the low end of each range: the most room for text).
const LEGAL_MARGIN = { left: 30 * MM, right: 15 * MM, top: 20 * MM, bottom: 20 * MM } as const;
export const LEGAL_PORTRAIT: PageGeometry = { page: { width: A4.short, height: A4.long }, margin: LEGAL_MARGIN };
export const LEGAL_LANDSCAPE: PageGeometry = { page: { width: A4.long, height: A4.short }, margin: LEGAL_MARGIN };

export function contentWidth(g: PageGeometry): number {
  return g.page.width - g.margin.left - g.margin.right;
}
