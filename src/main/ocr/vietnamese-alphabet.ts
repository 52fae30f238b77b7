// The characters a Vietnamese administrative document is written in: the 29 letters of the
// alphabet with the five tone marks on each vowel, f j w z for foreign names, in both cases,
// digits and the punctuation of Decree 30's layouts. The engine is told to read nothing else,
// so a blurred "Đ" cannot come out as the Icelandic "Ð" or a capital "I" as "Ï" (docs/ocr.md).

const VOWELS = 'aăâeêioôơuưy';
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const CONSONANTS = 'bcdđghklmnpqrstvxfjwz';

function letters(): string {
  const lower = [...CONSONANTS, ...[...VOWELS].flatMap((v) => TONES.map((t) => (v + t).normalize('NFC')))];
  return [...lower, ...lower.map((c) => c.toLocaleUpperCase('vi'))].join('');
}

export const VIETNAMESE_CHARACTERS = `${letters()} 0123456789.,;:!?()[]/\\-–—_"'“”‘’%&+*=<>@#§…|`;
