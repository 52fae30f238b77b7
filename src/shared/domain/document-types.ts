import { comparisonKey } from './fold.ts';

// The 29 administrative document types of Decree 30/2020 Art. 7, in the order of the decree.
// The order matters: edXML's DocumentType/Type carries the 1-based position (Công văn = 18),
// see edxml.md. Abbreviations are the exact spellings of Appendix III; công văn and thư công
// have none, and "CV" must never be invented for them.
export interface AdministrativeType {
  readonly key: string;
  readonly name: string;
  readonly abbreviation: string | null;
  readonly edxmlCode: number;
}

const TYPES: ReadonlyArray<readonly [key: string, name: string, abbreviation: string | null]> = [
  ['nghi-quyet', 'Nghị quyết', 'NQ'],
  ['quyet-dinh', 'Quyết định', 'QĐ'],
  ['chi-thi', 'Chỉ thị', 'CT'],
  ['quy-che', 'Quy chế', 'QC'],
  ['quy-dinh', 'Quy định', 'QyĐ'],
  ['thong-cao', 'Thông cáo', 'TC'],
  ['thong-bao', 'Thông báo', 'TB'],
  ['huong-dan', 'Hướng dẫn', 'HD'],
  ['chuong-trinh', 'Chương trình', 'CTr'],
  ['ke-hoach', 'Kế hoạch', 'KH'],
  ['phuong-an', 'Phương án', 'PA'],
  ['de-an', 'Đề án', 'ĐA'],
  ['du-an', 'Dự án', 'DA'],
  ['bao-cao', 'Báo cáo', 'BC'],
  ['bien-ban', 'Biên bản', 'BB'],
  ['to-trinh', 'Tờ trình', 'TTr'],
  ['hop-dong', 'Hợp đồng', 'HĐ'],
  ['cong-van', 'Công văn', null],
  ['cong-dien', 'Công điện', 'CĐ'],
  ['ban-ghi-nho', 'Bản ghi nhớ', 'BGN'],
  ['ban-thoa-thuan', 'Bản thỏa thuận', 'BTT'],
  ['giay-uy-quyen', 'Giấy ủy quyền', 'GUQ'],
  ['giay-moi', 'Giấy mời', 'GM'],
  ['giay-gioi-thieu', 'Giấy giới thiệu', 'GGT'],
  ['giay-nghi-phep', 'Giấy nghỉ phép', 'GNP'],
  ['phieu-gui', 'Phiếu gửi', 'PG'],
  ['phieu-chuyen', 'Phiếu chuyển', 'PC'],
  ['phieu-bao', 'Phiếu báo', 'PB'],
  ['thu-cong', 'Thư công', null],
];

export const ADMINISTRATIVE_TYPES: readonly AdministrativeType[] = TYPES.map(
  ([key, name, abbreviation], index) => ({ key, name, abbreviation, edxmlCode: index + 1 }),
);

// Copies share one number series of their own (Decree 30 Art. 25–27, Appendix III).
export const COPY_TYPES: readonly AdministrativeType[] = [
  { key: 'ban-sao-y', name: 'Bản sao y', abbreviation: 'SY', edxmlCode: 0 },
  { key: 'ban-trich-sao', name: 'Bản trích sao', abbreviation: 'TrS', edxmlCode: 0 },
  { key: 'ban-sao-luc', name: 'Bản sao lục', abbreviation: 'SL', edxmlCode: 0 },
];

// Incoming documents also include legal normative documents from higher levels (Luật, Nghị
// định, Thông tư…), which an agency receives but never issues in its outgoing register. They have
// no notation rule of ours, only a name; 'khac' keeps any other name the sender used.
export const RECEIVED_ONLY_TYPES: ReadonlyArray<{ readonly key: string; readonly name: string }> = [
  { key: 'hien-phap', name: 'Hiến pháp' },
  { key: 'bo-luat', name: 'Bộ luật' },
  { key: 'luat', name: 'Luật' },
  { key: 'phap-lenh', name: 'Pháp lệnh' },
  { key: 'lenh', name: 'Lệnh' },
  { key: 'nghi-dinh', name: 'Nghị định' },
  { key: 'thong-tu', name: 'Thông tư' },
  { key: 'thong-tu-lien-tich', name: 'Thông tư liên tịch' },
  { key: 'nghi-quyet-lien-tich', name: 'Nghị quyết liên tịch' },
  { key: 'khac', name: 'Khác' },
];

export const OTHER_TYPE_KEY = 'khac';

const byKey = new Map<string, { key: string; name: string; abbreviation?: string | null }>(
  [...ADMINISTRATIVE_TYPES, ...COPY_TYPES, ...RECEIVED_ONLY_TYPES].map((t) => [t.key, t]),
);

export function isIssuableType(key: string): boolean {
  return ADMINISTRATIVE_TYPES.some((t) => t.key === key) || COPY_TYPES.some((t) => t.key === key);
}

export function typeName(key: string): string {
  return byKey.get(key)?.name ?? key;
}

export function typeAbbreviation(key: string): string | null {
  return byKey.get(key)?.abbreviation ?? null;
}

export function isCopyType(key: string): boolean {
  return COPY_TYPES.some((t) => t.key === key);
}

export function allTypes(): ReadonlyArray<{ key: string; name: string }> {
  return [...byKey.values()].map(({ key, name }) => ({ key, name }));
}

// What a clerk or another system writes for a type: a key ("quyet-dinh"), a name in any case
// with or without diacritics ("Quyết định", "QUYET DINH") or an abbreviation ("QĐ"). Abbreviations
// are compared with their diacritics first, because HD (Hướng dẫn) and HĐ (Hợp đồng), DA (Dự án)
// and ĐA (Đề án) differ only by đ; a folded abbreviation counts only when it names one type.
// Unknown names are kept as they are under the key 'khac': incoming documents may be of any type.
export function resolveType(text: string): { key: string; name: string; known: boolean } {
  const types = [...byKey.values()].filter((t) => t.key !== OTHER_TYPE_KEY);
  const found = (t: { key: string; name: string }) => ({ key: t.key, name: t.name, known: true });
  const trimmed = text.normalize('NFC').trim();
  const upper = trimmed.replace(/\s+/g, '').toLocaleUpperCase('vi');
  const byExact =
    types.find((t) => t.key === trimmed) ?? types.find((t) => t.abbreviation && t.abbreviation.toLocaleUpperCase('vi') === upper);
  if (byExact) return found(byExact);
  const wanted = comparisonKey(trimmed);
  const byName = types.find((t) => comparisonKey(t.name) === wanted || comparisonKey(t.key) === wanted);
  if (byName) return found(byName);
  const byFolded = types.filter((t) => t.abbreviation && comparisonKey(t.abbreviation) === wanted);
  if (byFolded.length === 1 && byFolded[0]) return found(byFolded[0]);
  return { key: OTHER_TYPE_KEY, name: trimmed, known: false };
}
