import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { integrityCheck } from './integrity.ts';

// Runs PRAGMA quick_check on its own read-only connection, off the thread that serves the UI.
const { path } = workerData as { path: string };
try {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    parentPort?.postMessage({ problems: integrityCheck(db, 'quick') });
  } finally {
    db.close();
  }
} catch (e) {
  parentPort?.postMessage({ problems: [`${(e as { code?: string }).code ?? 'ERROR'}: ${(e as Error).message}`] });
}
