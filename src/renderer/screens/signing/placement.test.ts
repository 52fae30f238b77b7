import { describe, expect, it } from 'vitest';
import { describeRect, dragToPoints, keyToPoints, moveRect, rectToBox } from './placement.ts';

const A4 = { width: 595.28, height: 841.89 };

describe('the signature rectangle between preview and PDF', () => {
  it('puts a rectangle measured from the bottom-left at its place from the top-left of the canvas', () => {
    expect(rectToBox([370, 215, 520, 285], A4, 0.5)).toEqual({ left: 185, top: (841.89 - 285) * 0.5, width: 75, height: 35 });
    // Corners given the other way round describe the same box.
    expect(rectToBox([520, 285, 370, 215], A4, 0.5)).toEqual(rectToBox([370, 215, 520, 285], A4, 0.5));
  });

  it('turns a drag down and right on screen into points right and down on the page', () => {
    const { dx, dy } = dragToPoints(20, 10, 0.5);
    expect(moveRect([370, 215, 520, 285], dx, dy, A4)).toEqual([410, 195, 560, 265]);
  });

  it('keeps the rectangle whole inside the page', () => {
    expect(moveRect([370, 215, 520, 285], 1000, 1000, A4)).toEqual([445.28, 771.89, 595.28, 841.89]);
    expect(moveRect([370, 215, 520, 285], -1000, -1000, A4)).toEqual([0, 0, 150, 70]);
  });

  it('moves by a point per arrow key, ten with Shift, and ignores other keys', () => {
    expect(keyToPoints('ArrowUp', false)).toEqual({ dx: 0, dy: 1 });
    expect(keyToPoints('ArrowDown', true)).toEqual({ dx: 0, dy: -10 });
    expect(keyToPoints('ArrowLeft', true)).toEqual({ dx: -10, dy: 0 });
    expect(keyToPoints('Enter', false)).toBeNull();
  });

  it('says where the rectangle is in millimetres from the left and bottom edges', () => {
    expect(describeRect([370, 215, 520, 285])).toBe('cách mép trái 131 mm, mép dưới 76 mm');
  });
});
