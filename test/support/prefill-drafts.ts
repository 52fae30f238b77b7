import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderDraft } from '../../src/main/drafting/render-draft.ts';
import { fillNumberAndDate } from '../../src/main/signing/fill-number.ts';
import { type DraftInput, parseDraft } from '../../src/shared/api/schemas/draft.ts';
import { agencyProfileInput } from '../../src/shared/api/schemas/profile.ts';
import { formatDocumentNumber } from '../../src/shared/domain/notation.ts';
import { type CorpusCase, notationOf } from './prefill-corpus.ts';

// A corpus case as the document another commune sends after issuing it with this app: the draft
// rendered, then the number and date written into its slots as the issuance's Cấp số does
// (issuance/number-step.ts): FreeText annotations over the page.

function draftOf(c: CorpusCase): DraftInput {
  const isQ = c.signer.competence === 'Q';
  return {
    documentType: c.documentType,
    unitAbbreviation: c.unit,
    subject: c.subject,
    issuerTitle: c.documentType === 'quyet-dinh' ? `${c.signer.position} ${c.agency.name}` : null,
    legalBases: c.documentType === 'quyet-dinh' ? ['Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025', 'Theo đề nghị của công chức Văn phòng - Thống kê'] : [],
    recipients: ['cong-van', 'to-trinh', 'giay-moi'].includes(c.documentType) ? [...c.recipients] : [],
    body: c.paragraphs.map((text) => ({ type: 'paragraph' as const, text })),
    signer: { competence: c.signer.competence, authority: c.signer.authority, position: isQ ? null : c.signer.position, fullName: c.signer.fullName },
    toPlaces: ['Như trên', 'Lưu trữ'],
    priority: c.priority,
  };
}

export async function renderNumberedDraft(c: CorpusCase): Promise<Uint8Array> {
  const agency = agencyProfileInput.parse({ name: c.agency.name, parentName: c.agency.parentName, organId: '000.00.12.H17', abbreviation: c.agency.abbreviation, placeName: c.agency.placeName });
  const rendered = await renderDraft(parseDraft(draftOf(c)), agency, { year: Number(c.date.slice(0, 4)) });
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-prefill-'));
  try {
    const input = join(dir, 'draft.pdf');
    const output = join(dir, 'numbered.pdf');
    writeFileSync(input, rendered.pdf);
    const { number, date } = rendered.placeholders;
    await fillNumberAndDate({
      input,
      output,
      numberNotation: `${formatDocumentNumber(c.number)}/${notationOf(c)}`,
      date: c.date,
      place: c.agency.placeName,
      numberAt: { page: number.page, x: number.rect[0], y: number.baseline },
      dateAt: { page: date.page, x: date.rect[0], y: date.baseline },
      size: number.size,
    });
    return new Uint8Array(readFileSync(output));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
