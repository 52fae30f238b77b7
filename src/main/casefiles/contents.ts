import type { CaseFileDetail, FiledDocument } from '../../shared/api/schemas/casefiles.ts';
import { numberNotation } from '../../shared/domain/notation.ts';
import type { RegistryContext } from '../registry/context.ts';
import { caseFileRow, toCaseFileRecord } from './case-file-rows.ts';
import { filedRows } from './filing.ts';
import { documentPages } from './page-count.ts';

// A file's documents in DocOrdinal order, each with its pages and where they fall in the file
// ("Tờ số / Trang số" of the mục lục văn bản, Appendix V IV): the first document's pages are
// 1…n, the next one's follow. A document of no pages has no page range.
export async function fileDocuments(ctx: RegistryContext, caseFileId: number): Promise<FiledDocument[]> {
  const out: FiledDocument[] = [];
  let page = 0;
  for (const [i, row] of filedRows(ctx, caseFileId).entries()) {
    const pages = await documentPages(ctx, { id: row.document_id, direction: row.direction, number: row.number, year: row.year, pageCount: row.page_count });
    out.push({
      docOrdinal: i + 1,
      documentId: row.document_id,
      direction: row.direction,
      year: row.year,
      number: row.number,
      numberNotation: numberNotation({ codeNumber: row.code_number, codeNotation: row.code_notation }),
      documentDate: row.document_date,
      documentTypeName: row.document_type_name,
      subject: row.subject,
      issuingAgency: row.issuing_agency,
      status: row.status,
      pages,
      pageFrom: pages > 0 ? page + 1 : null,
      pageTo: pages > 0 ? page + pages : null,
      addedAt: row.added_at,
    });
    page += pages;
  }
  return out;
}

// What closing a file records (Art. 29.4; Appendix VI Part II III.7–III.10): the dates of its
// first and last documents, how many documents and pages it holds.
export interface FileFigures {
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly docTotal: number;
  readonly pageTotal: number;
}

export function figuresOf(documents: readonly FiledDocument[]): FileFigures {
  const dates = documents.map((d) => d.documentDate).sort();
  return {
    startDate: dates[0] ?? null,
    endDate: dates.at(-1) ?? null,
    docTotal: documents.length,
    pageTotal: documents.reduce((n, d) => n + d.pages, 0),
  };
}

export async function caseFileDetail(ctx: RegistryContext, id: number): Promise<CaseFileDetail> {
  const row = caseFileRow(ctx, id);
  return { ...toCaseFileRecord(row), headingTitle: row.heading_title, documents: await fileDocuments(ctx, id) };
}
