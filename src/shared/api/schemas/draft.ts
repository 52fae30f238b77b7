import { z } from 'zod';
import { ADMINISTRATIVE_TYPES, resolveType } from '../../domain/document-types.ts';
import { draftTextClean } from '../../domain/draft-text.ts';
import { AppError, type FieldIssue } from '../../errors.ts';
import { abbreviation, producedPriority } from './common.ts';

// The draft a clerk fills in (form or `vanthu draft render FILE.json`), rendered to PDF in the
// Decree 30 layout by src/main/drafting. The agency (names, place, abbreviation) is not here: it
// comes from the profile. docs/drafting.md shows one example per type.

const textError = (issue: { input?: unknown }) => (issue.input === undefined ? 'bắt buộc phải có' : 'phải là chữ');

// NFC, control characters removed (Word's soft line break and tabs read as spaces), spaces
// collapsed: what the PDF can print and what the clerk meant.
function line(max: number) {
  return z
    .string({ error: textError })
    .transform((s) => draftTextClean(s).replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, { error: 'không được để trống' }).max(max, { error: `dài quá ${max} ký tự` }));
}

function optionalLine(max: number) {
  return z
    .string({ error: 'phải là chữ' })
    .transform((s) => draftTextClean(s).replace(/\s+/g, ' ').trim())
    .pipe(z.string().max(max, { error: `dài quá ${max} ký tự` }))
    .nullable()
    .optional()
    .transform((s) => (s ? s : null));
}

const DRAFTABLE_KEYS = ADMINISTRATIVE_TYPES.map((t) => t.key);

// A key ("quyet-dinh"), a name ("Quyết định") or an abbreviation ("QĐ") of the 29 types of
// Decree 30 Art. 7; copies (sao y…) are made from an issued document, never drafted.
const documentType = z.preprocess(
  (v) => {
    if (typeof v !== 'string' || DRAFTABLE_KEYS.includes(v)) return v;
    const r = resolveType(v);
    return r.known ? r.key : v;
  },
  z.string({ error: 'bắt buộc phải có' }).refine((k) => DRAFTABLE_KEYS.includes(k), {
    error: 'không phải loại văn bản hành chính của Nghị định 30 (ví dụ: cong-van, quyet-dinh, to-trinh)',
  }),
);

export const SIGNER_COMPETENCES = ['TM', 'KT', 'TL', 'TUQ', 'Q'] as const;
export type SignerCompetence = (typeof SIGNER_COMPETENCES)[number];

export const SECRECY_LEVELS = ['mat', 'toi-mat', 'tuyet-mat'] as const;
export type SecrecyLevel = (typeof SECRECY_LEVELS)[number];

// Lines of the signature block (Appendix I, II.7): "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH";
// "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"; "TL. CHỦ TỊCH" / "CHÁNH VĂN PHÒNG";
// "Q. CHỦ TỊCH". authority is what follows the competence; onBehalfOf the collective above a KT.
const signer = z
  .strictObject({
    competence: z.enum(SIGNER_COMPETENCES, { error: 'thẩm quyền ký phải là TM, KT, TL, TUQ hoặc Q' }).nullable().default(null),
    authority: optionalLine(200),
    onBehalfOf: optionalLine(200),
    position: optionalLine(200),
    fullName: line(100),
  })
  .superRefine((s, ctx) => {
    if (s.competence && !s.authority) ctx.addIssue({ code: 'custom', path: ['authority'], message: `cần ghi sau "${s.competence}." (ví dụ ỦY BAN NHÂN DÂN hoặc CHỦ TỊCH)` });
    if (!s.competence && s.authority) ctx.addIssue({ code: 'custom', path: ['competence'], message: 'cần chọn TM, KT, TL, TUQ hoặc Q khi có dòng thẩm quyền' });
    if (s.competence !== 'Q' && !s.position) ctx.addIssue({ code: 'custom', path: ['position'], message: 'bắt buộc phải có' });
    if (s.onBehalfOf && s.competence !== 'KT') ctx.addIssue({ code: 'custom', path: ['onBehalfOf'], message: 'chỉ dùng cùng KT. (ví dụ TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH)' });
  });

const coSigner = z.strictObject({ position: line(200), fullName: line(100) });

const clause = z
  .strictObject({
    title: optionalLine(500),
    text: optionalLine(20_000),
    points: z.array(line(20_000)).max(50, { error: 'tối đa 50 điểm' }).default([]),
  })
  .refine((c) => c.title || c.text, { error: 'khoản cần tiêu đề hoặc nội dung', path: ['text'] });

const bodyBlock = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('paragraph'), text: line(20_000) }),
    z.strictObject({ type: z.literal('heading'), text: line(500), align: z.enum(['left', 'center']).default('left') }),
    z.strictObject({
      type: z.literal('article'),
      title: line(500),
      paragraphs: z.array(line(20_000)).max(50, { error: 'tối đa 50 đoạn' }).default([]),
      clauses: z.array(clause).max(100, { error: 'tối đa 100 khoản' }).default([]),
    }),
  ],
  { error: 'mỗi phần nội dung phải có type là paragraph, heading hoặc article' },
);

// Types whose form in Appendix III has no trích yếu line.
const SUBJECT_OPTIONAL = new Set(['giay-gioi-thieu', 'giay-nghi-phep', 'phieu-gui', 'phieu-chuyen', 'phieu-bao']);

export const draftInput = z
  .strictObject({
    documentType,
    // The drafting unit: the notation of a công văn (UBND-VP) and "Lưu: VT, VP."
    unitAbbreviation: abbreviation.nullable().optional().transform((s) => s ?? null),
    subject: optionalLine(500),
    // "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …" under the title of a quyết định or nghị quyết.
    issuerTitle: optionalLine(300),
    legalBases: z.array(line(2000)).max(30, { error: 'tối đa 30 căn cứ' }).default([]),
    recipients: z.array(line(300)).max(30, { error: 'tối đa 30 nơi' }).default([]),
    body: z.array(bodyBlock).min(1, { error: 'cần ít nhất một đoạn nội dung' }).max(2000, { error: 'tối đa 2000 phần' }),
    signer,
    coSigner: coSigner.nullable().optional().transform((s) => s ?? null),
    toPlaces: z.array(line(300)).max(40, { error: 'tối đa 40 nơi nhận' }).default([]),
    priority: producedPriority.default('thuong'),
    secrecy: z.enum(SECRECY_LEVELS, { error: 'độ mật phải là mat, toi-mat hoặc tuyet-mat' }).nullable().default(null),
    drafterCode: z
      .string({ error: 'phải là chữ' })
      .transform((s) => s.normalize('NFC').replace(/\s+/g, '').toLocaleUpperCase('vi'))
      .pipe(z.string().max(10, { error: 'dài quá 10 ký tự' }).regex(/^[\p{L}\p{N}]*$/u, { error: 'chỉ gồm chữ và số' }))
      .nullable()
      .optional()
      .transform((s) => (s ? s : null)),
    copies: z.int({ error: 'phải là số nguyên' }).min(1, { error: 'phải lớn hơn 0' }).max(100_000, { error: 'quá lớn' }).nullable().default(null),
  })
  .superRefine((d, ctx) => {
    if (!d.subject && !SUBJECT_OPTIONAL.has(d.documentType)) {
      ctx.addIssue({ code: 'custom', path: ['subject'], message: 'không được để trống' });
    }
    if (d.documentType === 'cong-van' && !d.unitAbbreviation) {
      ctx.addIssue({ code: 'custom', path: ['unitAbbreviation'], message: 'công văn cần chữ viết tắt đơn vị soạn thảo (ký hiệu UBND-VP)' });
    }
  });

export type DraftInput = z.input<typeof draftInput>;
export type Draft = z.output<typeof draftInput>;
export type DraftBodyBlock = Draft['body'][number];
export type DraftSigner = Draft['signer'];

const LABELS: Readonly<Record<string, string>> = {
  documentType: 'Loại văn bản',
  unitAbbreviation: 'Đơn vị soạn thảo',
  subject: 'Trích yếu',
  issuerTitle: 'Thẩm quyền ban hành',
  legalBases: 'Căn cứ',
  recipients: 'Kính gửi',
  body: 'Nội dung',
  signer: 'Người ký',
  coSigner: 'Người ký thứ hai',
  competence: 'Thẩm quyền ký',
  authority: 'Dòng thẩm quyền',
  onBehalfOf: 'Thay mặt',
  position: 'Chức vụ',
  fullName: 'Họ tên',
  toPlaces: 'Nơi nhận',
  priority: 'Độ khẩn',
  secrecy: 'Độ mật',
  drafterCode: 'Ký hiệu người soạn thảo',
  copies: 'Số lượng bản',
  paragraphs: 'Đoạn',
  clauses: 'Khoản',
  points: 'Điểm',
  title: 'Tiêu đề',
  text: 'Nội dung',
  type: 'Kiểu',
};

// "Nội dung (mục 3) › Khoản (mục 2) › Điểm (mục 1)": where the clerk finds the field.
export function draftFieldLabel(path: ReadonlyArray<PropertyKey>): string {
  const parts: string[] = [];
  for (const p of path) {
    if (typeof p === 'number') {
      if (parts.length) parts[parts.length - 1] += ` (mục ${p + 1})`;
    } else {
      parts.push(LABELS[String(p)] ?? String(p));
    }
  }
  return parts.join(' › ');
}

// Parses a draft as the form and the CLI send it: one INVALID_INPUT error naming each field.
export function parseDraft(value: unknown): Draft {
  const result = draftInput.safeParse(value);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const vi = result.error.issues
    .slice(0, 8)
    .map((i) => (i.path.length ? `${draftFieldLabel(i.path)}: ${i.message}` : i.message))
    .join('; ');
  const en = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`).join('; ');
  throw new AppError('INVALID_INPUT', `Dự thảo chưa hợp lệ — ${vi}.`, `invalid draft: ${en}`, { issues });
}
