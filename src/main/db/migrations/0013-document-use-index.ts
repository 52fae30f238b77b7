import type { Migration } from './migration.ts';

// The views and downloads of documents (reports.views, Appendix VI III.6.a) are audit entries
// among every other one a document has (its registration, corrections, filings…): counting a
// period's uses walked every document entry of the log through audit_log_entity, 0.7 s at
// 1,000,000 documents and growing with the log (bench:records). A partial index holds the use
// entries alone, by time: the report reads only its period's, and no other audit entry pays for
// it on write. Its WHERE is the report's own condition (reports/views-report.ts, USE_ACTIONS).
export const migration0013: Migration = {
  version: 13,
  name: 'document-use-index',
  up(db) {
    db.exec(`
      CREATE INDEX audit_log_document_use ON audit_log(entity_type, at)
        WHERE action IN ('document.view', 'document.readFile');
    `);
  },
};
