// Diacritic folding for Vietnamese search and comparison. Unicode decomposition removes tone and
// vowel marks (ă, â, ê, ô, ơ, ư and the five tones), but đ/Đ is a letter of its own with no
// decomposition, so SQLite's `remove_diacritics 2` leaves it alone: we fold it here, both in the
// indexed text and in queries, so that "dong nai" finds "Đồng Nai".
const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

// Text as we store it: NFC (what Vietnamese keyboards on Windows mostly produce, and what the
// legal-format renderer expects), trimmed, inner whitespace collapsed.
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

// A comparison key: folded, and without spaces or punctuation, for duplicate detection where
// "QĐ-UBND" and "qd - ubnd" name the same notation.
export function comparisonKey(text: string): string {
  return foldVietnamese(text).replace(/[^a-z0-9]/g, '');
}
