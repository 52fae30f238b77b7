import { join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { checkProfile } from '../backup/check-profile.ts';
import { createBackup } from '../backup/create-backup.ts';
import { listBackups } from '../backup/list-backups.ts';
import { restoreProfile } from '../backup/restore-profile.ts';
import { verifyAuditLog } from '../backup/verify-audit.ts';
import { exportFileName, resolveExportPath } from '../books/export-paths.ts';
import type { HandlerDeps, HandlersOf } from './handler-types.ts';

// The printed registers (books), backups and the checks of the data (docs/register-books.md,
// docs/data-safety.md).
export function createMaintenanceHandlers({
  session,
  ready,
  desktop,
  integrity,
  resources,
}: Pick<HandlerDeps, 'session' | 'ready' | 'desktop' | 'integrity' | 'resources'>): HandlersOf<'books' | 'backup' | 'audit' | 'db'> {
  return {
    'books.export': async (input) => {
      const p = ready();
      const fileName = exportFileName(input, p.clock.now());
      const path = join(p.paths.exports, fileName);
      // The book writers (pdf-lib, fonts, spreadsheets) load on first use, not at start-up:
      // they are most of the time to the first page otherwise.
      const { exportBook } = await import('../books/export-book.ts');
      const { rows, bytes } = await exportBook(p, input, path, { fontsDir: resources.fonts });
      return { fileName, path, rows, bytes };
    },
    'books.openExport': async (input) => ({ opened: await desktop.openPath(resolveExportPath(ready().paths.exports, input.fileName)) }),
    'books.import': async (input) => {
      const { importRegister } = await import('../books/import-register.ts');
      return importRegister(ready(), {
        kind: input.kind,
        fileName: input.fileName,
        data: Buffer.from(input.dataBase64, 'base64'),
        dryRun: input.dryRun,
      });
    },
    'backup.create': () => createBackup(ready()),
    'backup.list': () => listBackups(ready()),
    'backup.restore': async (input) => {
      const before = ready();
      if (!listBackups(before).some((b) => b.fileName === input.fileName)) {
        throw new AppError('NOT_FOUND', 'Không tìm thấy bản sao lưu này.', `backup ${input.fileName} not in backups folder`);
      }
      const archive = join(before.paths.backups, input.fileName);
      const outcome = session.withClosed(() => restoreProfile(session.dir, archive, before.clock));
      // The banner that sent the clerk here must reflect the restored data, not the old file.
      void integrity.start(session.current().paths.database);
      return { restoredFrom: outcome.restoredFrom, previousDataKeptAt: outcome.previousDataKeptAt ?? '' };
    },
    'audit.list': (input) => ready().audit.list(input),
    'audit.verify': () => verifyAuditLog(ready()),
    'db.check': () => checkProfile(ready()),
  };
}
