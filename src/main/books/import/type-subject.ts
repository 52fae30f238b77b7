import { allTypes, OTHER_TYPE_KEY, resolveType, typeAbbreviation } from '../../../shared/domain/document-types.ts';
import { foldVietnamese } from '../../../shared/domain/fold.ts';

export interface ResolvedType {
  readonly key: string;
  readonly name: string;
  readonly known: boolean;
}

// Abbreviations are compared exactly: folding would make "HĐ" (Hợp đồng) and "HD" (Hướng dẫn) the
// same word.
function byAbbreviation(text: string): ResolvedType | null {
  const wanted = text.normalize('NFC').trim();
  const t = allTypes().find((x) => x.key !== OTHER_TYPE_KEY && typeAbbreviation(x.key) === wanted);
  return t ? { key: t.key, name: t.name, known: true } : null;
}

export function matchType(text: string): ResolvedType {
  return byAbbreviation(text) ?? resolveType(text);
}

interface Prefix {
  readonly type: ResolvedType;
  readonly folded: string | null;
  readonly exact: string | null;
}

// Every way a clerk starts the cell with the type: its name (any case, with or without
// diacritics) or its abbreviation (exactly), longest first so "Nghị quyết liên tịch" wins over
// "Nghị quyết".
const PREFIXES: readonly Prefix[] = allTypes()
  .filter((t) => t.key !== OTHER_TYPE_KEY)
  .flatMap((t) => {
    const type = { key: t.key, name: t.name, known: true };
    const abbreviation = typeAbbreviation(t.key);
    return [
      { type, folded: foldVietnamese(t.name), exact: null },
      ...(abbreviation ? [{ type, folded: null, exact: abbreviation }] : []),
    ];
  })
  .sort((a, b) => (b.folded ?? b.exact ?? '').length - (a.folded ?? a.exact ?? '').length);

const BOUNDARY = /^($|[\s:,.;–-])/;

// Folding keeps the length of NFC Vietnamese text (one letter, one base letter), so a length
// found in the folded text cuts the original at the same place.
function prefixLength(p: Prefix, text: string, folded: string): number {
  if (p.folded !== null) return folded.startsWith(p.folded) ? p.folded.length : -1;
  return p.exact !== null && text.startsWith(p.exact) ? p.exact.length : -1;
}

function leadingType(text: string): { type: ResolvedType; rest: string } | null {
  const folded = foldVietnamese(text);
  for (const p of PREFIXES) {
    const length = prefixLength(p, text, folded);
    if (length > 0 && BOUNDARY.test(text.slice(length))) return { type: p.type, rest: text.slice(length) };
  }
  return null;
}

// A type name outside our list is a few words ("Thông tri", "Điện mật"), never a subject.
function plausibleTypeName(line: string): boolean {
  return line.split(/\s+/).length <= 6 && !/^(v\s*\/\s*v|ve)\b/.test(foldVietnamese(line));
}

const cleanSubject = (s: string): string => s.replace(/^[\s:,.;–-]+/, '').replace(/\s+/g, ' ').trim();

export interface TypeAndSubject {
  readonly type: ResolvedType | null;
  readonly subject: string;
}

// "Tên loại và trích yếu" holds the type name followed by the subject. Our export puts the type
// on a line of its own (so even a name outside our list comes back); clerks' registers write
// "Quyết định về việc …", "QĐ V/v …" or just the subject. Without a recognisable type the caller
// decides (notation, "V/v" for công văn, or "Khác").
export function splitTypeAndSubject(cell: string): TypeAndSubject {
  const text = cell.normalize('NFC').trim();
  const newline = text.indexOf('\n');
  if (newline > 0) {
    const first = text.slice(0, newline).trim();
    const rest = cleanSubject(text.slice(newline + 1));
    const type = matchType(first);
    if (type.known && rest) return { type, subject: rest };
    if (!leadingType(text) && rest && plausibleTypeName(first)) return { type, subject: rest };
  }
  const leading = leadingType(text);
  if (leading) {
    const subject = cleanSubject(leading.rest);
    if (subject) return { type: leading.type, subject };
  }
  return { type: null, subject: cleanSubject(text) };
}

// The first group of an outgoing notation is the type's abbreviation ("QĐ-UBND" → Quyết định).
export function typeFromNotation(notation: string): ResolvedType | null {
  return byAbbreviation(notation.split('-')[0] ?? '');
}

// Only công văn carry "V/v" before their subject (nd30-rules §8).
export function looksLikeCongVan(subject: string): boolean {
  return /^v\s*\/\s*v\b/i.test(subject);
}
