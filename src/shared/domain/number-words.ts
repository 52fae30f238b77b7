// A whole number written in Vietnamese words, as a form's "Viết bằng chữ" asks (Decree 30
// Appendix V III: "Mục lục này gồm: 125 hồ sơ … Viết bằng chữ: một trăm hai mươi lăm hồ sơ").
// The written standard of official documents: "linh" for a missing tens digit (một trăm linh
// năm), "nghìn" for thousands, "tỷ" for 10^9; "mốt" for 1 and "lăm" for 5 after a tens digit
// (hai mươi mốt, mười lăm); 4 stays "bốn" (hai mươi bốn), the form a reader never misreads. A
// group after the first is read in full (một nghìn không trăm linh năm); a group of zeros is
// left out (một triệu không trăm linh năm).
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const SCALES = ['', 'nghìn', 'triệu'] as const;
const BILLION = 1_000_000_000;

const digit = (d: number): string => DIGITS[d] as string;

function unitWord(units: number, tens: number): string {
  if (units === 1 && tens >= 2) return 'mốt';
  if (units === 5 && tens >= 1) return 'lăm';
  return digit(units);
}

// Three digits; `full` when a group stands before this one, so its hundreds are always said.
function triple(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor(n / 10) % 10;
  const units = n % 10;
  const words: string[] = [];
  if (hundreds > 0 || full) words.push(digit(hundreds), 'trăm');
  if (tens === 1) words.push('mười');
  else if (tens >= 2) words.push(digit(tens), 'mươi');
  else if (units > 0 && words.length > 0) words.push('linh');
  if (units > 0) words.push(unitWord(units, tens));
  return words;
}

function belowBillion(n: number, full: boolean): string[] {
  const groups = [Math.floor(n / 1_000_000), Math.floor(n / 1000) % 1000, n % 1000];
  const words: string[] = [];
  groups.forEach((g, i) => {
    if (g === 0) return;
    words.push(...triple(g, full || words.length > 0));
    const scale = SCALES[2 - i] as string;
    if (scale) words.push(scale);
  });
  return words;
}

function spell(n: number): string[] {
  if (n < BILLION) return belowBillion(n, false);
  const rest = n % BILLION;
  return [...spell(Math.floor(n / BILLION)), 'tỷ', ...(rest > 0 ? belowBillion(rest, true) : [])];
}

export function numberInWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a whole number ≥ 0: ${n}`);
  return n === 0 ? 'không' : spell(n).join(' ');
}

// The same with a capital first letter, for the start of a line ("Một trăm hai mươi lăm").
export function numberInWordsCapitalised(n: number): string {
  const words = numberInWords(n);
  return words.charAt(0).toLocaleUpperCase('vi') + words.slice(1);
}
