import { describe, expect, it } from 'vitest';
import { numberInWords, numberInWordsCapitalised } from './number-words.ts';

describe('numbers in Vietnamese words ("Viết bằng chữ", Appendix V III)', () => {
  it('reads the units and the tens with mười, mươi, mốt and lăm', () => {
    const cases: [number, string][] = [
      [0, 'không'],
      [1, 'một'],
      [4, 'bốn'],
      [5, 'năm'],
      [10, 'mười'],
      [11, 'mười một'],
      [14, 'mười bốn'],
      [15, 'mười lăm'],
      [20, 'hai mươi'],
      [21, 'hai mươi mốt'],
      [24, 'hai mươi bốn'],
      [25, 'hai mươi lăm'],
      [55, 'năm mươi lăm'],
      [99, 'chín mươi chín'],
    ];
    for (const [n, words] of cases) expect(numberInWords(n), String(n)).toBe(words);
  });

  it('says "linh" for a missing tens digit and reads later groups in full', () => {
    const cases: [number, string][] = [
      [100, 'một trăm'],
      [101, 'một trăm linh một'],
      [105, 'một trăm linh năm'],
      [110, 'một trăm mười'],
      [115, 'một trăm mười lăm'],
      [121, 'một trăm hai mươi mốt'],
      [300, 'ba trăm'],
      [1000, 'một nghìn'],
      [1005, 'một nghìn không trăm linh năm'],
      [1010, 'một nghìn không trăm mười'],
      [1021, 'một nghìn không trăm hai mươi mốt'],
      [1100, 'một nghìn một trăm'],
      [2026, 'hai nghìn không trăm hai mươi sáu'],
      [20_000, 'hai mươi nghìn'],
      [215_000, 'hai trăm mười lăm nghìn'],
      [1_000_005, 'một triệu không trăm linh năm'],
      [1_234_567, 'một triệu hai trăm ba mươi bốn nghìn năm trăm sáu mươi bảy'],
    ];
    for (const [n, words] of cases) expect(numberInWords(n), String(n)).toBe(words);
  });

  it('counts in tỷ beyond 999 999 999', () => {
    expect(numberInWords(1_000_000_000)).toBe('một tỷ');
    expect(numberInWords(1_000_000_005)).toBe('một tỷ không trăm linh năm');
    expect(numberInWords(1_005_000_000)).toBe('một tỷ không trăm linh năm triệu');
    expect(numberInWords(2_000_000_000_000)).toBe('hai nghìn tỷ');
  });

  it('never writes two spaces, and capitalises only the first letter', () => {
    for (let n = 0; n < 3000; n += 7) expect(numberInWords(n)).toMatch(/^\S+( \S+)*$/);
    expect(numberInWordsCapitalised(125)).toBe('Một trăm hai mươi lăm');
    expect(numberInWordsCapitalised(0)).toBe('Không');
  });

  it('refuses what is not a whole number from 0', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) expect(() => numberInWords(bad)).toThrow(RangeError);
  });
});
