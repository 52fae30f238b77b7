import type { Db } from './connection.ts';

// Integrity policy (docs/data-safety.md): the full `integrity_check` runs where a wrong answer
// would spread damage — on every backup snapshot before it is kept, on a backup before it is
// restored, and on demand (`vanthu db check`). The cheaper `quick_check` runs in the background
// after the app opens a profile, so a corrupt file is reported on the day it happens without
// delaying the first page. Both are O(size), which is why neither runs before the first page.
export function integrityCheck(db: Db, mode: 'quick' | 'full' = 'full', maxErrors = 100): string[] {
  const pragma = mode === 'quick' ? 'quick_check' : 'integrity_check';
  let rows: Array<Record<string, string>>;
  try {
    rows = db.pragma(`${pragma}(${maxErrors})`) as Array<Record<string, string>>;
  } catch (e) {
    // A damaged page can stop the check itself: that is its finding, not a crash.
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return [`${code}: ${(e as Error).message}`];
    throw e;
  }
  const messages = rows.map((r) => Object.values(r)[0] ?? '');
  return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
}
