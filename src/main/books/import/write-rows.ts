import { duplicateKey } from '../../../shared/domain/duplicates.ts';
import type { RegistryContext } from '../../registry/context.ts';
import { insertDocument } from '../../registry/document-writer.ts';
import { registerIdFor } from '../../registry/series-repo.ts';
import type { PlacedRow } from './check-rows.ts';
import type { ImportKind } from './parse-row.ts';

export interface ImportSource {
  readonly fileName: string;
  readonly sha256: string;
  readonly bytes: number;
}

interface RegisterSummary {
  series: string;
  year: number;
  rows: number;
  firstNumber: number;
  lastNumber: number;
}

// Inserts every row through the same writer as registration (so each is indexed for search) and
// records ONE audit entry for the import, naming the file by its SHA-256. Must run inside the
// caller's write transaction: all rows or none.
export function writeRows(ctx: RegistryContext, kind: ImportKind, rows: readonly PlacedRow[], source: ImportSource): void {
  const registers = new Map<string, { id: number; summary: RegisterSummary }>();
  for (const r of rows) {
    const key = `${r.seriesId}|${r.year}`;
    let register = registers.get(key);
    if (!register) {
      const summary = { series: r.seriesName, year: r.year, rows: 0, firstNumber: r.number, lastNumber: r.number };
      register = { id: registerIdFor(ctx, r.seriesId, r.year), summary };
      registers.set(key, register);
    }
    const s = register.summary;
    s.rows++;
    s.firstNumber = Math.min(s.firstNumber, r.number);
    s.lastNumber = Math.max(s.lastNumber, r.number);
    insertDocument(ctx, {
      registerId: register.id,
      direction: kind,
      year: r.year,
      number: r.number,
      registerDate: r.registerDate,
      arrivalAt: null,
      codeNumber: r.codeNumber,
      codeNotation: r.codeNotation,
      documentDate: r.documentDate,
      documentType: r.type.key,
      documentTypeName: r.type.name,
      subject: r.subject,
      issuingAgency: r.issuingAgency,
      signerName: r.signerName,
      signerPosition: r.signerPosition,
      signerCompetence: null,
      recipientsText: r.recipientsText,
      recipientUnit: r.recipientUnit,
      copies: r.copies,
      pageCount: r.pageCount,
      transferDate: r.transferDate,
      receivedBy: r.receivedBy,
      notes: r.notes,
      priority: r.priority,
      dueDate: r.dueDate,
      documentIdentifier: r.documentIdentifier,
      duplicateKey: kind === 'incoming' ? duplicateKey(r.issuingAgency, r.codeNumber, r.codeNotation) : null,
      status: r.voidReason ? 'void' : 'active',
      voidReason: r.voidReason,
      processingStatus: r.processingStatus,
    });
  }
  const summaries = [...registers.values()].map((r) => r.summary);
  ctx.audit.append({
    action: 'books.import',
    entityType: 'register',
    details: {
      kind,
      fileName: source.fileName,
      sha256: source.sha256,
      bytes: source.bytes,
      imported: rows.length,
      voided: rows.filter((r) => r.voidReason).length,
      years: [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b),
      registers: summaries,
    },
  });
}
