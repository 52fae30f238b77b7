// The 16×16 overlay Windows shows over the taskbar button (BrowserWindow.setOverlayIcon): a red
// disc with the count in white, as raw BGRA for nativeImage.createFromBitmap, so no image file or
// canvas is needed. Windows has no numeric badge of its own (app.setBadgeCount is macOS and Linux).
// Counts above 9 read "9+", as two glyphs are all 16 pixels hold legibly.

export const BADGE_SIZE = 16;

// A 3×5 pixel font, each glyph drawn at twice its size.
const GLYPHS: Readonly<Record<string, readonly string[]>> = {
  '0': ['###', '#.#', '#.#', '#.#', '###'],
  '1': ['.#.', '##.', '.#.', '.#.', '###'],
  '2': ['###', '..#', '###', '#..', '###'],
  '3': ['###', '..#', '.##', '..#', '###'],
  '4': ['#.#', '#.#', '###', '..#', '..#'],
  '5': ['###', '#..', '###', '..#', '###'],
  '6': ['###', '#..', '###', '#.#', '###'],
  '7': ['###', '..#', '.#.', '.#.', '.#.'],
  '8': ['###', '#.#', '###', '#.#', '###'],
  '9': ['###', '#.#', '###', '..#', '###'],
  '+': ['...', '.#.', '###', '.#.', '...'],
};
const SCALE = 2;
const RED = [0x1e, 0x26, 0xb3, 0xff] as const; // BGRA of the app's --danger, #b3261e
const WHITE = [0xff, 0xff, 0xff, 0xff] as const;

export function badgeText(count: number): string {
  return count > 9 ? '9+' : String(count);
}

export function badgeBitmap(count: number): Buffer {
  const pixels = Buffer.alloc(BADGE_SIZE * BADGE_SIZE * 4);
  const put = (x: number, y: number, c: readonly number[]) => pixels.set(c, (y * BADGE_SIZE + x) * 4);
  const centre = (BADGE_SIZE - 1) / 2;
  for (let y = 0; y < BADGE_SIZE; y++) {
    for (let x = 0; x < BADGE_SIZE; x++) if ((x - centre) ** 2 + (y - centre) ** 2 <= (BADGE_SIZE / 2) ** 2) put(x, y, RED);
  }
  const text = badgeText(count);
  const width = text.length * 3 * SCALE + (text.length - 1);
  let left = Math.floor((BADGE_SIZE - width) / 2);
  const top = Math.floor((BADGE_SIZE - 5 * SCALE) / 2);
  for (const ch of text) {
    (GLYPHS[ch] ?? []).forEach((row, gy) => {
      [...row].forEach((cell, gx) => {
        if (cell !== '#') return;
        for (let dy = 0; dy < SCALE; dy++) for (let dx = 0; dx < SCALE; dx++) put(left + gx * SCALE + dx, top + gy * SCALE + dy, WHITE);
      });
    });
    left += 3 * SCALE + 1;
  }
  return pixels;
}
