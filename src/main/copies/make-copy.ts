import { rmSync, writeFileSync } from 'node:fs';
import type { z } from 'zod';
import type { CopyRecord, makeElectronicCopyInput, makePaperCopyInput } from '../../shared/api/schemas/copies.ts';
import { COPY_DOCUMENT_TYPES, COPY_LABELS, type CopyKind, needsExcerptFile } from '../../shared/domain/copy-rules.ts';
import { toPlacesLines } from '../../shared/domain/draft-text.ts';
import { numberNotation } from '../../shared/domain/notation.ts';
import { AppError } from '../../shared/errors.ts';
import type { ProgramResources } from '../program/resources.ts';
import { getAgencyProfile } from '../registry/agency-repo.ts';
import { today } from '../registry/clock.ts';
import type { RegistryContext } from '../registry/context.ts';
import { previewOutgoingNumber } from '../registry/outgoing.ts';
import { type TokenAccess, withTokenSigner } from '../signing/token-signer.ts';
import { commitCopy, CopyNumberTaken } from './commit-copy.ts';
import { paperCopyPdf } from './copy-block.ts';
import { requireCopyAllowed } from './copy-source.ts';

type ElectronicInput = z.output<typeof makeElectronicCopyInput>;
type PaperInput = z.output<typeof makePaperCopyInput>;

const ATTEMPTS = 3;
const SUFFIX: Readonly<Record<CopyKind, string>> = { 'sao-y': 'sao-y', 'sao-luc': 'sao-luc', 'trich-sao': 'trich-sao' };

function copyName(sourceName: string, kind: CopyKind, paper: boolean): string {
  const stem = sourceName.replace(/\.pdf$/i, '');
  return `${stem}-${SUFFIX[kind]}${paper ? '-giay' : ''}.pdf`;
}

// A trích sao is the excerpt made again in full format (Art. 25.3.b), given by the clerk as a
// PDF; the other copies reproduce the source file and take no other file.
function excerptPath(ctx: RegistryContext, kind: CopyKind, excerpt: { name: string; dataBase64: string } | null): string | null {
  if (!needsExcerptFile(kind)) {
    if (excerpt) throw new AppError('INVALID_INPUT', 'Chỉ bản trích sao mới kèm tệp trích; sao y và sao lục sao nguyên tệp.', `${kind} with an excerpt file`);
    return null;
  }
  if (!excerpt) {
    throw new AppError(
      'INVALID_INPUT',
      'Bản trích sao được tạo lập lại đầy đủ thể thức và phần nội dung cần trích (Điều 25.3.b): hãy chọn tệp PDF của phần trích.',
      'trich sao without its excerpt PDF',
    );
  }
  const data = Buffer.from(excerpt.dataBase64, 'base64');
  if (!data.subarray(0, 1024).toString('latin1').includes('%PDF-')) {
    throw new AppError('INVALID_INPUT', `Tệp trích "${excerpt.name}" không phải PDF.`, `excerpt ${excerpt.name} is not a PDF`);
  }
  const path = ctx.blobs.scratchPath('excerpt');
  writeFileSync(path, data);
  return path;
}

function agencyOf(ctx: RegistryContext) {
  const agency = getAgencyProfile(ctx);
  if (!agency) throw new AppError('PROFILE_NOT_INITIALIZED', 'Chưa khai báo thông tin cơ quan.', 'agency profile missing');
  return agency;
}

// Bản sao điện tử (Appendix I, Part II, I; Mẫu 3.2): the source (or the excerpt) signed with the
// agency's key, the line "SAO Y; <agency>; dd/MM/yyyy; HH:mm:ss" at the top right of page 1, no
// image; then numbered in the copies series. The number is not in the line: Appendix I I.3.c
// lists the form, the agency and the time only; it is in the copies register.
export async function makeElectronicCopy(ctx: RegistryContext, access: TokenAccess, resources: ProgramResources, input: ElectronicInput): Promise<CopyRecord> {
  const { doc, file, basis } = requireCopyAllowed(ctx, input.documentId, input.sourceSha256, input.kind, 'electronic');
  const agency = agencyOf(ctx);
  const excerpt = excerptPath(ctx, input.kind, input.excerpt);
  const output = ctx.blobs.scratchPath('copy');
  try {
    const sourcePath = excerpt ?? ctx.blobs.pathOfIntact(file);
    await withTokenSigner(ctx, access, resources, ['copy'], (signer) => signer.sign({ input: sourcePath, output, kind: 'copy', copyLabel: COPY_LABELS[input.kind] }));
    const blob = ctx.blobs.adoptFile(output);
    return commitCopy(ctx, {
      source: doc,
      file,
      kind: input.kind,
      form: 'electronic',
      basis,
      output: blob,
      outputName: copyName(file.name, input.kind, false),
      subject: input.subject,
      signerName: agency.name,
      signerPosition: null,
      signerCompetence: null,
      recipientsText: null,
      expected: null,
    });
  } finally {
    rmSync(output, { force: true });
    if (excerpt) rmSync(excerpt, { force: true });
  }
}

// Bản sao giấy (Appendix I, Part II, II; Mẫu 3.1): the pages copied and the copy block's page,
// to print, sign by hand and seal. The block carries the number, so it is printed with the number
// the register would give now and the commit must give the same; if another registration took it
// in between, the block is printed again with the next one.
export async function makePaperCopy(ctx: RegistryContext, resources: ProgramResources, input: PaperInput): Promise<CopyRecord> {
  const { doc, file, basis } = requireCopyAllowed(ctx, input.documentId, input.sourceSha256, input.kind, 'paper');
  const agency = agencyOf(ctx);
  const excerpt = excerptPath(ctx, input.kind, input.excerpt);
  try {
    const sourcePath = excerpt ?? ctx.blobs.pathOfIntact(file);
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      const date = today(ctx.clock);
      const next = previewOutgoingNumber(ctx, { documentType: COPY_DOCUMENT_TYPES[input.kind], documentDate: date, unitAbbreviation: null });
      const pdf = await paperCopyPdf(
        sourcePath,
        {
          label: COPY_LABELS[input.kind],
          agencyName: agency.name,
          numberNotation: numberNotation(next),
          place: agency.placeName,
          date,
          signerCompetence: input.signerCompetence,
          signerPosition: input.signerPosition,
          signerName: input.signerName,
          recipients: input.recipients,
        },
        resources.fonts,
      );
      const blob = ctx.blobs.put(pdf);
      try {
        return commitCopy(ctx, {
          source: doc,
          file,
          kind: input.kind,
          form: 'paper',
          basis,
          output: blob,
          outputName: copyName(file.name, input.kind, true),
          subject: input.subject,
          signerName: input.signerName,
          signerPosition: input.signerPosition,
          signerCompetence: input.signerCompetence,
          recipientsText: toPlacesLines(input.recipients, null).join('\n'),
          expected: { codeNumber: next.codeNumber, codeNotation: next.codeNotation, date },
        });
      } catch (e) {
        if (!(e instanceof CopyNumberTaken)) throw e;
      }
    }
  } finally {
    if (excerpt) rmSync(excerpt, { force: true });
  }
  throw new AppError('CONFLICT', 'Số bản sao liên tục bị văn bản khác lấy trước: hãy làm lại.', `paper copy of document ${input.documentId} lost the number race ${ATTEMPTS} times`);
}
