import { describe, expect, it } from 'vitest';
import { BADGE_SIZE, badgeBitmap, badgeText } from './badge-bitmap.ts';

// Reads the bitmap back as text: '#' white, 'o' red, '.' transparent.
function picture(bitmap: Buffer): string[] {
  const rows: string[] = [];
  for (let y = 0; y < BADGE_SIZE; y++) {
    let row = '';
    for (let x = 0; x < BADGE_SIZE; x++) {
      const [b, g, r, a] = bitmap.subarray((y * BADGE_SIZE + x) * 4, (y * BADGE_SIZE + x) * 4 + 4);
      row += a === 0 ? '.' : r === 0xff && g === 0xff && b === 0xff ? '#' : 'o';
    }
    rows.push(row);
  }
  return rows;
}

describe('the taskbar overlay on Windows', () => {
  it('is 16×16 BGRA, a red disc with the count in white', () => {
    const bitmap = badgeBitmap(7);
    expect(bitmap.length).toBe(16 * 16 * 4);
    expect(picture(bitmap)).toEqual([
      '.....oooooo.....',
      '...oooooooooo...',
      '..oooooooooooo..',
      '.oooo######oooo.',
      '.oooo######oooo.',
      'ooooooooo##ooooo',
      'ooooooooo##ooooo',
      'ooooooo##ooooooo',
      'ooooooo##ooooooo',
      'ooooooo##ooooooo',
      'ooooooo##ooooooo',
      '.oooooo##oooooo.',
      '.oooooo##oooooo.',
      '..oooooooooooo..',
      '...oooooooooo...',
      '.....oooooo.....',
    ]);
  });

  it('says 9+ beyond nine', () => {
    expect([badgeText(3), badgeText(9), badgeText(10), badgeText(250)]).toEqual(['3', '9', '9+', '9+']);
    expect(badgeBitmap(12).equals(badgeBitmap(99))).toBe(true);
    expect(badgeBitmap(12).equals(badgeBitmap(9))).toBe(false);
  });
});
