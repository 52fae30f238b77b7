// Where the later signing steps put things on a rendered draft (docs/drafting.md, signing.md).
// Rectangles are [x1, y1, x2, y2] in PDF points from the page's bottom left; pages from 0.
export interface Slot {
  readonly page: number;
  readonly rect: readonly [number, number, number, number];
}

// A slot for one line of text: the fill writes at rect[0] on `baseline`, `size` points.
export interface TextSlot extends Slot {
  readonly baseline: number;
  readonly size: number;
}

export interface DraftPlaceholders {
  // "<số>/<ký hiệu>" after "Số:", e.g. "12/QĐ-UBND".
  readonly number: TextSlot;
  // The whole place-and-date line, placeDateLine(place, date), italic.
  readonly date: TextSlot;
  // The leader's signature image, between the position line and the name.
  readonly signature: Slot;
  // The agency's seal at real size, over the left third of the signature slot.
  readonly seal: Slot;
}

export interface RenderedDraft {
  readonly pdf: Uint8Array;
  readonly pages: number;
  readonly placeholders: DraftPlaceholders;
}
