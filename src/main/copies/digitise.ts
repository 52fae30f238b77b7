import { writeFileSync } from 'node:fs';
import type { z } from 'zod';
import type { digitiseInput } from '../../shared/api/schemas/copies.ts';
import type { AttachmentRecord } from '../../shared/api/schemas/documents.ts';
import type { PaperKind } from '../../shared/domain/copy-rules.ts';
import { checkScan, type ScanVerdict } from '../../shared/domain/scan-standard.ts';
import { AppError } from '../../shared/errors.ts';
import { readScanFacts } from '../pdf/scan-facts.ts';
import { stageFile } from '../registry/attachments.ts';
import type { RegistryContext } from '../registry/context.ts';
import { recordDigitisation } from '../registry/digitisations.ts';
import { getDocument } from '../registry/documents.ts';
import { imagesToPdf } from './images-to-pdf.ts';

type DigitiseData = z.output<typeof digitiseInput>;

export interface Digitised {
  readonly documentId: number;
  readonly file: AttachmentRecord;
  readonly paperKind: PaperKind;
  readonly verdict: Omit<ScanVerdict, 'pages' | 'problemsVi'> & { pages: ScanVerdict['pages'][number][]; problemsVi: string[] };
}

function refused(verdict: ScanVerdict): AppError {
  return new AppError(
    'INVALID_INPUT',
    `Bản quét chưa đạt tiêu chuẩn văn bản số hóa, chưa lưu: ${verdict.problemsVi.join(' ')}`,
    `scan below the Appendix I standard: version ${verdict.pdfVersion}, min dpi ${verdict.minDpi ?? 'none'}, colour ${verdict.colour}`,
    { verdict },
  );
}

function pdfBytes(upload: { name: string; dataBase64: string }): Buffer {
  const data = Buffer.from(upload.dataBase64, 'base64');
  if (data.length === 0) throw new AppError('INVALID_INPUT', `Tệp "${upload.name}" rỗng.`, `empty scan ${upload.name}`);
  return data;
}

// Số hóa (Art. 22.3.b, 25.1.c; Appendix I, Part II, I.2): a scanned PDF, or page images made into
// one, measured against the standard before anything is stored; a scan that falls short is
// refused with every reason, and nothing is kept. One that meets it becomes a file of the
// document recorded as the digitisation of a paper original or of a paper sao y.
export async function digitise(ctx: RegistryContext, input: DigitiseData): Promise<Digitised> {
  const doc = getDocument(ctx, input.documentId);
  if (doc.status === 'void') throw new AppError('CONFLICT', 'Văn bản đã bị hủy: không số hóa thêm.', `document ${doc.id} is void`);
  let data: Uint8Array;
  let verdict: ScanVerdict;
  let name: string;
  if (input.pdf) {
    data = pdfBytes(input.pdf);
    const scratch = ctx.blobs.scratchPath('scan');
    try {
      writeFileSync(scratch, data);
      verdict = checkScan(await readScanFacts(scratch));
    } finally {
      ctx.blobs.discardScratch(scratch);
    }
    name = input.name ?? input.pdf.name;
  } else {
    const made = await imagesToPdf(input.images.map((i) => ({ name: i.name, data: Buffer.from(i.dataBase64, 'base64') })));
    data = made.pdf;
    verdict = checkScan(made.facts);
    name = input.name ?? `so-hoa-${doc.codeNumber}.pdf`;
  }
  if (!verdict.ok) throw refused(verdict);
  const fileName = name.toLowerCase().endsWith('.pdf') ? name : `${name}.pdf`;
  const staged = stageFile(ctx, fileName, data);
  const file = recordDigitisation(ctx, { documentId: doc.id, file: staged, paperKind: input.paperKind, madeFrom: input.pdf ? 'pdf' : 'images', verdict });
  return { documentId: doc.id, file, paperKind: input.paperKind, verdict: { ...verdict, pages: [...verdict.pages], problemsVi: [...verdict.problemsVi] } };
}
