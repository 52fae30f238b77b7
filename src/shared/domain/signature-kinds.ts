// The signatures a clerk makes (nd30-rules §7, signing.md "The workflow"), and the text lines
// Decree 30 prescribes for the ones that carry text instead of an image.
export const SIGNATURE_KINDS = ['approval', 'agency', 'attachment', 'copy'] as const;
export type SignatureKind = (typeof SIGNATURE_KINDS)[number];

export const SIGNATURE_KIND_NAMES: Readonly<Record<SignatureKind, string>> = {
  approval: 'Ký duyệt (chữ ký của người có thẩm quyền)',
  agency: 'Ký phát hành (chữ ký số của cơ quan)',
  attachment: 'Ký tệp đính kèm (chữ ký số của cơ quan)',
  copy: 'Ký sao y (bản sao điện tử)',
};

// Which kinds show an image (blue signature, red seal) and which a line of text only.
export function kindUsesImage(kind: SignatureKind): boolean {
  return kind === 'approval' || kind === 'agency';
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

function vietnamParts(at: Date): { day: string; month: string; year: string; time: string } {
  const d = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  const two = (n: number): string => String(n).padStart(2, '0');
  return {
    day: two(d.getUTCDate()),
    month: two(d.getUTCMonth() + 1),
    year: String(d.getUTCFullYear()),
    time: `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`,
  };
}

// The agency's signature on a separate attachment file: top right of page 1, 10 pt,
// `Số: <số, ký hiệu>; <dd/MM/yyyy>; <HH:mm:ss>` in Vietnam time (Appendix I, II.8).
export function attachmentLine(numberNotation: string, at: Date): string {
  const p = vietnamParts(at);
  return `Số: ${numberNotation.trim()}; ${p.day}/${p.month}/${p.year}; ${p.time}`;
}

// An electronic copy: `SAO Y; <copying agency>; <dd/MM/yyyy>; <HH:mm:ss>`, with SAO LỤC or
// TRÍCH SAO for the other forms of copy (Appendix I, Part II, I.3.c: form, agency, time).
export function copyLine(copyingAgency: string, at: Date, label: 'SAO Y' | 'SAO LỤC' | 'TRÍCH SAO' = 'SAO Y'): string {
  const p = vietnamParts(at);
  return `${label}; ${copyingAgency.trim()}; ${p.day}/${p.month}/${p.year}; ${p.time}`;
}

// The place and date line of a document (nd30-rules §8): "Xã Hòa Tiến, ngày 05 tháng 01 năm
// 2026". Days below 10 and the months 1 and 2 get a leading zero; other months do not.
export function placeDateLine(place: string, isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`not an ISO date: ${isoDate}`);
  const day = Number(m[3]);
  const month = Number(m[2]);
  const dayText = day < 10 ? `0${day}` : String(day);
  const monthText = month <= 2 ? `0${month}` : String(month);
  const date = `ngày ${dayText} tháng ${monthText} năm ${m[1]}`;
  return place.trim() === '' ? date : `${place.trim()}, ${date}`;
}
