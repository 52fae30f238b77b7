import { describe, expect, it } from 'vitest';
import { breakParagraph, justifyGap, splitWord } from './draft-line-break.ts';
import { pointLabel } from './draft-numbering.ts';
import { congVanSubject, legalBasisLines, toPlacesLines } from './draft-text.ts';

// One unit per grapheme, space 1: widths are easy to reason about.
const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });
const metrics = { word: (w: string) => [...graphemes.segment(w)].length, space: 1 };

describe('breakParagraph', () => {
  it('breaks at spaces, the first line narrower by the indent, the last line marked', () => {
    const lines = breakParagraph('một hai ba bốn năm sáu', metrics, 8, 12);
    expect(lines.map((l) => l.words.join(' '))).toEqual(['một hai', 'ba bốn năm', 'sáu']);
    expect(lines.map((l) => l.last)).toEqual([false, false, true]);
    expect(lines[1]?.width).toBe(10);
  });

  it('cuts a word wider than the line between graphemes, keeping NFD marks on their letter', () => {
    const nfd = 'nghiêng'.normalize('NFD');
    const pieces = splitWord(nfd.repeat(3), metrics, 5);
    expect(pieces.join('')).toBe(nfd.repeat(3));
    for (const p of pieces) expect(p.normalize('NFC')).not.toMatch(/^[\u0300-\u036f]/);
    expect(pieces.every((p) => metrics.word(p) <= 5)).toBe(true);
  });

  it('a long word after an indent starts within the first line', () => {
    const lines = breakParagraph('x'.repeat(25), metrics, 6, 10);
    expect(lines.map((l) => l.width)).toEqual([6, 10, 9]);
  });

  it('justifies every line but the last', () => {
    const [first, last] = breakParagraph('aa bb cc dd', metrics, 8);
    expect(first?.words).toEqual(['aa', 'bb', 'cc']);
    expect(first && justifyGap(first, 10)).toBe(1);
    expect(last && justifyGap(last, 10)).toBe(0);
  });
});

describe('draft text', () => {
  it('punctuates căn cứ, "V/v" and the Nơi nhận list as Appendix I shows', () => {
    expect(legalBasisLines(['Căn cứ A;', 'Căn cứ B'])).toEqual(['Căn cứ A;', 'Căn cứ B.']);
    expect(congVanSubject('V/v nâng lương')).toBe('V/v nâng lương');
    expect(congVanSubject('nâng lương')).toBe('V/v nâng lương');
    expect(toPlacesLines(['Như trên', '- Sở Nội vụ;'], 'VP')).toEqual(['- Như trên;', '- Sở Nội vụ;', '- Lưu: VT, VP.']);
  });

  it('letters points in Vietnamese order, đ after d', () => {
    expect([0, 3, 4, 5].map(pointLabel)).toEqual(['a)', 'd)', 'đ)', 'e)']);
  });
});
