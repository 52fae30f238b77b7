// A4 landscape in points, with a wider left margin for binding the printed book.
export const PAGE = { width: 841.89, height: 595.28 } as const;
export const MARGIN = { left: 45, right: 28, top: 30, bottom: 40 } as const;
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

