import type { AttachmentRecord, DocumentRecord } from '../../shared/api/schemas/documents.ts';
import { AppError } from '../../shared/errors.ts';
import { listPages } from '../pdf/page-tree.ts';
import { withReader } from '../pdf/pdf-reader.ts';
import type { RegistryContext } from '../registry/context.ts';
import { listAttachments } from '../registry/documents.ts';

// The pages of a document, for the file's PageTotal (Appendix VI Part II III.10), its PageAmount
// (Part II I.10, II.10) and the "Tờ số / Trang số" of the mục lục (Appendix V IV). Counted by the
// project's own PDF reader from the document's PDFs as they stand: a signed or numbered PDF
// replaces the one it was made from (the same pages), so only the last of each chain counts. A
// document with no PDF counts the register's page count if it has one, else 0.

// Stored files never change (their name is their SHA-256), so a count is true for good.
const pagesBySha = new Map<string, number>();
const MAX_CACHED = 50_000;

// The PDFs of a document as they stand, in the order they were added: each file no later file
// of the document was made from.
export function currentPdfs(ctx: RegistryContext, documentId: number): AttachmentRecord[] {
  const files = listAttachments(ctx, documentId);
  const superseded = new Set(files.map((f) => f.revisionOf).filter((s): s is string => s !== null));
  const seen = new Set<string>();
  return files.filter((f) => {
    if (!f.name.toLowerCase().endsWith('.pdf') || superseded.has(f.sha256) || seen.has(f.sha256)) return false;
    seen.add(f.sha256);
    return true;
  });
}

export async function pdfPages(ctx: RegistryContext, doc: Pick<DocumentRecord, 'id' | 'direction' | 'number' | 'year'>, file: AttachmentRecord): Promise<number> {
  const known = pagesBySha.get(file.sha256);
  if (known !== undefined) return known;
  const path = ctx.blobs.pathOfIntact(file);
  let pages: number;
  try {
    pages = await withReader(path, (reader) => listPages(reader).length);
  } catch (e) {
    throw new AppError(
      'PDF_UNSUPPORTED',
      `Không đếm được số trang của tệp "${file.name}" (văn bản ${doc.direction === 'incoming' ? 'đến' : 'đi'} số ${doc.number}/${doc.year}): tệp PDF hỏng hoặc bị khóa.`,
      `cannot count pages of ${file.sha256}: ${(e as Error).message}`,
    );
  }
  if (pagesBySha.size >= MAX_CACHED) pagesBySha.clear();
  pagesBySha.set(file.sha256, pages);
  return pages;
}

export async function documentPages(ctx: RegistryContext, doc: Pick<DocumentRecord, 'id' | 'direction' | 'number' | 'year' | 'pageCount'>): Promise<number> {
  const pdfs = currentPdfs(ctx, doc.id);
  if (pdfs.length === 0) return doc.pageCount ?? 0;
  let total = 0;
  for (const file of pdfs) total += await pdfPages(ctx, doc, file);
  return total;
}
