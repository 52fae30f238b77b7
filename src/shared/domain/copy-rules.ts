// Copies (bản sao) as Decree 30/2020 Art. 25 allows them, and the agency key's limit of Art. 33.2
// (docs/copies.md). Pure: the handlers enforce these rules, the UI only shows their answers.

export const COPY_KINDS = ['sao-y', 'sao-luc', 'trich-sao'] as const;
export type CopyKind = (typeof COPY_KINDS)[number];

export const COPY_FORMS = ['electronic', 'paper'] as const;
export type CopyForm = (typeof COPY_FORMS)[number];

// What a digitised paper document was: a bản gốc / bản chính, or a paper bản sao y (the only
// source of a sao lục, Art. 25.2.b).
export const PAPER_KINDS = ['original', 'certified-copy'] as const;
export type PaperKind = (typeof PAPER_KINDS)[number];

// "Hình thức sao" as printed (Appendix I, Part II, I.1 and II.1.a).
export type CopyLabel = 'SAO Y' | 'SAO LỤC' | 'TRÍCH SAO';
export const COPY_LABELS: Readonly<Record<CopyKind, CopyLabel>> = { 'sao-y': 'SAO Y', 'sao-luc': 'SAO LỤC', 'trich-sao': 'TRÍCH SAO' };

// The copy's document type in the copies series (Appendix III: SY, SL, TrS share one series).
export const COPY_DOCUMENT_TYPES: Readonly<Record<CopyKind, string>> = { 'sao-y': 'ban-sao-y', 'sao-luc': 'ban-sao-luc', 'trich-sao': 'ban-trich-sao' };

export const FORM_NAMES: Readonly<Record<CopyForm, string>> = { electronic: 'bản sao điện tử', paper: 'bản sao giấy' };

export const PAPER_KIND_NAMES: Readonly<Record<PaperKind, string>> = { original: 'bản gốc hoặc bản chính giấy', 'certified-copy': 'bản sao y giấy' };

// What the rules need to know about the document and the one file the copy is made from.
export interface CopySource {
  readonly secret: boolean;
  readonly void: boolean;
  readonly isPdf: boolean;
  // The file is the digitisation of a paper document, and of which kind; null for a file that
  // was electronic from the start (received from the hub, attached, signed here).
  readonly digitised: PaperKind | null;
  // The file is an electronic bản sao y this agency made (a 'copy' revision of a sao y).
  readonly electronicCertifiedCopy: boolean;
}

export type CopyAnswer = { readonly allowed: true; readonly basis: string } | { readonly allowed: false; readonly reasonVi: string };

const yes = (basis: string): CopyAnswer => ({ allowed: true, basis });
const no = (reasonVi: string): CopyAnswer => ({ allowed: false, reasonVi });

// Whether a copy of this kind and form may be made from this file, and on which article; when
// not, the reason in Vietnamese, naming the article.
export function copyAnswer(source: CopySource, kind: CopyKind, form: CopyForm): CopyAnswer {
  if (source.secret) {
    return no('Văn bản mật chỉ được sao theo pháp luật về bảo vệ bí mật nhà nước (Điều 27.2 Nghị định 30/2020), không sao trên máy này.');
  }
  if (source.void) return no('Văn bản đã bị hủy: không sao được.');
  if (!source.isPdf) return no('Chỉ sao được từ tệp PDF.');
  if (kind === 'trich-sao') {
    // Art. 25.3.a lists all four directions, electronic to electronic included; the excerpt is
    // made again in full format (25.3.b), so it is a new file the agency signs as its own copy
    // (Art. 32.2.c–d: the agency signs the copies it makes itself).
    return yes(form === 'electronic' ? 'Điều 25.3 (trích sao sang văn bản điện tử)' : 'Điều 25.3 (trích sao sang văn bản giấy)');
  }
  if (kind === 'sao-y') {
    if (source.digitised === 'certified-copy' || source.electronicCertifiedCopy) {
      return no('Tệp này là bản sao y: bản sao làm từ bản sao y là bản sao lục (Điều 25.2.b), không phải sao y.');
    }
    if (form === 'paper') {
      return yes(source.digitised ? 'Điều 25.1.a (sao y từ văn bản giấy sang văn bản giấy)' : 'Điều 25.1.b (sao y từ văn bản điện tử sang văn bản giấy)');
    }
    if (source.digitised === 'original') return yes('Điều 25.1.c (sao y từ văn bản giấy sang văn bản điện tử) và Điều 33.2');
    return no(
      'Điều 25.1 không có sao y từ văn bản điện tử sang văn bản điện tử, và Điều 33.2 chỉ cho dùng khóa của cơ quan để ký văn bản do cơ quan ban hành và bản sao từ văn bản giấy sang văn bản điện tử. Tệp điện tử này đã là bản có giá trị; muốn có bản sao y điện tử, hãy số hóa bản giấy (bản gốc hoặc bản chính) trước.',
    );
  }
  // Sao lục is made by printing or photographing a bản sao y (Art. 25.2.b).
  if (form === 'paper') {
    if (source.digitised === 'certified-copy') return yes('Điều 25.2 (sao lục từ bản sao y giấy sang văn bản giấy)');
    if (source.electronicCertifiedCopy) return yes('Điều 25.2 (sao lục từ bản sao y điện tử sang văn bản giấy)');
    return no('Sao lục được thực hiện từ bản sao y (Điều 25.2.b): tệp này không phải bản sao y.');
  }
  if (source.digitised === 'certified-copy') return yes('Điều 25.2 (sao lục từ văn bản giấy sang văn bản điện tử) và Điều 33.2');
  if (source.electronicCertifiedCopy) {
    return no('Điều 25.2 không có sao lục từ văn bản điện tử sang văn bản điện tử: từ bản sao y điện tử chỉ in ra bản sao lục giấy.');
  }
  return no('Sao lục điện tử được làm từ bản số hóa của một bản sao y giấy (Điều 25.2): hãy số hóa bản sao y giấy trước.');
}

// A trích sao is the excerpt made again (Art. 25.3.b): the clerk supplies that PDF; the other
// copies reproduce the source file itself.
export function needsExcerptFile(kind: CopyKind): boolean {
  return kind === 'trich-sao';
}
