import type { Priority } from './priority.ts';

// The words Decree 30 (Appendix I) puts around what the clerk types: punctuation of the căn cứ,
// "V/v", the signature block's lines, the "Nơi nhận" list, the stamps. Pure, so the form's
// preview and the PDF renderer say the same thing.

// NFC; Word's soft line break (VT), form feed and tabs read as spaces; other control characters
// (no glyph, invisible) and the byte-order mark are dropped.
export function draftTextClean(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\t\u000B\u000C]/g, ' ')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFEFF]/g, '');
}

const upper = (s: string): string => s.toLocaleUpperCase('vi');

// Công văn: "V/v <trích yếu>", whether or not the clerk typed the "V/v" already.
export function congVanSubject(subject: string): string {
  const rest = subject.replace(/^\s*(V\/v|v\/v|V\/V|về việc|Về việc)\s*:?\s*/u, '');
  return `V/v ${rest}`;
}

const trimEndPunctuation = (s: string): string => s.replace(/[\s;,.]+$/u, '');

// Each căn cứ on its own line ending with ";", the last with "." (Appendix I, II.6.a).
export function legalBasisLines(bases: readonly string[]): string[] {
  return bases.map((b, i) => `${trimEndPunctuation(b)}${i === bases.length - 1 ? '.' : ';'}`);
}

// "Kính gửi:" lists: one recipient on the same line, several as "- X;" lines, the last with ".".
export function recipientLines(recipients: readonly string[]): string[] {
  if (recipients.length === 1) return [trimEndPunctuation(recipients[0] ?? '')];
  return recipients.map((r, i) => `- ${trimEndPunctuation(r.replace(/^-\s*/u, ''))}${i === recipients.length - 1 ? '.' : ';'}`);
}

export interface SignerLinesInput {
  readonly competence: 'TM' | 'KT' | 'TL' | 'TUQ' | 'Q' | null;
  readonly authority: string | null;
  readonly onBehalfOf: string | null;
  readonly position: string | null;
}

// The caps lines above the signature: [TM. collective], [competence. authority], [position].
export function signerLines(s: SignerLinesInput): string[] {
  const lines: string[] = [];
  if (s.onBehalfOf) lines.push(`TM. ${upper(s.onBehalfOf)}`);
  if (s.competence && s.authority) lines.push(`${s.competence}. ${upper(s.authority)}`);
  if (s.position) lines.push(upper(s.position));
  return lines;
}

// "- X;" per recipient, ending "- Lưu: VT, <unit>." (Appendix I, II.9.d).
export function toPlacesLines(toPlaces: readonly string[], unitAbbreviation: string | null): string[] {
  const lines = toPlaces.map((p) => `- ${trimEndPunctuation(p.replace(/^-\s*/u, ''))};`);
  lines.push(unitAbbreviation ? `- Lưu: VT, ${unitAbbreviation}.` : '- Lưu: VT.');
  return lines;
}

// Box 12: the drafter's code in caps and the number of copies issued, "NVA.10".
export function drafterLine(code: string | null, copies: number | null): string | null {
  if (!code && copies === null) return null;
  return [code ?? '', copies === null ? '' : String(copies)].filter(Boolean).join('.');
}

export const SECRECY_STAMPS: Readonly<Record<'mat' | 'toi-mat' | 'tuyet-mat', string>> = {
  mat: 'MẬT',
  'toi-mat': 'TỐI MẬT',
  'tuyet-mat': 'TUYỆT MẬT',
};

// The urgency stamps of Appendix I, III.2.b: the word and the box's width in mm (8 mm high).
export function urgencyStamp(p: Priority): { text: string; widthMm: number } | null {
  if (p === 'khan') return { text: 'KHẨN', widthMm: 20 };
  if (p === 'thuong-khan') return { text: 'THƯỢNG KHẨN', widthMm: 40 };
  if (p === 'hoa-toc' || p === 'hoa-toc-hen-gio') return { text: 'HỎA TỐC', widthMm: 30 };
  return null;
}
