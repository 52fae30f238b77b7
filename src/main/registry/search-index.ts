import { foldVietnamese } from '../../shared/domain/fold.ts';
import type { Db } from '../db/connection.ts';

export interface SearchableDocument {
  readonly subject: string;
  readonly codeNumber: string;
  readonly codeNotation: string;
  readonly documentTypeName: string;
  readonly issuingAgency: string;
  readonly signerName: string | null;
  readonly notes: string | null;
  readonly recipientUnit: string | null;
}

// The index holds folded text (see fold.ts); "07/QĐ-UBND" is also findable as "7".
export function searchColumns(d: SearchableDocument): [string, string, string, string, string] {
  const stripped = d.codeNumber.replace(/^0+(?=\d)/, '');
  const numberForms = stripped !== d.codeNumber ? `${d.codeNumber} ${stripped}` : d.codeNumber;
  return [
    foldVietnamese(d.subject),
    foldVietnamese(`${numberForms}/${d.codeNotation} ${d.documentTypeName}`),
    foldVietnamese(d.issuingAgency),
    foldVietnamese(d.signerName ?? ''),
    foldVietnamese([d.notes, d.recipientUnit].filter(Boolean).join(' ')),
  ];
}

export function indexDocument(db: Db, id: number, d: SearchableDocument): void {
  db.prepare('DELETE FROM documents_fts WHERE rowid = ?').run(id);
  db.prepare('INSERT INTO documents_fts (rowid, subject, notation, agency, signer, notes) VALUES (?, ?, ?, ?, ?, ?)').run(
    id,
    ...searchColumns(d),
  );
}

// A clerk's query becomes an FTS5 expression of quoted tokens (so no FTS syntax can be injected),
// all required. The last token also matches as a prefix once it has three characters, so
// "quyet dinh thanh" finds "thành lập" while typing.
export function toMatchExpression(query: string): string | null {
  const tokens = foldVietnamese(query).match(/[\p{L}\p{N}]+/gu) ?? [];
  if (tokens.length === 0) return null;
  const endsInWord = /[\p{L}\p{N}]$/u.test(query.trim()) && !/\s$/.test(query);
  return tokens
    .map((t, i) => {
      const quoted = `"${t}"`;
      return i === tokens.length - 1 && endsInWord && t.length >= 3 ? `${quoted}*` : quoted;
    })
    .join(' ');
}
