import { describe, expect, it } from 'vitest';
import { romanNumeral } from './roman-numerals.ts';

describe('Roman numerals of the top headings (Appendix V I.1)', () => {
  it('writes the numerals a plan uses', () => {
    const cases: [number, string][] = [
      [1, 'I'],
      [2, 'II'],
      [3, 'III'],
      [4, 'IV'],
      [5, 'V'],
      [9, 'IX'],
      [14, 'XIV'],
      [40, 'XL'],
      [90, 'XC'],
      [400, 'CD'],
      [1994, 'MCMXCIV'],
      [3999, 'MMMCMXCIX'],
    ];
    for (const [n, roman] of cases) expect(romanNumeral(n)).toBe(roman);
  });

  it('refuses 0, fractions and numbers past 3999', () => {
    for (const bad of [0, -1, 2.5, 4000]) expect(() => romanNumeral(bad)).toThrow(RangeError);
  });
});
