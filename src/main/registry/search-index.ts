import { foldVietnamese } from '../../shared/domain/fold.ts';
import type { Db } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import { bodyTextOf } from './scan-texts.ts';

export interface SearchableDocument {
  readonly direction: 'incoming' | 'outgoing';
  readonly year: number;
  readonly subject: string;
  readonly codeNumber: string;
  readonly codeNotation: string;
  readonly documentTypeName: string;
  readonly issuingAgency: string;
  readonly signerName: string | null;
  readonly notes: string | null;
  readonly recipientUnit: string | null;
}

// Scope tokens: each indexed row also carries its direction and register year as words made of
// private-use characters (U+E000–U+F8FF). unicode61 indexes them like letters, but no query can
// contain them, because toMatchExpression keeps only letters and digits. A search then keeps to
// the register on screen inside the index, instead of reading the row of every match to check
// its direction — for a common word over a million rows that was most of the time, and it is
// what lets a capped total be counted from the index alone. Direction and year never change
// after registration (trigger documents_number_fixed), so the tokens stay true. Two characters
// each: shorter than the shortest prefix index, so they add no prefix entries.
const DIRECTION_TOKENS = { incoming: '\uE000i', outgoing: '\uE000o' } as const;
const YEAR_MARK = '\uE001';
const FIRST_YEAR_CHAR = 0xe100;
const FIRST_YEAR = 1900;

function yearToken(year: number): string {
  return YEAR_MARK + String.fromCharCode(FIRST_YEAR_CHAR + year - FIRST_YEAR);
}

// Text from documents may itself contain private-use characters (hostile or just odd input):
// they are dropped from what is indexed, so no document can carry a forged scope token.
const PRIVATE_USE = /[\uE000-\uF8FF]/g;

function indexText(text: string): string {
  return foldVietnamese(text.replace(PRIVATE_USE, ' '));
}

// The index holds folded text (see fold.ts); "07/QĐ-UBND" is also findable as "7". The last
// column holds what else the clerk may search by: the notes, the recipient unit and the text
// recognised from the document's scans (docs/ocr.md "Searchable"): one index, so a search that
// finds a word of a scan's body costs what any other search costs.
export function searchColumns(d: SearchableDocument, body = ''): [string, string, string, string, string] {
  const stripped = d.codeNumber.replace(/^0+(?=\d)/, '');
  const numberForms = stripped !== d.codeNumber ? `${d.codeNumber} ${stripped}` : d.codeNumber;
  return [
    indexText(d.subject),
    `${indexText(`${numberForms}/${d.codeNotation} ${d.documentTypeName}`)} ${DIRECTION_TOKENS[d.direction]} ${yearToken(d.year)}`,
    indexText(d.issuingAgency),
    indexText(d.signerName ?? ''),
    indexText([d.notes, d.recipientUnit, body].filter(Boolean).join(' ')),
  ];
}

export function indexDocument(db: Db, id: number, d: SearchableDocument): void {
  statement(db, 'DELETE FROM documents_fts WHERE rowid = ?').run(id);
  statement(db, 'INSERT INTO documents_fts (rowid, subject, notation, agency, signer, notes) VALUES (?, ?, ?, ?, ?, ?)').run(
    id,
    ...searchColumns(d, bodyTextOf(db, id)),
  );
}

// The row indexed again from the register, after a file with recognised text was linked to it.
export function reindexDocument(db: Db, id: number): void {
  const d = statement(
    db,
    `SELECT direction, year, subject, code_number AS codeNumber, code_notation AS codeNotation, document_type_name AS documentTypeName,
       issuing_agency AS issuingAgency, signer_name AS signerName, notes, recipient_unit AS recipientUnit FROM documents WHERE id = ?`,
  ).get(id) as SearchableDocument | undefined;
  if (d) indexDocument(db, id, d);
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

// The query's expression restricted to one register direction and, if given, one year. (No
// column filter is needed: indexText() keeps private-use characters out of every column, and
// one measured at 1M rows made searches ~15% slower.)
export function scopedMatchExpression(expression: string, direction: 'incoming' | 'outgoing', year?: number): string {
  const scope = [DIRECTION_TOKENS[direction], ...(year === undefined ? [] : [yearToken(year)])];
  return `${scope.map((t) => `"${t}"`).join(' ')} ${expression}`;
}

// Merges the index's segments into one (FTS5 'optimize'). Worth it after a bulk write: later
// registrations no longer pay for incremental merges of many small segments.
export function optimizeSearchIndex(db: Db): void {
  db.prepare("INSERT INTO documents_fts (documents_fts) VALUES ('optimize')").run();
}
