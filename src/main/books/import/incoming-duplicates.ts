import type { ImportRowError } from '../../../shared/api/schemas/books.ts';
import { duplicateKey } from '../../../shared/domain/duplicates.ts';
import type { RegistryContext } from '../../registry/context.ts';
import type { ImportRow } from './parse-row.ts';
import { rowIssue } from './row-reader.ts';

// Suspected incoming duplicates, found as registration finds them (incoming.ts findDuplicates):
// the same number + notation + issuing agency, or the same document identifier (Mã văn bản) when
// the file has one, in an earlier row of the file or among the registered documents. Only a
// warning: the same document can arrive twice on purpose (a copy for another unit).
export function incomingDuplicateChecker(ctx: RegistryContext): (row: ImportRow) => ImportRowError | null {
  const keysInFile = new Map<string, number>();
  const identifiersInFile = new Map<string, number>();
  const byKey = ctx.db.prepare("SELECT number, year FROM documents WHERE direction = 'incoming' AND duplicate_key = ? ORDER BY id LIMIT 1");
  const byIdentifier = ctx.db.prepare(
    "SELECT number, year FROM documents WHERE direction = 'incoming' AND document_identifier = ? ORDER BY id LIMIT 1",
  );
  return (row) => {
    const key = duplicateKey(row.issuingAgency, row.codeNumber, row.codeNotation);
    const id = row.documentIdentifier;
    const sameKey = keysInFile.get(key);
    const sameId = id === null ? undefined : identifiersInFile.get(id);
    keysInFile.set(key, sameKey ?? row.row);
    if (id !== null) identifiersInFile.set(id, sameId ?? row.row);
    const warn = (message: string) => rowIssue(row.row, 'numberAndNotation', message);
    if (sameKey !== undefined) return warn(`có thể trùng văn bản ở dòng ${sameKey} (cùng số, ký hiệu và tác giả)`);
    if (sameId !== undefined) return warn(`có thể trùng văn bản ở dòng ${sameId} (cùng mã văn bản ${id})`);
    const registered = (byKey.get(key) ?? (id === null ? undefined : byIdentifier.get(id))) as { number: number; year: number } | undefined;
    return registered ? warn(`có thể trùng văn bản đã vào sổ: số đến ${registered.number}/${registered.year}`) : null;
  };
}
