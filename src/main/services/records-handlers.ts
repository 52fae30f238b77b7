import { schemaVersion } from '../db/migrate.ts';
import { writeTransaction } from '../db/connection.ts';
import { ensureDefaultSeries } from '../profile/init-profile.ts';
import { APP_VERSION } from '../program/app-version.ts';
import { getAgencyProfile, saveAgencyProfile } from '../registry/agency-repo.ts';
import { today } from '../registry/clock.ts';
import { addAttachment, getDocumentDetail, readAttachment, updateDocument, voidDocument } from '../registry/documents.ts';
import { findDuplicates, registerIncoming } from '../registry/incoming.ts';
import { listDocuments } from '../registry/listing.ts';
import { proposeFields } from '../prefill/propose-fields.ts';
import { previewOutgoingNumber, registerOutgoing } from '../registry/outgoing.ts';
import { listRegisters, listSeries, saveSeries } from '../registry/series-repo.ts';
import { recordDocumentUse } from '../reports/document-use.ts';
import type { HandlerDeps, HandlersOf } from './handler-types.ts';

type RecordsPrefix = 'app' | 'profile' | 'series' | 'registers' | 'incoming' | 'outgoing' | 'documents';

// The agency, its series and registers, and the documents in them (docs/numbering.md).
export function createRecordsHandlers({ session, ready, integrity }: Pick<HandlerDeps, 'session' | 'ready' | 'integrity'>): HandlersOf<RecordsPrefix> {
  const profile = () => session.current();
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
    'incoming.proposeFields': (input) => proposeFields(Buffer.from(input.dataBase64, 'base64')),
    'outgoing.preview': (input) =>
      previewOutgoingNumber(ready(), {
        documentType: input.documentType,
        documentDate: input.documentDate ?? null,
        unitAbbreviation: input.unitAbbreviation ?? null,
      }),
    'outgoing.register': (input) => registerOutgoing(ready(), input),
    'documents.list': (input) => listDocuments(ready(), input),
    // Opening a document and reading a file of it are kept in the audit log (Appendix VI
    // III.6.l), once served: the counts of reports.views (docs/reports.md).
    'documents.get': (input) => {
      const p = ready();
      const detail = getDocumentDetail(p, input.id);
      recordDocumentUse(p, input.id, 'view');
      return detail;
    },
    'documents.update': (input) => updateDocument(ready(), input),
    'documents.void': (input) => voidDocument(ready(), input.id, input.reason),
    'documents.addAttachment': (input) => addAttachment(ready(), input),
    'documents.readAttachment': (input) => {
      const p = ready();
      const file = readAttachment(p, input.documentId, input.sha256);
      recordDocumentUse(p, input.documentId, 'readFile', { sha256: input.sha256, name: file.name });
      return { name: file.name, size: file.size, dataBase64: file.data.toString('base64') };
    },
  };
}
