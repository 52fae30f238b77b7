import { join } from 'node:path';
import type { OperationName, OutputOf, ParsedInputOf } from '../../shared/api/contract.ts';
import { AppError } from '../../shared/errors.ts';
import { APP_VERSION } from '../app-version.ts';
import { createBackup } from '../backup/create-backup.ts';
import { listBackups } from '../backup/list-backups.ts';
import { restoreProfile } from '../backup/restore-profile.ts';
import { exportFileName, resolveExportPath } from '../books/export-paths.ts';
import { schemaVersion } from '../db/migrate.ts';
import { writeTransaction } from '../db/connection.ts';
import { ensureDefaultSeries } from '../profile/init-profile.ts';
import { getAgencyProfile, saveAgencyProfile } from '../registry/agency-repo.ts';
import { today } from '../registry/clock.ts';
import {
  addAttachment,
  getDocumentDetail,
  readAttachment,
  updateDocument,
  voidDocument,
} from '../registry/documents.ts';
import { findDuplicates, registerIncoming } from '../registry/incoming.ts';
import { listDocuments } from '../registry/listing.ts';
import { previewOutgoingNumber, registerOutgoing } from '../registry/outgoing.ts';
import { listProcessing, updateProcessing } from '../registry/processing.ts';
import { listRegisters, listSeries, saveSeries } from '../registry/series-repo.ts';
import { checkProfile } from './check-profile.ts';
import { verifyAuditLog } from './verify-audit.ts';
import type { IntegrityMonitor } from './integrity-monitor.ts';
import type { ProfileSession } from './profile-session.ts';
import type { HubOperation } from './hub-handlers.ts';
import type { IssuanceOperation } from './issuance-handlers.ts';
import type { SigningHandlers } from './signing-handlers.ts';
import type { SyncOperation } from './sync-handlers.ts';

// What only the desktop can do; the loopback bridge supplies a version that declines.
export interface DesktopPort {
  openPath(path: string): Promise<boolean>;
}

export type Handlers = {
  [K in OperationName]: (input: ParsedInputOf<K>) => OutputOf<K> | Promise<OutputOf<K>>;
};

export interface HandlerOptions {
  // The program's own resources (fonts for printed books). The packaged app keeps them under
  // process.resourcesPath; runs from the source tree use <repo>/resources.
  readonly resourcesDir?: string;
  // The signing operations (token worker, trust anchors); see signing-handlers.ts.
  readonly signing: SigningHandlers['handlers'];
  // The issuance workflow; see issuance-handlers.ts.
  readonly issuance: Pick<Handlers, IssuanceOperation>;
  // The hub connection and the agency directory; see hub-handlers.ts.
  readonly hub: Pick<Handlers, HubOperation>;
  // The sync runs and the documents delivered by the hub; see sync-handlers.ts.
  readonly sync: Pick<Handlers, SyncOperation>;
}

// The services behind the API contract: orchestration only, the rules live in the modules. The
// mapped type makes a missing or misspelt operation a compile error.
export function createHandlers(
  session: ProfileSession,
  desktop: DesktopPort,
  integrity: IntegrityMonitor,
  options: HandlerOptions,
): Handlers {
  const fontsDir = options.resourcesDir ? join(options.resourcesDir, 'fonts') : undefined;
  const profile = () => session.current();
  const ready = () => session.requireInitialized();
  return {
    'app.info': () => {
      const p = profile();
      return {
        version: APP_VERSION,
        profileDir: p.paths.root,
        schemaVersion: schemaVersion(p.db),
        initialized: getAgencyProfile(p) !== null,
        today: today(p.clock),
        integrity: integrity.state,
        integrityDetail: integrity.detail,
      };
    },
    'profile.get': () => getAgencyProfile(profile()),
    'profile.save': (input) => {
      const p = profile();
      return writeTransaction(p.db, () => {
        const saved = saveAgencyProfile(p, input);
        ensureDefaultSeries(p);
        return saved;
      });
    },
    'series.list': () => listSeries(ready()),
    'series.save': (input) => saveSeries(ready(), input),
    'registers.list': (input) => listRegisters(ready(), input.year),
    'incoming.checkDuplicates': (input) => findDuplicates(ready(), input),
    'incoming.register': (input) => registerIncoming(ready(), input),
    'outgoing.preview': (input) =>
      previewOutgoingNumber(ready(), {
        documentType: input.documentType,
        documentDate: input.documentDate ?? null,
        unitAbbreviation: input.unitAbbreviation ?? null,
      }),
    'outgoing.register': (input) => registerOutgoing(ready(), input),
    'documents.list': (input) => listDocuments(ready(), input),
    'documents.get': (input) => getDocumentDetail(ready(), input.id),
    'documents.update': (input) => updateDocument(ready(), input),
    'documents.void': (input) => voidDocument(ready(), input.id, input.reason),
    'documents.addAttachment': (input) => addAttachment(ready(), input),
    'documents.readAttachment': (input) => {
      const file = readAttachment(ready(), input.documentId, input.sha256);
      return { name: file.name, size: file.size, dataBase64: file.data.toString('base64') };
    },
    'processing.list': (input) => listProcessing(ready(), input),
    'processing.update': (input) => updateProcessing(ready(), input),
    'books.export': async (input) => {
      const p = ready();
      const fileName = exportFileName(input, p.clock.now());
      const path = join(p.paths.exports, fileName);
      // The book writers (pdf-lib, fonts, spreadsheets) load on first use, not at start-up:
      // they are most of the time to the first page otherwise.
      const { exportBook } = await import('../books/export-book.ts');
      const { rows, bytes } = await exportBook(p, input, path, { fontsDir });
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
      void integrity.start(profile().paths.database);
      return { restoredFrom: outcome.restoredFrom, previousDataKeptAt: outcome.previousDataKeptAt ?? '' };
    },
    'audit.list': (input) => ready().audit.list(input),
    'audit.verify': () => verifyAuditLog(ready()),
    'db.check': () => checkProfile(ready()),
    ...options.signing,
    ...options.issuance,
    ...options.hub,
    ...options.sync,
  };
}
