// Decree 30 prints the agency names and the signer's position in capitals; the register keeps
// them as written in a sentence ("Ủy ban nhân dân xã Hòa Tiến", "Phó Chủ tịch"). These rules
// follow Appendix II of the Decree on capitals in the names of agencies and positions: the word
// naming the kind of agency and the first word of its field take a capital, an administrative
// unit's word (xã, huyện, tỉnh…) does not, and the place name after it does on every syllable.
// A proper name after no unit word ("TRƯỜNG TIỂU HỌC HÒA TIẾN") cannot be told from a field:
// it comes out in lower case and the clerk corrects it (docs/prefill.md).

const lower = (s: string): string => s.toLocaleLowerCase('vi');
const capital = (w: string): string => (w ? w.charAt(0).toLocaleUpperCase('vi') + w.slice(1) : w);

// Longest first, so "thành phố" wins over a lone word and "thị xã" over "xã".
const UNIT_WORDS = ['thành phố', 'thị trấn', 'thị xã', 'phường', 'huyện', 'quận', 'tỉnh', 'xã', 'đặc khu'];

// A school's level is followed by its name: "Trường Tiểu học Hòa Tiến".
const SCHOOL_LEVELS = ['trung học phổ thông', 'trung học cơ sở', 'tiểu học', 'mầm non'];

// Phrases of fixed spelling that start an agency's name.
const FIXED: ReadonlyArray<readonly [string, string]> = [
  ['ủy ban mặt trận tổ quốc việt nam', 'Ủy ban Mặt trận Tổ quốc Việt Nam'],
  ['ủy ban nhân dân', 'Ủy ban nhân dân'],
  ['uỷ ban nhân dân', 'Uỷ ban nhân dân'],
  ['hội đồng nhân dân', 'Hội đồng nhân dân'],
  ['ubnd', 'UBND'],
  ['hđnd', 'HĐND'],
  ['văn phòng', 'Văn phòng'],
  ['chi cục', 'Chi cục'],
  ['trung tâm', 'Trung tâm'],
  ['công an', 'Công an'],
  ['ban chỉ huy', 'Ban Chỉ huy'],
];

// The kinds of agency whose next word (the field) takes a capital: "Sở Tài chính".
const KIND_WORDS = new Set(['sở', 'phòng', 'bộ', 'ban', 'cục', 'vụ', 'viện', 'trường', 'trạm', 'hội', 'đoàn', 'tổng cục', 'văn phòng', 'chi cục', 'trung tâm', 'ban chỉ huy', 'kho bạc', 'ngân hàng', 'bảo hiểm xã hội', 'chi nhánh']);

function startsWithPhrase(words: readonly string[], at: number, phrase: string): boolean {
  const parts = phrase.split(' ');
  return parts.every((p, i) => words[at + i] === p);
}

// "ỦY BAN NHÂN DÂN XÃ HÒA TIẾN" → "Ủy ban nhân dân xã Hòa Tiến".
export function agencyNameCase(caps: string): string {
  const words = lower(caps.normalize('NFC')).split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let capitalNext = true;
  let place = false;
  for (let i = 0; i < words.length; ) {
    const word = words[i] as string;
    if (place) {
      out.push(/^[-–,]$/.test(word) ? word : capital(word));
      i += 1;
      continue;
    }
    // "xã hội" is society, not a commune: "Lao động - Thương binh và Xã hội".
    const unit = UNIT_WORDS.find((u) => startsWithPhrase(words, i, u) && !(u === 'xã' && words[i + 1] === 'hội'));
    if (unit && out.length > 0 && i + unit.split(' ').length < words.length) {
      out.push(unit);
      i += unit.split(' ').length;
      place = true;
      continue;
    }
    const level = SCHOOL_LEVELS.find((u) => startsWithPhrase(words, i, u));
    if (level && out.length > 0) {
      out.push(capital(level));
      i += level.split(' ').length;
      place = true;
      continue;
    }
    const fixed = FIXED.find(([phrase]) => startsWithPhrase(words, i, phrase));
    if (fixed) {
      out.push(fixed[1]);
      const n = fixed[0].split(' ').length;
      capitalNext = KIND_WORDS.has(fixed[0]);
      i += n;
      continue;
    }
    out.push(capitalNext ? capital(word) : word);
    // A field joined by "và" or "-" takes a capital on its first word too: "Tài nguyên và Môi trường".
    capitalNext = (out.length === 1 && KIND_WORDS.has(word)) || word === 'và' || word === '-' || word === '–';
    i += 1;
  }
  return out.join(' ');
}

// "PHÓ CHỦ TỊCH" → "Phó Chủ tịch", "CHÁNH VĂN PHÒNG" → "Chánh Văn phòng": the first word, and
// the word after "phó" or "chánh", take a capital.
export function positionCase(caps: string): string {
  const words = lower(caps.normalize('NFC')).split(/\s+/).filter(Boolean);
  return words.map((w, i) => (i === 0 || words[i - 1] === 'phó' || words[i - 1] === 'chánh' ? capital(w) : w)).join(' ');
}
