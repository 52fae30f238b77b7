import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { integrityCheck } from './integrity.ts';

// Runs PRAGMA quick_check on its own read-only connection, off the thread that serves the UI.
// A database SQLite calls damaged is a finding; any other failure (busy, cannot open) only means
// the check could not run, and says so with its code.
const { path } = workerData as { path: string };
try {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    parentPort?.postMessage({ kind: 'result', problems: integrityCheck(db, 'quick') });
  } finally {
    db.close();
  }
} catch (e) {
  const code = (e as { code?: string }).code ?? 'ERROR';
  const message = `${code}: ${(e as Error).message}`;
  const damaged = code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
  parentPort?.postMessage(damaged ? { kind: 'result', problems: [message] } : { kind: 'error', message });
}
